-- Attributions (who said what), keyed by article and the hash of the text they were extracted from.
CREATE TABLE IF NOT EXISTS attributions (
    article_id          VARCHAR NOT NULL,
    text_hash           VARCHAR NOT NULL,   -- articles.text_hash at extraction time
    seq                 INTEGER NOT NULL,   -- order within the article
    doc                 VARCHAR NOT NULL,
    kind                VARCHAR NOT NULL,   -- direct | indirect | mixed | according_to | unattributed
    stance              VARCHAR NOT NULL,   -- assert | deny | no_comment
    content_text        VARCHAR NOT NULL,
    content_start       INTEGER NOT NULL,
    content_end         INTEGER NOT NULL,
    content_raw_start   INTEGER,
    content_raw_end     INTEGER,
    cue_text            VARCHAR,
    cue_start           INTEGER,
    cue_end             INTEGER,
    cue_raw_start       INTEGER,
    cue_raw_end         INTEGER,
    speaker_text        VARCHAR,
    speaker_start       INTEGER,
    speaker_end         INTEGER,
    speaker_raw_start   INTEGER,
    speaker_raw_end     INTEGER,
    speaker_resolved    VARCHAR,
    speaker_type        VARCHAR,
    speaker_side        VARCHAR,
    speaker_role        VARCHAR,
    via                 VARCHAR,
    PRIMARY KEY (article_id, seq)
);

-- One row per article processed (also when it has no attribution), so a rerun skips it.
CREATE TABLE IF NOT EXISTS attribution_runs (
    article_id  VARCHAR PRIMARY KEY,
    text_hash   VARCHAR NOT NULL,
    model       VARCHAR,
    n           INTEGER NOT NULL,
    run_at      TIMESTAMP NOT NULL DEFAULT current_timestamp
);
