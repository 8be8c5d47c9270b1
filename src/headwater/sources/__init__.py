"""Readers: files, directories, globs -> RawArticle records (or IngestError for what cannot be read).

Each reader is a generator over one file. A file that cannot be read yields one
``IngestError`` naming the reason; a multi-record file (JSONL, JSON array, WARC, feed)
with one bad record yields an error for that record and goes on with the rest. Any
exception a reader lets out is turned into an error for its file by ``read_file``: records
read before it are kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from headwater.config import IngestConfig
from headwater.model import IgnoredFile, IngestError, RawArticle
from headwater.sources.decode import decode_bytes, valid_name
from headwater.sources.limits import reason_for
from headwater.sources.readers import read_feed, read_html, read_jsonl, read_text, read_warc
from headwater.sources.walk import expand_paths as _expand
from headwater.sources.walk import suffix_of

READERS = {
    ".txt": read_text,
    ".text": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_jsonl,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
    ".warc": read_warc,
    ".gz": read_warc,  # .warc.gz only; other .gz files are refused below
}
# Streamed record by record: the whole-file size limit does not apply.
STREAMED = frozenset({read_warc, read_jsonl})

__all__ = ["READERS", "decode_bytes", "expand_paths", "read_file"]


def expand_paths(
    paths: Iterable[str | Path], follow_symlinks: bool = False
) -> Iterator[Path | IngestError | IgnoredFile]:
    """Files named, files under directories (recursive, sorted), and glob matches; errors for the rest."""
    return _expand(paths, READERS, follow_symlinks)


def read_file(path: Path, cfg: IngestConfig) -> Iterator[RawArticle | IngestError]:
    """Read one file with the reader its extension names; never raises."""
    name = valid_name(str(path))
    suffix = suffix_of(path.name)
    reader = READERS.get(suffix)
    if reader is None or (suffix == ".gz" and not path.name.lower().endswith(".warc.gz")):
        yield IngestError(name, f"unsupported file type '{valid_name(path.suffix or path.name)}'")
        return
    try:
        if not path.is_file():
            yield IngestError(name, "not a regular file")
            return
        size = path.stat().st_size
    except OSError as exc:
        yield IngestError(name, f"cannot read: {exc.strerror or exc}")
        return
    if size == 0:
        yield IngestError(name, "empty file")
        return
    if reader not in STREAMED and size > cfg.max_file_mb * 1024 * 1024:
        yield IngestError(name, f"too large ({size / 1e6:.1f} MB > max_file_mb {cfg.max_file_mb:g})")
        return
    n = bad = 0
    records = reader(path, cfg)
    try:
        for item in records:
            n += 1
            if isinstance(item, IngestError):
                bad += 1
                if bad > cfg.max_errors_per_file:
                    yield IngestError(
                        name,
                        f"more than {cfg.max_errors_per_file} bad records (max_errors_per_file): "
                        f"the rest of the file is not read",
                    )
                    return
            yield item
    except Exception as exc:  # one file's failure never stops the batch
        done = f" after {n} records" if n else ""
        yield IngestError(name, f"reading stopped{done}: {reason_for(exc)}")
    finally:
        records.close()
