-- Input files already read (path, size, modification time): a re-run skips them unread.
CREATE TABLE IF NOT EXISTS inputs (
    path      VARCHAR PRIMARY KEY,
    size      BIGINT NOT NULL,
    mtime_ns  BIGINT NOT NULL,
    articles  INTEGER NOT NULL,
    read_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
);
