-- A home visit needs the door and a way to get in touch; intake sends them only with the resident's consent.
ALTER TABLE volunteer_requests ADD COLUMN house_number text NULL, ADD COLUMN contact text NULL;
