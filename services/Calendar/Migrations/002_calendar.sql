ALTER TABLE activities
    ADD COLUMN organiser_kind       text NOT NULL DEFAULT 'point',
    ADD COLUMN organiser_name       text NULL,
    ADD COLUMN price_cents          int NOT NULL DEFAULT 0 CHECK (price_cents >= 0),
    ADD COLUMN reduced_price_cents  int NULL CHECK (reduced_price_cents >= 0),
    ADD COLUMN accessibility_notes  text NULL,
    ADD COLUMN target_group         text NOT NULL DEFAULT 'everyone',
    ADD COLUMN target_partner       text NULL,
    ADD COLUMN recurrence_frequency text NULL,
    ADD COLUMN recurrence_weekdays  text NULL,
    ADD COLUMN recurrence_until     date NULL,
    ADD COLUMN series_ends_at       timestamptz NULL,
    ADD COLUMN status               text NOT NULL DEFAULT 'planned',
    ADD COLUMN cancel_reason        text NULL;
UPDATE activities SET series_ends_at = ends_at;
ALTER TABLE activities ALTER COLUMN series_ends_at SET NOT NULL;
CREATE INDEX activities_category ON activities (category, starts_at);
CREATE INDEX activities_room ON activities (room, starts_at) WHERE room IS NOT NULL;

-- One row per occurrence that differs from its series: moved, skipped (a pause) or cancelled.
CREATE TABLE occurrence_exceptions (
    activity_id     uuid NOT NULL REFERENCES activities (id),
    occurrence_date date NOT NULL,
    kind            text NOT NULL,
    starts_at       timestamptz NULL,
    ends_at         timestamptz NULL,
    room            text NULL,
    reason          text NULL,
    PRIMARY KEY (activity_id, occurrence_date)
);

ALTER TABLE signups
    ADD COLUMN occurrence_date date NULL,
    ADD COLUMN companions      int NOT NULL DEFAULT 0 CHECK (companions >= 0),
    ADD COLUMN access_needs    text NULL,
    ADD COLUMN needs_ride      boolean NOT NULL DEFAULT false,
    ADD COLUMN channel         text NOT NULL DEFAULT 'self',
    ADD COLUMN resident_id     uuid NULL,
    ADD COLUMN referral_id     uuid NULL UNIQUE,
    ADD COLUMN cancelled_at    timestamptz NULL;
CREATE INDEX signups_resident ON signups (resident_id) WHERE resident_id IS NOT NULL;

CREATE TABLE attendance (
    signup_id       uuid NOT NULL REFERENCES signups (id),
    occurrence_date date NOT NULL,
    status          text NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (signup_id, occurrence_date)
);

CREATE TABLE proposals (
    id             uuid PRIMARY KEY,
    title          text NOT NULL,
    description    text NOT NULL,
    category       text NOT NULL,
    proposed_by    text NOT NULL,
    phone          text NULL,
    resident_id    uuid NULL,
    suggested_time text NULL,
    status         text NOT NULL DEFAULT 'proposed',
    decline_reason text NULL,
    activity_id    uuid NULL REFERENCES activities (id),
    created_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX proposals_status ON proposals (status, created_at);
