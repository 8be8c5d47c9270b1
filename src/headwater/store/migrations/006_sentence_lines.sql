-- Hashes of the kept lines that read as running prose (long, ending like a sentence):
-- cross-document boilerplate detection treats those with more caution.
ALTER TABLE articles ADD COLUMN IF NOT EXISTS sentence_hashes BIGINT[] DEFAULT [];
