"""Readers: files, directories, globs -> RawArticle records (or IngestError for what cannot be read).

Each reader is a generator over one file. A file that cannot be read yields one
``IngestError`` naming the reason; a JSONL file with one bad line yields an error for
that line and goes on with the rest.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from headwater.config import IngestConfig
from headwater.model import IngestError, RawArticle
from headwater.sources.decode import decode_bytes
from headwater.sources.readers import read_feed, read_html, read_jsonl, read_text, read_warc

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

__all__ = ["READERS", "decode_bytes", "expand_paths", "read_file"]


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | IngestError]:
    """Files named, files under directories (recursive, sorted), and glob matches."""
    seen: set[Path] = set()
    for given in paths:
        text = str(given)
        if any(ch in text for ch in "*?[") and not Path(text).exists():
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield IngestError(text, "no file matches this pattern")
            candidates = [Path(m) for m in matches]
        else:
            candidates = [Path(text)]
        for cand in candidates:
            if cand.is_dir():
                files = sorted(p for p in cand.rglob("*") if p.is_file() and not _hidden(p, cand))
            elif cand.exists():
                files = [cand]
            else:
                yield IngestError(str(cand), "no such file or directory")
                continue
            for f in files:
                if cand.is_dir() and _suffix(f) not in READERS:
                    continue  # a directory walk skips what is not an article (README.md, images...)
                key = f.resolve()
                if key not in seen:
                    seen.add(key)
                    yield f


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _suffix(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return ".warc"
    return path.suffix.lower()


def read_file(path: Path, cfg: IngestConfig) -> Iterator[RawArticle | IngestError]:
    """Read one file with the reader its extension names."""
    suffix = _suffix(path)
    reader = READERS.get(suffix)
    if reader is None or (suffix == ".gz" and not path.name.lower().endswith(".warc.gz")):
        yield IngestError(str(path), f"unsupported file type '{path.suffix or path.name}'")
        return
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield IngestError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    if size == 0:
        yield IngestError(str(path), "empty file")
        return
    if reader is not read_warc and size > cfg.max_file_mb * 1024 * 1024:
        yield IngestError(str(path), f"too large ({size / 1e6:.1f} MB > max_file_mb {cfg.max_file_mb})")
        return
    try:
        yield from reader(path, cfg)
    except OSError as exc:
        yield IngestError(str(path), f"cannot read: {exc.strerror or exc}")


def display_name(path: Path) -> str:
    return os.path.basename(path)
