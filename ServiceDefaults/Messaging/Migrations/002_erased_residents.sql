-- Residents who asked to be forgotten, by id only: a late or replayed message with personal data
-- about one of them is recorded in the inbox and otherwise left alone.
CREATE TABLE erased_residents (
    resident_id uuid PRIMARY KEY,
    erased_at   timestamptz NOT NULL DEFAULT now()
);
