-- Matching's answers can arrive out of order: the proposal of a match that was already declined
-- must not put the referral back to "proposed". The declined match is remembered to tell it apart
-- from the next volunteer's proposal, which does replace the decline.
ALTER TABLE referrals ADD COLUMN declined_match_id uuid NULL;
