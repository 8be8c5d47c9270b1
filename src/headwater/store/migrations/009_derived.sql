-- Quantities are extracted per article by the extract stage, keyed by the article's text hash
-- (``quantity_runs``: an unchanged article is not redone); stored quantities predate the key, so they are
-- cleared and the next extract fills them in from the stored attributions (no parse needed).
-- The claims stage stores what it derives across articles: the speakers (sides filled in, names mapped to
-- their corpus-wide entity) and the estimate tables, each row a view as the dossier shows it; readers
-- (report, web, API, exports) only read them.
ALTER TABLE quantities ADD COLUMN IF NOT EXISTS text_hash VARCHAR;
ALTER TABLE quantities ADD COLUMN IF NOT EXISTS seq INTEGER;
DELETE FROM quantities;
CREATE TABLE IF NOT EXISTS quantity_runs (
    article_id  VARCHAR PRIMARY KEY,
    text_hash   VARCHAR NOT NULL,
    n           INTEGER NOT NULL        -- quantities written
);
CREATE TABLE IF NOT EXISTS speakers (
    rank  INTEGER NOT NULL,             -- the dossier's order
    view  JSON NOT NULL                 -- {speaker, type, side, role, statements, denials, articles, claims, examples}
);
CREATE TABLE IF NOT EXISTS estimate_tables (
    rank  INTEGER NOT NULL,
    view  JSON NOT NULL                 -- {quantity, unit, entries: [...], contradictions: [...]}
);
