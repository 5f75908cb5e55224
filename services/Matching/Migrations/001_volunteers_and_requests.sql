CREATE TABLE volunteers (
    id          uuid PRIMARY KEY,
    first_name  text NOT NULL,
    talents     text[] NOT NULL,
    postcode    text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE volunteer_requests (
    id          uuid PRIMARY KEY,
    source      text NOT NULL,
    case_id     uuid NULL,
    talent      text NOT NULL,
    postcode    text NOT NULL,
    wanted_at   timestamptz NULL,
    urgency     text NOT NULL,
    inside_home boolean NOT NULL,
    status      text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX volunteer_requests_created ON volunteer_requests (created_at DESC, id);
