-- NEN 7513: who read or changed which resident's data, when, from where, with what outcome.
-- Each line carries the hash of the one before it, so a line changed or removed afterwards shows.
-- The service's database role may only add and read lines (see MigrationRunner's grants).
CREATE TABLE audit_log (
    id             bigint PRIMARY KEY,
    at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor          text NOT NULL,
    actor_name     text NULL,
    role           text NOT NULL,
    on_behalf_of   text NULL,
    action         text NOT NULL,
    record_type    text NOT NULL,
    record_id      text NULL,
    resident_ids   uuid[] NOT NULL DEFAULT '{}',
    endpoint       text NOT NULL,
    client_address text NULL,
    outcome        text NOT NULL,
    prev_hash      bytea NOT NULL,
    hash           bytea NOT NULL
);
CREATE INDEX audit_log_residents ON audit_log USING gin (resident_ids);

-- The line's content in one canonical text, the same when written and when verified.
CREATE FUNCTION audit_log_content(a audit_log) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
    SELECT convert_to(concat_ws(E'\x1f', a.id, (extract(epoch FROM a.at) * 1000000)::bigint, a.actor, a.actor_name, a.role, a.on_behalf_of,
                                a.action, a.record_type, a.record_id, array_to_string(a.resident_ids, ','), a.endpoint, a.client_address, a.outcome), 'UTF8')
$$;

CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    previous audit_log%ROWTYPE;
BEGIN
    -- One writer at a time extends the chain; held until the writing transaction ends.
    PERFORM pg_advisory_xact_lock(7513);
    SELECT * INTO previous FROM audit_log ORDER BY id DESC LIMIT 1;
    NEW.id := coalesce(previous.id, 0) + 1;
    NEW.prev_hash := coalesce(previous.hash, '\x00'::bytea);
    NEW.hash := sha256(NEW.prev_hash || audit_log_content(NEW));
    RETURN NEW;
END $$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
