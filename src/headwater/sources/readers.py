"""One reader per input format. Heavy libraries (trafilatura, feedparser, warcio) load on first use.

Every reader bounds what it reads by the ``[ingest]`` limits before parsing it, and never hands a
parser a path or URL: feedparser gets a stream of the file's bytes (given a string or bytes, it
tries to open it as a file name or URL first).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from headwater.config import IngestConfig
from headwater.model import IngestError, RawArticle
from headwater.sources.dates import normalise_date
from headwater.sources.decode import DecodeError, bom_encoding, decode_bytes, valid_name
from headwater.sources.htmltext import html_to_article
from headwater.sources.limits import LimitExceeded, bounded_lines, load_json, reason_for

Item = RawArticle | IngestError
MB = 1024 * 1024


def _decode(where: str, data: bytes, cfg: IngestConfig) -> str | IngestError:
    try:
        text, _ = decode_bytes(data, cfg.encoding)
    except DecodeError as exc:
        return IngestError(where, str(exc))
    if not text.strip():
        return IngestError(where, "empty file (only whitespace)")
    return text


def _read_record_file(path: Path, cfg: IngestConfig) -> str | IngestError:
    """A file that is one record (.txt, .html): bounded by ``max_record_mb``, decoded."""
    name = valid_name(str(path))
    size = path.stat().st_size
    if size > cfg.max_record_mb * MB:
        return IngestError(
            name, f"too large for one article ({size / 1e6:.1f} MB > max_record_mb {cfg.max_record_mb:g})"
        )
    return _decode(name, path.read_bytes(), cfg)


def read_text(path: Path, cfg: IngestConfig) -> Iterator[Item]:
    text = _read_record_file(path, cfg)
    if isinstance(text, IngestError):
        yield text
        return
    yield RawArticle(doc=path.name, path=str(path), raw_text=text, source_format="txt")


def read_html(path: Path, cfg: IngestConfig) -> Iterator[Item]:
    text = _read_record_file(path, cfg)
    if isinstance(text, IngestError):
        yield text
        return
    yield html_to_article(text, doc=path.name, path=str(path), fmt="html")


_META = ("url", "title", "outlet", "published")


def _record(obj: Any, path: Path, doc: str, where: str) -> Item:
    if not isinstance(obj, dict):
        return IngestError(where, "record is not a JSON object")
    meta = {k: obj.get(k) for k in _META}
    for key, value in meta.items():
        if value is not None and not isinstance(value, str):
            return IngestError(where, f"field '{key}' must be a string")
    text = obj.get("text")
    if isinstance(text, str) and text.strip():
        return RawArticle(
            doc=doc,
            path=str(path),
            raw_text=text,
            source_format="jsonl",
            title=meta["title"],
            outlet=meta["outlet"],
            url=meta["url"],
            published=normalise_date(meta["published"]),
            title_in_text=meta["title"] is None,
        )
    html = obj.get("html")
    if isinstance(html, str) and html.strip():
        item = html_to_article(html, doc=doc, path=str(path), fmt="jsonl", url=meta["url"])
        if isinstance(item, RawArticle):
            item = replace(
                item,
                title=meta["title"] or item.title,
                outlet=meta["outlet"] or item.outlet,
                published=normalise_date(meta["published"]) or item.published,
            )
        return item
    return IngestError(where, "record has no 'text' or 'html' field")


def _safe_record(obj: Any, path: Path, doc: str, where: str) -> Item:
    try:
        return _record(obj, path, doc, where)
    except Exception as exc:  # one record's failure never stops the file
        return IngestError(where, reason_for(exc))


def read_jsonl(path: Path, cfg: IngestConfig) -> Iterator[Item]:
    """JSON Lines, streamed line by line (each line bounded by ``max_record_mb``); or a .json array/object."""
    name = valid_name(str(path))
    with path.open("rb") as stream:
        head = stream.read(4096)
        stream.seek(0)
        whole = path.suffix.lower() == ".json" and head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"[", b"{"))
        if whole or bom_encoding(head) not in (None, ("utf-8", 3)):
            yield from _read_json_whole(path, stream, cfg, as_array=whole)
            return
        n = 0
        for lineno, line in bounded_lines(stream, int(cfg.max_record_mb * MB)):
            where = f"{name}:{lineno}"
            if line is None:
                n += 1
                yield IngestError(where, f"line longer than max_record_mb {cfg.max_record_mb:g}")
                continue
            if not line.strip():
                continue
            n += 1
            yield _json_line(line, path, lineno, where, cfg)
    if n == 0:
        yield IngestError(name, "no records (only blank lines)")


def _json_line(line: bytes, path: Path, lineno: int, where: str, cfg: IngestConfig) -> Item:
    text = _decode(where, line, cfg)
    if isinstance(text, IngestError):
        return text
    try:
        obj = load_json(text.lstrip("\ufeff"), cfg.max_json_depth)
    except ValueError as exc:  # JSONDecodeError, LimitExceeded
        msg = str(exc) if isinstance(exc, LimitExceeded) else f"malformed JSON line: {getattr(exc, 'msg', exc)}"
        return IngestError(where, msg)
    except Exception as exc:
        return IngestError(where, reason_for(exc))
    return _safe_record(obj, path, f"{path.name}#{lineno}", where)


def _read_json_whole(path: Path, stream: io.BufferedReader, cfg: IngestConfig, as_array: bool) -> Iterator[Item]:
    """A .json file (one object or an array of them), or a JSONL file in UTF-16/32: read whole, bounded."""
    name = valid_name(str(path))
    size = path.stat().st_size
    if size > cfg.max_file_mb * MB:
        yield IngestError(name, f"too large ({size / 1e6:.1f} MB > max_file_mb {cfg.max_file_mb:g})")
        return
    text = _decode(name, stream.read(), cfg)
    if isinstance(text, IngestError):
        yield text
        return
    stripped = text.lstrip("\ufeff \t\r\n")
    if not as_array or not stripped.startswith(("[", "{")):
        yield from _text_lines(text, path, cfg)
        return
    try:
        records = load_json(stripped, cfg.max_json_depth)
    except LimitExceeded as exc:
        yield IngestError(name, str(exc))
        return
    except ValueError as exc:
        if stripped.startswith("{") and getattr(exc, "msg", "") == "Extra data":  # JSON Lines named .json
            yield from _text_lines(text, path, cfg)
            return
        yield IngestError(name, f"malformed JSON: {getattr(exc, 'msg', exc)} at line {getattr(exc, 'lineno', '?')}")
        return
    records = records if isinstance(records, list) else [records]
    if not records:
        yield IngestError(name, "JSON array holds no records")
        return
    for i, obj in enumerate(records, 1):
        yield _safe_record(obj, path, f"{path.name}#{i}", f"{name} (record {i})")


def _text_lines(text: str, path: Path, cfg: IngestConfig) -> Iterator[Item]:
    name = valid_name(str(path))
    n = 0
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        n += 1
        where = f"{name}:{lineno}"
        try:
            obj = load_json(line, cfg.max_json_depth)
        except LimitExceeded as exc:
            yield IngestError(where, str(exc))
            continue
        except ValueError as exc:
            yield IngestError(where, f"malformed JSON line: {getattr(exc, 'msg', exc)}")
            continue
        yield _safe_record(obj, path, f"{path.name}#{lineno}", where)
    if n == 0:
        yield IngestError(name, "no records (only blank lines)")


def read_feed(path: Path, cfg: IngestConfig) -> Iterator[Item]:
    import feedparser

    name = valid_name(str(path))
    # A stream, never bytes or str: feedparser opens those as a file name or URL when it can.
    parsed = feedparser.parse(io.BytesIO(path.read_bytes()))
    if not parsed.entries:
        yield IngestError(name, "not an RSS/Atom feed with entries")
        return
    outlet = _str(parsed.feed.get("title"))
    for i, entry in enumerate(parsed.entries, 1):
        doc = f"{path.name}#{i}"
        try:
            yield _feed_entry(entry, path, doc, outlet)
        except Exception as exc:  # one entry's failure never stops the feed
            yield IngestError(f"{name} ({valid_name(doc)})", reason_for(exc))


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _feed_entry(entry: Any, path: Path, doc: str, outlet: str | None) -> Item:
    content = entry.get("content") or []
    body = content[0].get("value") if content else entry.get("summary")
    if not isinstance(body, str) or not body.strip():
        return IngestError(f"{valid_name(str(path))} ({valid_name(doc)})", "feed entry has no content")
    published = _str(entry.get("published")) or _str(entry.get("updated"))
    link = _str(entry.get("link"))
    if "<" in body:
        item = html_to_article(
            f"<html><body><article>{body}</article></body></html>", doc=doc, path=str(path), fmt="feed", url=link
        )
    else:
        item = RawArticle(doc=doc, path=str(path), raw_text=body, source_format="feed", title_in_text=False)
    if isinstance(item, RawArticle):
        item = replace(
            item,
            title=_str(entry.get("title")) or item.title,
            outlet=outlet or item.outlet,
            url=link or item.url,
            published=normalise_date(published) or item.published,
        )
    return item


def read_warc(path: Path, cfg: IngestConfig) -> Iterator[Item]:
    from headwater.sources.warc import read_warc as _read

    yield from _read(path, cfg, _decode)
