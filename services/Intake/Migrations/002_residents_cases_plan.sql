CREATE TABLE households (
    id             uuid PRIMARY KEY,
    postcode       text NOT NULL,
    house_number   text NOT NULL,
    street         text NULL,
    city           text NULL,
    neighbourhood  text NULL,
    created_at     timestamptz NOT NULL
);
CREATE INDEX households_address ON households (postcode, house_number);

CREATE TABLE residents (
    id                 uuid PRIMARY KEY,
    household_id       uuid NOT NULL REFERENCES households (id),
    first_name         text NULL,
    last_name          text NULL,
    date_of_birth      date NULL,
    phone              text NULL,
    email              text NULL,
    preferred_contact  text NOT NULL,
    erased_at          timestamptz NULL,
    created_at         timestamptz NOT NULL
);
CREATE INDEX residents_household ON residents (household_id);
CREATE INDEX residents_name ON residents (lower(last_name), lower(first_name));

CREATE TABLE professionals (
    id            uuid PRIMARY KEY,
    name          text NOT NULL,
    organisation  text NOT NULL,
    role          text NOT NULL,
    created_at    timestamptz NOT NULL
);

-- A help request that was not answered at the desk is a case.
ALTER TABLE help_requests
    ADD COLUMN resident_id    uuid NULL REFERENCES residents (id),
    ADD COLUMN household_id   uuid NULL REFERENCES households (id),
    ADD COLUMN neighbourhood  text NULL,
    ADD COLUMN on_behalf_of   text NULL,
    ADD COLUMN regisseur_id   uuid NULL REFERENCES professionals (id),
    ADD COLUMN outcome        text NULL,
    ADD COLUMN closed_at      timestamptz NULL;
CREATE INDEX help_requests_open ON help_requests (neighbourhood, regisseur_id) WHERE status <> 'closed';
CREATE INDEX help_requests_household ON help_requests (household_id);

-- Quick questions answered at the desk: counted, nothing personal kept.
CREATE TABLE counted_questions (
    id             uuid PRIMARY KEY,
    channel        text NOT NULL,
    domains        text[] NOT NULL,
    neighbourhood  text NULL,
    answered_on    date NOT NULL
);
CREATE INDEX counted_questions_day ON counted_questions (answered_on);

CREATE TABLE case_events (
    seq          bigserial PRIMARY KEY,
    case_id      uuid NOT NULL REFERENCES help_requests (id),
    kind         text NOT NULL,
    detail       text NULL,
    actor        text NOT NULL,
    occurred_at  timestamptz NOT NULL
);
CREATE INDEX case_events_case ON case_events (case_id, seq);

CREATE TABLE plan_items (
    id            uuid PRIMARY KEY,
    household_id  uuid NOT NULL REFERENCES households (id),
    kind          text NOT NULL,
    description   text NOT NULL,
    name          text NULL,
    relation      text NULL,
    organisation  text NULL,
    goal_id       uuid NULL REFERENCES plan_items (id),
    owner         text NULL,
    due_date      date NULL,
    done_at       timestamptz NULL,
    recorded_by   text NOT NULL,
    recorded_at   timestamptz NOT NULL
);
CREATE INDEX plan_items_household ON plan_items (household_id, recorded_at);
CREATE INDEX plan_items_open_actions ON plan_items (due_date) WHERE kind = 'action' AND done_at IS NULL;

CREATE TABLE consents (
    id            uuid PRIMARY KEY,
    resident_id   uuid NOT NULL REFERENCES residents (id),
    purpose       text NOT NULL,
    recipient     text NOT NULL,
    given_at      timestamptz NOT NULL,
    recorded_by   text NOT NULL,
    withdrawn_at  timestamptz NULL
);
CREATE INDEX consents_resident ON consents (resident_id);

CREATE TABLE referrals (
    id           uuid PRIMARY KEY,
    case_id      uuid NOT NULL REFERENCES help_requests (id),
    kind         text NOT NULL,
    target       text NOT NULL,
    status       text NOT NULL,
    follow_up_on date NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX referrals_case ON referrals (case_id);

CREATE TABLE partner_signals (
    id            uuid PRIMARY KEY,
    partner       text NOT NULL,
    case_id       uuid NOT NULL REFERENCES help_requests (id),
    referral_id   uuid NULL,
    received_at   timestamptz NOT NULL,
    acted_upon_at timestamptz NULL
);

CREATE TABLE erasures (
    id            uuid PRIMARY KEY,
    resident_id   uuid NOT NULL,
    requested_by  text NOT NULL,
    requested_at  timestamptz NOT NULL
);
CREATE TABLE erasure_confirmations (
    erasure_id    uuid NOT NULL REFERENCES erasures (id),
    service       text NOT NULL,
    confirmed_at  timestamptz NOT NULL,
    PRIMARY KEY (erasure_id, service)
);
UPDATE help_requests SET status = 'registered' WHERE status = 'volunteer-requested';
