ALTER TABLE volunteers
    ADD COLUMN resident_id        uuid NULL,
    ADD COLUMN other_talents      text[] NOT NULL DEFAULT '{}',
    ADD COLUMN street             text NULL,
    ADD COLUMN neighbourhood      text NULL,
    ADD COLUMN travel_mode        text NOT NULL DEFAULT 'foot',
    ADD COLUMN max_distance_km    double precision NOT NULL DEFAULT 3,
    ADD COLUMN availability       jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN absences           jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN languages          text[] NOT NULL DEFAULT '{nl}',
    ADD COLUMN gender             text NULL,
    ADD COLUMN preferences        text NULL,
    ADD COLUMN max_active_matches integer NOT NULL DEFAULT 2,
    ADD COLUMN vog_status         text NOT NULL DEFAULT 'none',
    ADD COLUMN vog_issued_on      date NULL,
    ADD COLUMN active             boolean NOT NULL DEFAULT true;
CREATE INDEX volunteers_created ON volunteers (created_at DESC, id);
CREATE INDEX volunteers_talents ON volunteers USING gin (talents);
CREATE INDEX volunteers_other_talents ON volunteers USING gin (other_talents);
CREATE INDEX volunteers_resident ON volunteers (resident_id) WHERE resident_id IS NOT NULL;

ALTER TABLE volunteer_requests
    ADD COLUMN resident_id           uuid NULL,
    ADD COLUMN round_id              uuid NULL,
    ADD COLUMN neighbourhood         text NULL,
    ADD COLUMN weekly_day            integer NULL,
    ADD COLUMN weekly_start_minute   integer NULL,
    ADD COLUMN duration_minutes      integer NOT NULL DEFAULT 60,
    ADD COLUMN preferred_language    text NULL,
    ADD COLUMN preferred_gender      text NULL,
    ADD COLUMN first_name            text NULL,
    ADD COLUMN street                text NULL,
    ADD COLUMN unmatched_reported_at timestamptz NULL;
CREATE INDEX volunteer_requests_open ON volunteer_requests (created_at) WHERE status = 'open';
CREATE INDEX volunteer_requests_resident ON volunteer_requests (resident_id) WHERE resident_id IS NOT NULL;

CREATE TABLE matches (
    id            uuid PRIMARY KEY,
    request_id    uuid NOT NULL REFERENCES volunteer_requests (id),
    volunteer_id  uuid NOT NULL REFERENCES volunteers (id),
    status        text NOT NULL,
    score         double precision NOT NULL,
    proposed_by   text NOT NULL,
    declined_by   text NULL,
    end_reason    text NULL,
    evaluation    text NULL,
    proposed_at   timestamptz NOT NULL,
    changed_at    timestamptz NOT NULL
);
CREATE INDEX matches_request ON matches (request_id);
CREATE INDEX matches_volunteer ON matches (volunteer_id, status);

CREATE TABLE match_hours (
    id         uuid PRIMARY KEY,
    match_id   uuid NOT NULL REFERENCES matches (id),
    day        date NOT NULL,
    hours      numeric(5,2) NOT NULL,
    logged_at  timestamptz NOT NULL
);
CREATE INDEX match_hours_match ON match_hours (match_id);
