-- An administrator's tool that retries issuing or revoking a key after a timeout sends the same
-- Idempotency-Key again. The key's secret is never stored, so a retried issue cannot be answered
-- with it; the request's fingerprint is kept on the key it issued, so the retry finds that key
-- instead of issuing a second one. Kept as long as the key is: forward-only, nullable, so the
-- previous version runs on this schema unchanged.
ALTER TABLE api_keys
    ADD COLUMN issued_for    text  NULL,
    ADD COLUMN issue_hash    bytea NULL,
    ADD COLUMN revoked_for   text  NULL;

CREATE UNIQUE INDEX api_keys_issued_for ON api_keys (issued_for) WHERE issued_for IS NOT NULL;
