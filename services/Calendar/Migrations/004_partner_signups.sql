-- A partner organisation signs up its own clients: a first name and the partner's own client
-- reference, never a BSN. A client holds one active sign-up per occurrence (or series).
ALTER TABLE signups ADD COLUMN partner_org text NULL, ADD COLUMN client_reference text NULL;
CREATE UNIQUE INDEX signups_partner_client ON signups (activity_id, partner_org, client_reference, coalesce(occurrence_date, '-infinity'::date))
    WHERE partner_org IS NOT NULL AND status <> 'cancelled';
