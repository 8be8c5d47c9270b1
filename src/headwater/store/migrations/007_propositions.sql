-- What each attributed content states (extract/propositions.py): type, predicate, roles, polarity, modality,
-- as one JSON object. Stored attributions predate it: clearing the runs makes the next extract redo them.
ALTER TABLE attributions ADD COLUMN IF NOT EXISTS proposition JSON;
DELETE FROM attribution_runs;
