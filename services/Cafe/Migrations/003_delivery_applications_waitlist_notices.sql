-- Applications for home-delivered meals that the neighbourhood team sends; the café's desk calls the
-- resident, then accepts (a standing order starts) or declines. The id is intake's referral id.
CREATE TABLE delivery_applications (
    id                uuid PRIMARY KEY,
    resident_id       uuid NOT NULL,
    display_name      text NOT NULL,
    street            text NOT NULL,
    house_number      text NOT NULL,
    postcode          text NOT NULL,
    phone             text,
    weekdays          int[] NOT NULL,
    starts_on         date,
    remarks           text,
    status            text NOT NULL,
    standing_order_id uuid REFERENCES standing_orders (id) ON DELETE SET NULL,
    decline_reason    text,
    decided_by        text,
    received_at       timestamptz NOT NULL,
    decided_at        timestamptz
);
CREATE INDEX delivery_applications_status ON delivery_applications (status, received_at);
CREATE INDEX delivery_applications_resident ON delivery_applications (resident_id);

-- A waiting resident whose order got a freed portion; the desk tells them (most have no app) and ticks it off.
CREATE TABLE waitlist_notices (
    id         uuid PRIMARY KEY,
    order_id   uuid NOT NULL UNIQUE REFERENCES meal_orders (id),
    created_at timestamptz NOT NULL,
    told_at    timestamptz,
    told_by    text
);
CREATE INDEX waitlist_notices_open ON waitlist_notices (created_at) WHERE told_at IS NULL;

-- The match matching proposed for a round, so that a decline of an older proposal changes nothing.
ALTER TABLE delivery_rounds ADD COLUMN match_id uuid;
