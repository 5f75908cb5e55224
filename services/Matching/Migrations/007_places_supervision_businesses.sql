-- A local business (a shopkeeper) can ask for volunteers too; the coordinator registers it.
CREATE TABLE businesses (
    id             uuid PRIMARY KEY,
    name           text NOT NULL,
    contact_person text NOT NULL,
    contact        text NULL,
    postcode       text NULL,
    created_at     timestamptz NOT NULL
);
CREATE INDEX businesses_created ON businesses (created_at DESC, id);

-- A job can need several people: a number of places, each match takes one. Under supervision one
-- of the places is the supervisor's (a VOG-checked volunteer), with day-activity participants who
-- come along as a number, not matched one by one.
ALTER TABLE volunteer_requests
    ADD COLUMN places       integer NOT NULL DEFAULT 1 CHECK (places BETWEEN 1 AND 50),
    ADD COLUMN supervised   boolean NOT NULL DEFAULT false,
    ADD COLUMN participants integer NOT NULL DEFAULT 0 CHECK (participants >= 0 AND (supervised OR participants = 0)),
    ADD COLUMN business_id  uuid NULL REFERENCES businesses (id);

ALTER TABLE matches
    ADD COLUMN place      integer NULL CHECK (place >= 1),
    ADD COLUMN supervisor boolean NOT NULL DEFAULT false;
-- No place is taken twice, and a request has one supervisor, however many proposals race.
CREATE UNIQUE INDEX matches_place ON matches (request_id, place) WHERE status IN ('proposed', 'introduced', 'active', 'evaluated');
CREATE UNIQUE INDEX matches_supervisor ON matches (request_id) WHERE supervisor AND status IN ('proposed', 'introduced', 'active', 'evaluated');
