-- Each line carries an HMAC-SHA256 of its content, computed by the service with a key the database never
-- sees (Audit:SigningKey). A superuser can alter a line, and can hold the sealer's lock so that the altered
-- line is sealed as it stands; the signature then no longer fits. Lines written before this have none:
-- the first anchor of the chain records from which line on every line must be signed.
ALTER TABLE audit_log ADD COLUMN mac bytea NULL;
