"""One reader per input format. Heavy libraries (trafilatura, feedparser, warcio) load on first use."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from headwater.config import IngestConfig
from headwater.model import IngestError, RawArticle
from headwater.sources.dates import normalise_date
from headwater.sources.decode import DecodeError, decode_bytes

Item = RawArticle | IngestError


def _decode(path: Path, data: bytes, cfg: IngestConfig) -> str | IngestError:
    try:
        text, _ = decode_bytes(data, cfg.encoding)
    except DecodeError as exc:
        return IngestError(str(path), str(exc))
    if not text.strip():
        return IngestError(str(path), "empty file (only whitespace)")
    return text


def read_text(path: Path, cfg: IngestConfig) -> Iterator[Item]:
    text = _decode(path, path.read_bytes(), cfg)
    if isinstance(text, IngestError):
        yield text
        return
    yield RawArticle(doc=path.name, path=str(path), raw_text=text, source_format="txt")


def html_to_article(html: str, *, doc: str, path: str, fmt: str, url: str | None = None) -> Item:
    """Main text and metadata of an HTML page, through trafilatura."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True,
    )
    result = extracted.as_dict() if extracted is not None and hasattr(extracted, "as_dict") else extracted
    if not result or not (result.get("text") or "").strip():
        return IngestError(path if doc == Path(path).name else f"{path} ({doc})", "no article text found in HTML")
    return RawArticle(
        doc=doc,
        path=path,
        raw_text=result["text"],
        source_format=fmt,
        title=result.get("title") or None,
        outlet=result.get("sitename") or None,
        url=url or result.get("url") or None,
        published=normalise_date(result.get("date")),
        title_in_text=False,
    )


def read_html(path: Path, cfg: IngestConfig) -> Iterator[Item]:
    text = _decode(path, path.read_bytes(), cfg)
    if isinstance(text, IngestError):
        yield text
        return
    yield html_to_article(text, doc=path.name, path=str(path), fmt="html")


def _record(obj: Any, path: Path, doc: str, where: str) -> Item:
    if not isinstance(obj, dict):
        return IngestError(where, "record is not a JSON object")
    meta = {k: obj.get(k) for k in ("url", "title", "outlet", "published")}
    for key, value in meta.items():
        if value is not None and not isinstance(value, str):
            return IngestError(where, f"field '{key}' must be a string")
    text = obj.get("text")
    if isinstance(text, str) and text.strip():
        return RawArticle(
            doc=doc, path=str(path), raw_text=text, source_format="jsonl", title=meta["title"],
            outlet=meta["outlet"], url=meta["url"], published=normalise_date(meta["published"]),
            title_in_text=meta["title"] is None,
        )
    html = obj.get("html")
    if isinstance(html, str) and html.strip():
        item = html_to_article(html, doc=doc, path=str(path), fmt="jsonl", url=meta["url"])
        if isinstance(item, RawArticle):
            from dataclasses import replace

            item = replace(
                item, title=meta["title"] or item.title, outlet=meta["outlet"] or item.outlet,
                published=normalise_date(meta["published"]) or item.published,
            )
        return item
    return IngestError(where, "record has no 'text' or 'html' field")


def read_jsonl(path: Path, cfg: IngestConfig) -> Iterator[Item]:
    text = _decode(path, path.read_bytes(), cfg)
    if isinstance(text, IngestError):
        yield text
        return
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" and stripped.startswith("["):
        try:
            records = json.loads(text)
        except json.JSONDecodeError as exc:
            yield IngestError(str(path), f"malformed JSON: {exc.msg} at line {exc.lineno}")
            return
        for i, obj in enumerate(records if isinstance(records, list) else [records], 1):
            yield _record(obj, path, f"{path.name}#{i}", f"{path} (record {i})")
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(f"{path}:{lineno}", f"malformed JSON line: {exc.msg}")
            continue
        yield _record(obj, path, f"{path.name}#{lineno}", f"{path}:{lineno}")


def read_feed(path: Path, cfg: IngestConfig) -> Iterator[Item]:
    import feedparser

    data = path.read_bytes()
    parsed = feedparser.parse(data)
    if not parsed.entries:
        yield IngestError(str(path), "not an RSS/Atom feed with entries")
        return
    outlet = parsed.feed.get("title") or None
    for i, entry in enumerate(parsed.entries, 1):
        doc = f"{path.name}#{i}"
        content = entry.get("content") or []
        body = content[0].get("value") if content else entry.get("summary")
        if not body or not body.strip():
            yield IngestError(f"{path} ({doc})", "feed entry has no content")
            continue
        published = entry.get("published") or entry.get("updated")
        if "<" in body:
            item = html_to_article(f"<html><body><article>{body}</article></body></html>", doc=doc,
                                   path=str(path), fmt="feed", url=entry.get("link"))
        else:
            item = RawArticle(doc=doc, path=str(path), raw_text=body, source_format="feed", title_in_text=False)
        if isinstance(item, RawArticle):
            from dataclasses import replace

            item = replace(item, title=entry.get("title") or item.title, outlet=outlet or item.outlet,
                           url=entry.get("link") or item.url, published=normalise_date(published) or item.published)
        yield item


def read_warc(path: Path, cfg: IngestConfig) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if "html" not in ctype:
                    continue
                n += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                doc = f"{path.name}#{n}"
                payload = record.content_stream().read()
                text = _decode(path, payload, cfg)
                if isinstance(text, IngestError):
                    yield IngestError(f"{path} ({doc} {url})", text.reason)
                    continue
                yield html_to_article(text, doc=doc, path=str(path), fmt="warc", url=url)
    except ArchiveLoadFailed as exc:
        yield IngestError(str(path), f"not a readable WARC file: {exc}")
    if n == 0:
        yield IngestError(str(path), "WARC file has no HTML responses")
