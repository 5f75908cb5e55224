-- A resident's or volunteer's way of contact changes after registration, and the messages that carry
-- the changes may arrive out of order: the owner's time of recording (stated_at) is kept with the
-- contact, and an older one that arrives later is ignored. Null for a contact from a message before
-- the stamp, which any stamped one replaces. Nullable, so the previous version runs on it.
ALTER TABLE recipients ADD COLUMN stated_at timestamptz NULL;
ALTER TABLE volunteer_recipients ADD COLUMN stated_at timestamptz NULL;
