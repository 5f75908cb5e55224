-- Volunteers are told what concerns them too (a VOG about to expire, a delivery round): their way of
-- contact comes from matching's VolunteerContactRecorded. A notice is for a resident or a volunteer.
CREATE TABLE volunteer_recipients (
    volunteer_id      uuid PRIMARY KEY,
    first_name        text NOT NULL,
    preferred_contact text NOT NULL,
    phone             text NULL,
    email             text NULL,
    recorded_at       timestamptz NOT NULL
);

ALTER TABLE notices
    ALTER COLUMN resident_id DROP NOT NULL,
    ADD COLUMN volunteer_id uuid NULL,
    ADD CONSTRAINT notices_one_person CHECK ((resident_id IS NULL) <> (volunteer_id IS NULL));

CREATE INDEX notices_volunteer ON notices (volunteer_id) WHERE volunteer_id IS NOT NULL;

-- Text messages go through the sender as emails do.
DROP INDEX notices_messages_unsent;
CREATE INDEX notices_messages_unsent ON notices (created_at) WHERE way IN ('email', 'sms') AND sent_at IS NULL;
