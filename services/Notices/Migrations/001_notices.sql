-- Who may be told something, and how they want to hear it: from intake's ResidentContactRecorded.
CREATE TABLE recipients (
    resident_id       uuid PRIMARY KEY,
    first_name        text NOT NULL,
    last_name         text NOT NULL,
    preferred_contact text NOT NULL,
    phone             text NULL,
    email             text NULL,
    street            text NULL,
    house_number      text NOT NULL,
    postcode          text NOT NULL,
    city              text NULL,
    recorded_at       timestamptz NOT NULL
);

-- One notice per fact per person (source_key: the fact's own id), whatever the broker repeats.
-- way is null until the resident's contact is known; the text holds no name or address (those are
-- read from recipients when the call list, the letter or the message is made).
CREATE TABLE notices (
    id          uuid PRIMARY KEY,
    source_key  text NOT NULL UNIQUE,
    resident_id uuid NOT NULL,
    kind        text NOT NULL,
    subject     text NOT NULL,
    text        text NOT NULL,
    way         text NULL,
    due_on      date NOT NULL,
    created_at  timestamptz NOT NULL,
    done_at     timestamptz NULL,
    done_by     text NULL,
    sent_at     timestamptz NULL,
    attempts    int NOT NULL DEFAULT 0
);

CREATE INDEX notices_resident ON notices (resident_id);
CREATE INDEX notices_calls_open ON notices (due_on, created_at) WHERE way = 'call' AND done_at IS NULL;
CREATE INDEX notices_messages_unsent ON notices (created_at) WHERE way = 'email' AND sent_at IS NULL;
CREATE INDEX notices_awaiting ON notices (resident_id) WHERE way IS NULL;
