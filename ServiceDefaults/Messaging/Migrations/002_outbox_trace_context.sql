-- The trace a message was committed in (W3C traceparent), so that publishing it, and its consumers,
-- continue that trace instead of starting one of their own.
ALTER TABLE outbox_messages ADD COLUMN trace_parent text NULL;
