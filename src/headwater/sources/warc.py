"""WARC (.warc, .warc.gz) -> one article per HTML response, streamed record by record.

Nothing is lost silently: a record cut short by the end of the file is named (not stored half),
bytes after the last complete record are named, and records read before a failure are kept.
Each record is bounded by ``max_record_mb``; a compressed file whose records claim more than
``max_gzip_ratio`` bytes per compressed byte read is a gzip bomb and is not read further.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from headwater.config import IngestConfig
from headwater.model import IngestError, RawArticle
from headwater.sources.decode import valid_name
from headwater.sources.htmltext import html_to_article

Item = RawArticle | IngestError
MB = 1024 * 1024
_SLACK = 4  # the blank lines after a record


def read_warc(path: Path, cfg: IngestConfig, decode: Callable[[str, bytes, IngestConfig], Any]) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    logging.getLogger("warcio").addHandler(logging.NullHandler())  # its warnings become errors below, or none

    name = valid_name(str(path))
    size = path.stat().st_size
    gz = path.name.lower().endswith(".gz")
    n = records = claimed = 0
    end = 0
    try:
        with path.open("rb") as raw:
            it = ArchiveIterator(raw)
            it.INC_RECORD = ""  # counted in it.err_count and named below, not written to stderr
            for record in it:
                records += 1
                claimed += max(record.length or 0, 0)
                if gz and claimed > cfg.max_gzip_ratio * max(size, 64 * 1024):
                    yield IngestError(
                        name,
                        f"records claim {claimed / 1e6:.0f} MB from a {size / 1e6:.2f} MB compressed "
                        f"file (over max_gzip_ratio {cfg.max_gzip_ratio:g}): not read further",
                    )
                    return
                item = _response(record, name, path, n + 1, cfg, decode)
                if item is not None:
                    n += 1
                    yield item
                it.read_to_end(record)
                end = it.get_record_offset() + it.get_record_length()
    except ArchiveLoadFailed as exc:
        yield IngestError(name, f"not a readable WARC file{_after(records)}: {_short(exc)}")
        return
    except (ValueError, AttributeError, TypeError, IndexError, KeyError, EOFError, OSError) as exc:
        # warcio fails in many ways on a damaged or truncated file; records read before are kept.
        yield IngestError(
            name, f"damaged or truncated WARC file{_after(records)} ({type(exc).__name__}: {_short(exc)})"
        )
        return
    if it.err_count:
        yield IngestError(
            name,
            f"{it.err_count} records not where their Content-Length says (damaged WARC): records may be cut or merged",
        )
    if not gz and size - end > _SLACK:
        what = "no complete WARC record" if records == 0 else f"{size - end} bytes after record {records}"
        yield IngestError(name, f"truncated or not WARC: {what} could not be read")
    elif n == 0 and records:
        yield IngestError(name, "WARC file has no HTML responses")
    elif records == 0:
        yield IngestError(name, "no WARC records (truncated or not a WARC file)")


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:160] + "..." if len(text) > 160 else text


def _after(records: int) -> str:
    return f" after {records} records" if records else ""


def _response(
    record: Any, name: str, path: Path, n: int, cfg: IngestConfig, decode: Callable[[str, bytes, IngestConfig], Any]
) -> Item | None:
    """The article in one WARC record, an error naming it, or None when it is not an HTML response."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if "html" not in ctype:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    doc = f"{path.name}#{n}"
    where = f"{name} ({valid_name(doc)} {valid_name(str(url))})"
    limit = int(cfg.max_record_mb * MB)
    if (record.length or 0) > limit + 64 * 1024:
        return IngestError(where, f"record larger than max_record_mb {cfg.max_record_mb:g}")
    payload = record.content_stream().read(limit + 1)
    if len(payload) > limit:
        return IngestError(where, f"record larger than max_record_mb {cfg.max_record_mb:g}")
    missing = getattr(record.raw_stream, "limit", 0) or 0
    if missing > 0:
        return IngestError(where, f"record cut short by the end of the file ({missing} bytes missing): not stored")
    text = decode(where, payload, cfg)
    if isinstance(text, IngestError):
        return text
    return html_to_article(text, doc=doc, path=str(path), fmt="warc", url=url)
