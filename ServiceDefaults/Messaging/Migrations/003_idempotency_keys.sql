-- Idempotency-Key of a write, per caller: inserted by the request's unit of work in the transaction
-- of its effect, so a retry (or a duplicate racing the first) finds the key instead of acting twice.
-- The answer is filled in once it is produced; until then the key is in flight. "request" is the
-- method and path (ids, never a name); the answer is what the caller was told, erased with the
-- resident it names. Rows live 24 hours (IdempotencyCleanup).
CREATE TABLE idempotency_keys (
    caller        text        NOT NULL,
    key           text        NOT NULL,
    request       text        NOT NULL,
    request_hash  bytea       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    status        integer,
    content_type  text,
    location      text,
    answer        bytea,
    PRIMARY KEY (caller, key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
