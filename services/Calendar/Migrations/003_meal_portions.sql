-- The café's meal activity follows the kitchen's portions; the time of the last change applied
-- keeps an older change, delivered late, from undoing a newer one.
ALTER TABLE activities ADD COLUMN capacity_changed_at timestamptz NULL;
