-- One warning per volunteer and expiry date: a renewed certificate has a new expiry and is warned about again.
CREATE TABLE vog_warnings (
    volunteer_id uuid NOT NULL REFERENCES volunteers (id),
    expires_on   date NOT NULL,
    warned_at    timestamptz NOT NULL,
    PRIMARY KEY (volunteer_id, expires_on)
);
CREATE INDEX vog_warnings_warned ON vog_warnings (warned_at DESC);

-- The coordinator's check-in with both sides after the first meeting of a match.
ALTER TABLE matches
    ADD COLUMN checked_in_at  timestamptz NULL,
    ADD COLUMN check_in_notes text NULL,
    ADD COLUMN checked_in_by  text NULL;
CREATE INDEX matches_check_in_open ON matches (changed_at) WHERE status = 'active' AND checked_in_at IS NULL;
