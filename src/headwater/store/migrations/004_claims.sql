-- Claims across articles (with their origins, denials and grade) and numeric estimates.
CREATE TABLE IF NOT EXISTS claims (
    id                   VARCHAR PRIMARY KEY,   -- hash of the members' (article, content span)
    rank                 INTEGER NOT NULL,      -- by independent origins, then articles
    text                 VARCHAR NOT NULL,      -- canonical short wording, taken from a member
    unattributed         BOOLEAN NOT NULL,
    independent_origins  INTEGER NOT NULL,
    reliability          VARCHAR NOT NULL,      -- Admiralty A-F
    credibility          VARCHAR NOT NULL,      -- Admiralty 1-6
    likelihood           VARCHAR,               -- ICD 203 term stated in the text, kept apart
    reasons              JSON NOT NULL,         -- ["...", ...]
    members              JSON NOT NULL,         -- [attribution as exported, ...]
    origins              JSON NOT NULL,         -- [{speaker, type, side, first_outlet, relayed_by, articles}, ...]
    denials              JSON NOT NULL          -- [attribution as exported, ...]
);

CREATE TABLE IF NOT EXISTS quantities (
    article_id  VARCHAR NOT NULL,
    doc         VARCHAR NOT NULL,
    quantity    VARCHAR NOT NULL,   -- what is counted, normalised ("Russian soldiers killed")
    unit        VARCHAR,
    value       DOUBLE,
    low         DOUBLE,
    high        DOUBLE,
    qualifier   VARCHAR,
    span        JSON NOT NULL,      -- {text, start, end, raw_start, raw_end}
    speaker     VARCHAR,
    side        VARCHAR NOT NULL,
    as_of       VARCHAR
);
