-- Articles, their removed lines, unreadable inputs, and cross-document boilerplate.
CREATE TABLE IF NOT EXISTS articles (
    id               VARCHAR PRIMARY KEY,   -- hash of cleaned text before cross-document removal
    doc              VARCHAR NOT NULL,      -- input file name (name.jsonl#N for record N)
    path             VARCHAR NOT NULL,
    source_format    VARCHAR NOT NULL,
    title            VARCHAR,
    outlet           VARCHAR,
    credited_source  VARCHAR,
    url              VARCHAR,
    published        VARCHAR,
    language         VARCHAR,
    raw_text         VARCHAR NOT NULL,
    text             VARCHAR NOT NULL,
    text_hash        VARCHAR NOT NULL,      -- hash of the current cleaned text
    offsets          JSON NOT NULL,         -- [[clean_start, raw_start, length], ...]
    removed          JSON NOT NULL,         -- [{raw_start, raw_end, text, reason}, ...]
    line_hashes      BIGINT[] NOT NULL,     -- kept lines before cross-document removal
    crossdoc_applied BIGINT[] NOT NULL,
    words            INTEGER NOT NULL,
    ingested_at      TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS ingest_errors (
    path      VARCHAR NOT NULL,
    reason    VARCHAR NOT NULL,
    failed_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS boilerplate_lines (
    line_hash  BIGINT PRIMARY KEY,
    text       VARCHAR NOT NULL,
    articles   INTEGER NOT NULL,
    reason     VARCHAR NOT NULL
);
