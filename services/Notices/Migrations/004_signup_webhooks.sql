-- A partner's sign-ups of its own clients for activities pass on their status changes too: a delivery
-- is about a signal or about a sign-up (with its activity and date), and says which in its type.
ALTER TABLE webhook_deliveries
    ADD COLUMN type text NOT NULL DEFAULT 'signal.status-changed',
    ALTER COLUMN signal_id DROP NOT NULL,
    ADD COLUMN signup_id uuid NULL,
    ADD COLUMN activity_id uuid NULL,
    ADD COLUMN occurrence_date date NULL,
    ADD CONSTRAINT webhook_deliveries_one_subject CHECK ((signal_id IS NULL) <> (signup_id IS NULL));
