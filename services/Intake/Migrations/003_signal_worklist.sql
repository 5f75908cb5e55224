-- The signals worklist reads only these events; a partial index keeps it off the whole timeline.
CREATE INDEX case_events_signals ON case_events (seq) WHERE kind IN ('partner-signal', 'cafe-no-answer', 'activity-no-shows');
