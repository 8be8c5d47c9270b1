-- Reuse between articles (issue 4): edges, reprint groups with their origin, citations.
-- Rewritten as a whole by `headwater reuse` (the stage is idempotent).
CREATE TABLE IF NOT EXISTS reuse_edges (
    source_article  VARCHAR NOT NULL,   -- the earlier (or cited) side
    target_article  VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,   -- exact | near_duplicate | partial | cites
    similarity      DOUBLE NOT NULL,    -- Jaccard of word shingles
    containment     DOUBLE NOT NULL,    -- share of the shorter article found in the longer
    direction       VARCHAR NOT NULL,   -- published | citation | source_line | undetermined
    label           VARCHAR NOT NULL,   -- exact copy, trimmed reprint, edited copy, shared passages, ...
    passages        JSON NOT NULL,      -- [[source_start, source_end, target_start, target_end], ...]
    PRIMARY KEY (source_article, target_article)
);

CREATE TABLE IF NOT EXISTS reuse_groups (
    article_id  VARCHAR PRIMARY KEY,
    group_id    VARCHAR NOT NULL,
    origin      VARCHAR                -- NULL when undetermined
);

CREATE TABLE IF NOT EXISTS citations (
    article_id  VARCHAR NOT NULL,
    doc         VARCHAR NOT NULL,
    outlet      VARCHAR NOT NULL,
    surface     VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    start_pos   INTEGER,
    end_pos     INTEGER
);
