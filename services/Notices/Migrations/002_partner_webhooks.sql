-- A partner organisation's callback for the status changes of its own signals, once an admin approved it.
CREATE TABLE partner_webhooks (
    id            uuid PRIMARY KEY,
    partner       text NOT NULL,
    url           text NOT NULL,
    -- Kept to sign each delivery (HMAC needs the key itself); shown to the partner only at registration.
    secret        text NOT NULL,
    status        text NOT NULL,
    registered_at timestamptz NOT NULL,
    registered_by text NOT NULL,
    approved_at   timestamptz NULL,
    approved_by   text NULL
);
-- One callback in force per partner: registering again replaces the previous one.
CREATE UNIQUE INDEX partner_webhooks_current ON partner_webhooks (partner) WHERE status IN ('pending', 'approved');

-- Each status change to pass on, until delivered: the outbox of the webhooks. Its id is the change's,
-- sent along so that the receiver can drop a repeat.
CREATE TABLE webhook_deliveries (
    id               uuid PRIMARY KEY,
    partner          text NOT NULL,
    signal_id        uuid NOT NULL,
    status           text NOT NULL,
    changed_at       timestamptz NOT NULL,
    created_at       timestamptz NOT NULL,
    attempts         int NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    delivered_at     timestamptz NULL,
    last_attempt_at  timestamptz NULL,
    last_status_code int NULL,
    last_error       text NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (partner, created_at) WHERE delivered_at IS NULL;

CREATE TABLE webhook_attempts (
    delivery_id  uuid NOT NULL REFERENCES webhook_deliveries (id),
    attempt      int NOT NULL,
    webhook_id   uuid NOT NULL,
    at           timestamptz NOT NULL,
    status_code  int NULL,
    error        text NULL,
    PRIMARY KEY (delivery_id, attempt)
);
