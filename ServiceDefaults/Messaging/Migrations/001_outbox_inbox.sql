CREATE TABLE outbox_messages (
    sequence     bigint GENERATED ALWAYS AS IDENTITY,
    id           uuid PRIMARY KEY,
    message_type text NOT NULL,
    body         jsonb NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    sent_at      timestamptz NULL,
    attempts     int NOT NULL DEFAULT 0,
    last_error   text NULL
);
CREATE INDEX outbox_messages_pending ON outbox_messages (sequence) WHERE sent_at IS NULL;
CREATE INDEX outbox_messages_sent ON outbox_messages (sent_at) WHERE sent_at IS NOT NULL;

CREATE TABLE inbox_messages (
    message_id  uuid NOT NULL,
    consumer    text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (message_id, consumer)
);
CREATE INDEX inbox_messages_received ON inbox_messages (received_at);
