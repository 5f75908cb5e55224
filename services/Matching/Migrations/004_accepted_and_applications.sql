-- The volunteer's own yes to a proposal.
ALTER TABLE matches ADD COLUMN accepted_at timestamptz NULL;

-- Residents who sign up as a volunteer themselves wait (inactive) for the coordinator's approval and a VOG.
ALTER TABLE volunteers
    ADD COLUMN application_status text NOT NULL DEFAULT 'approved',
    ADD COLUMN decision_reason    text NULL;
CREATE INDEX volunteers_applications ON volunteers (created_at, id) WHERE application_status = 'pending';
ALTER TABLE volunteers ADD COLUMN decided_as_application boolean NOT NULL DEFAULT false;
