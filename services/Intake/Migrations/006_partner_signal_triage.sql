-- A partner's signal waits for a professional's triage before a home visit is requested (unless the
-- team switched on automatic requests); the partner sees its status move on.
ALTER TABLE partner_signals
    ADD COLUMN status     text NOT NULL DEFAULT 'received',
    ADD COLUMN concern    text NULL,
    ADD COLUMN triaged_at timestamptz NULL,
    ADD COLUMN triaged_by text NULL;
UPDATE partner_signals SET status = 'acted-upon' WHERE acted_upon_at IS NOT NULL;
CREATE INDEX partner_signals_received ON partner_signals (received_at) WHERE status = 'received';
CREATE INDEX partner_signals_referral ON partner_signals (referral_id) WHERE referral_id IS NOT NULL;
CREATE INDEX partner_signals_case ON partner_signals (case_id);

-- What a neighbourhood team decided for itself; a team without a row has the defaults.
CREATE TABLE team_settings (
    neighbourhood            text PRIMARY KEY,
    automatic_visit_requests boolean NOT NULL,
    set_by                   text NOT NULL,
    set_at                   timestamptz NOT NULL
);
