CREATE TABLE activities (
    id          uuid PRIMARY KEY,
    title       text NOT NULL,
    description text NOT NULL,
    category    text NOT NULL,
    room        text NULL,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    capacity    int NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    CHECK (capacity >= 0)
);
CREATE INDEX activities_starts ON activities (starts_at, id);

CREATE TABLE signups (
    id           uuid PRIMARY KEY,
    activity_id  uuid NOT NULL REFERENCES activities (id),
    display_name text NOT NULL,
    phone        text NULL,
    status       text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX signups_activity ON signups (activity_id, created_at);
