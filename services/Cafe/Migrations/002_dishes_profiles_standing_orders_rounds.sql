CREATE TABLE dishes (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    description text NOT NULL,
    price_cents int NOT NULL CHECK (price_cents >= 0),
    allergens   text[] NOT NULL,
    diet_tags   text[] NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- The dishes served on a day; the first is the day's main dish, others are variants (vegetarian, pureed).
CREATE TABLE menu_dishes (
    menu_id  uuid NOT NULL REFERENCES daily_menus (id),
    dish_id  uuid NOT NULL REFERENCES dishes (id),
    position int NOT NULL,
    PRIMARY KEY (menu_id, dish_id)
);

CREATE TABLE resident_profiles (
    resident_id             uuid PRIMARY KEY,
    display_name            text NOT NULL,
    allergies               text[] NOT NULL,
    diets                   text[] NOT NULL,
    texture                 text NOT NULL,
    street                  text,
    house_number            text,
    postcode                text,
    phone                   text,
    emergency_contact_name  text,
    emergency_contact_phone text,
    payment_method          text NOT NULL,
    low_income              boolean NOT NULL,
    updated_at              timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE standing_orders (
    id              uuid PRIMARY KEY,
    resident_id     uuid NOT NULL,
    weekdays        int[] NOT NULL,
    fulfilment      text NOT NULL,
    portions        int NOT NULL CHECK (portions > 0),
    special_request text,
    starts_on       date NOT NULL,
    ends_on         date,
    paused_from     date,
    paused_until    date,
    status          text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX standing_orders_resident ON standing_orders (resident_id);

ALTER TABLE meal_orders
    ADD COLUMN menu_date           date,
    ADD COLUMN dish_id             uuid REFERENCES dishes (id),
    ADD COLUMN resident_id         uuid,
    ADD COLUMN status              text NOT NULL DEFAULT 'placed',
    ADD COLUMN placed_by           text NOT NULL DEFAULT 'resident',
    ADD COLUMN channel             text NOT NULL DEFAULT 'app',
    ADD COLUMN special_request     text,
    ADD COLUMN street              text,
    ADD COLUMN house_number        text,
    ADD COLUMN postcode            text,
    ADD COLUMN price_cents         int NOT NULL DEFAULT 0,
    ADD COLUMN payment_method      text NOT NULL DEFAULT 'counter',
    ADD COLUMN paid_at             timestamptz,
    ADD COLUMN chargeable          boolean NOT NULL DEFAULT false,
    ADD COLUMN confirmed_conflicts text[] NOT NULL DEFAULT '{}',
    ADD COLUMN standing_order_id   uuid REFERENCES standing_orders (id),
    ADD COLUMN cancelled_at        timestamptz;
UPDATE meal_orders o SET menu_date = m.menu_date FROM daily_menus m WHERE m.id = o.menu_id;
ALTER TABLE meal_orders ALTER COLUMN menu_date SET NOT NULL;
-- A standing order yields at most one order a day, however often the day's menu is processed.
CREATE UNIQUE INDEX meal_orders_standing_once ON meal_orders (standing_order_id, menu_id) WHERE standing_order_id IS NOT NULL;
CREATE INDEX meal_orders_resident ON meal_orders (resident_id, menu_date);

CREATE TABLE delivery_rounds (
    id                   uuid PRIMARY KEY,
    menu_id              uuid NOT NULL REFERENCES daily_menus (id),
    round_date           date NOT NULL,
    number               int NOT NULL,
    postcode             text NOT NULL,
    starts_at            timestamptz NOT NULL,
    volunteer_id         uuid,
    volunteer_first_name text,
    status               text NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    UNIQUE (menu_id, number)
);

CREATE TABLE delivery_stops (
    id         uuid PRIMARY KEY,
    round_id   uuid NOT NULL REFERENCES delivery_rounds (id),
    order_id   uuid NOT NULL UNIQUE REFERENCES meal_orders (id),
    position   int NOT NULL,
    status     text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX delivery_stops_round ON delivery_stops (round_id, position);
