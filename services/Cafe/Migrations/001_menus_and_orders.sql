CREATE TABLE daily_menus (
    id           uuid PRIMARY KEY,
    menu_date    date NOT NULL UNIQUE,
    dish         text NOT NULL,
    description  text NOT NULL,
    price_cents  int NOT NULL CHECK (price_cents >= 0),
    allergens    text[] NOT NULL,
    portions     int NOT NULL CHECK (portions >= 0),
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE meal_orders (
    id            uuid PRIMARY KEY,
    menu_id       uuid NOT NULL REFERENCES daily_menus (id),
    resident_name text NOT NULL,
    fulfilment    text NOT NULL,
    portions      int NOT NULL CHECK (portions > 0),
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX meal_orders_menu ON meal_orders (menu_id, created_at);
