-- A plan action can be a referral: the action shows the referral's latest answer.
ALTER TABLE plan_items ADD COLUMN referral_id uuid NULL REFERENCES referrals (id);
CREATE INDEX plan_items_referral ON plan_items (referral_id) WHERE referral_id IS NOT NULL;
