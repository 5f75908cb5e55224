-- The ids of erased volunteers (only the id): a contact message about one that arrives after the
-- erasure (redelivered, or overtaken on the broker) must not bring their name and number back.
CREATE TABLE erased_volunteers (
    volunteer_id uuid PRIMARY KEY
);
