-- A claim's proposition type (assertion, estimate, prediction, demand, opinion) and the claims that state
-- the same proposition with the opposite polarity.
ALTER TABLE claims ADD COLUMN IF NOT EXISTS type VARCHAR DEFAULT 'assertion';
ALTER TABLE claims ADD COLUMN IF NOT EXISTS contradicts JSON DEFAULT '[]';
