-- The chain is no longer extended inside the writing transaction. There, one writer at a time held
-- every audited request of the service behind the chain's lock until its commit had reached disk, which
-- capped a service at about a hundred changes a second. Lines are now written without waiting for each
-- other; a sealer chains them shortly afterwards (AuditSealer, at most a second later, and at once before
-- a verification), in the order in which they became visible.
DROP TRIGGER audit_log_chain ON audit_log;
DROP FUNCTION audit_log_chain();

CREATE SEQUENCE audit_log_id_seq OWNED BY audit_log.id;
SELECT setval('audit_log_id_seq', coalesce((SELECT max(id) FROM audit_log), 0) + 1, false);
ALTER TABLE audit_log ALTER COLUMN id SET DEFAULT nextval('audit_log_id_seq');

-- The chain: each seal covers one line and the seal before it. Insert-only for the service's role.
CREATE TABLE audit_seals (
    seq       bigint PRIMARY KEY,
    line_id   bigint NOT NULL UNIQUE,
    prev_hash bytea NOT NULL,
    hash      bytea NOT NULL
);
INSERT INTO audit_seals (seq, line_id, prev_hash, hash) SELECT id, id, prev_hash, hash FROM audit_log;
ALTER TABLE audit_log DROP COLUMN prev_hash, DROP COLUMN hash;

-- Lines written but not sealed yet; the sealer takes them from here.
CREATE TABLE audit_unsealed (line_id bigint PRIMARY KEY);

CREATE FUNCTION audit_log_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_unsealed (line_id) VALUES (NEW.id);
    RETURN NULL;
END $$;

CREATE TRIGGER audit_log_enqueue AFTER INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_enqueue();

-- Seals up to max_lines committed lines; returns how many. Instances of a service take turns: one
-- that finds another sealing returns 0 and comes back later.
CREATE FUNCTION audit_seal(max_lines integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    previous_hash bytea;
    previous_seq  bigint;
    line          audit_log%ROWTYPE;
    sealed        integer := 0;
BEGIN
    IF NOT pg_try_advisory_xact_lock(7513) THEN
        RETURN 0;
    END IF;
    SELECT seq, hash INTO previous_seq, previous_hash FROM audit_seals ORDER BY seq DESC LIMIT 1;
    previous_seq := coalesce(previous_seq, 0);
    previous_hash := coalesce(previous_hash, '\x00'::bytea);
    -- A queued id that has no line (removed by hand) or a seal already (put back by hand) is only dequeued;
    -- verification reports either.
    DELETE FROM audit_unsealed u
     WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.id = u.line_id)
        OR EXISTS (SELECT 1 FROM audit_seals s WHERE s.line_id = u.line_id);
    FOR line IN SELECT a.* FROM audit_unsealed u JOIN audit_log a ON a.id = u.line_id ORDER BY u.line_id LIMIT max_lines LOOP
        previous_seq := previous_seq + 1;
        INSERT INTO audit_seals (seq, line_id, prev_hash, hash)
        VALUES (previous_seq, line.id, previous_hash, sha256(previous_hash || audit_log_content(line)))
        RETURNING hash INTO previous_hash;
        DELETE FROM audit_unsealed WHERE line_id = line.id;
        sealed := sealed + 1;
    END LOOP;
    RETURN sealed;
END $$;
