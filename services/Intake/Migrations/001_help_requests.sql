CREATE TABLE help_requests (
    id           uuid PRIMARY KEY,
    channel      text NOT NULL,
    domains      text[] NOT NULL,
    urgency      text NOT NULL,
    postcode     text NOT NULL,
    description  text NOT NULL,
    talent       text NULL,
    status       text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX help_requests_created ON help_requests (created_at DESC, id);
