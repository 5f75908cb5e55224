-- One household, one regisseur: the household holds its regisseur, whichever case opened the question.
ALTER TABLE households ADD COLUMN regisseur_id uuid NULL REFERENCES professionals (id);
UPDATE households h SET regisseur_id = (
    SELECT c.regisseur_id FROM help_requests c
     WHERE c.household_id = h.id AND c.regisseur_id IS NOT NULL AND c.status <> 'closed'
     ORDER BY c.created_at DESC LIMIT 1);
