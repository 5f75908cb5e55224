-- Why this volunteer: the ranking's reasons and distance at the time of the proposal, for the coordinator to see and overrule.
ALTER TABLE matches ADD COLUMN reasons jsonb NULL, ADD COLUMN distance_km double precision NULL;
