-- Partner systems call with an API key; only its SHA-256 hash is kept, so a leaked table opens nothing.
CREATE TABLE api_keys (
    id            uuid PRIMARY KEY,
    partner_org   text NOT NULL,
    role          text NOT NULL,
    description   text NULL,
    secret_hash   bytea NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text NOT NULL,
    revoked_at    timestamptz NULL,
    last_used_at  timestamptz NULL
);
