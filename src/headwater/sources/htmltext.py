"""HTML -> article text: trafilatura first; a flat stdlib parse when the page nests too deep for it.

trafilatura (through lxml) finds no text in a page nested a few hundred elements deep; the
fallback walks the tags without recursion and keeps the text outside scripts, styles and
navigation, so such a page is stored rather than lost.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from headwater.model import IngestError, RawArticle
from headwater.sources.dates import normalise_date
from headwater.sources.decode import valid_name

# Pages nested deeper than this are read by the fallback when trafilatura finds no text.
DEEP = 100
_SKIP = frozenset({"script", "style", "nav", "header", "footer", "aside", "noscript", "template", "head", "svg"})
_BLOCK = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "article",
        "section",
        "tr",
        "blockquote",
        "pre",
        "td",
        "dd",
        "dt",
    }
)
_VOID = frozenset(
    {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr", "param"}
)


class _FlatText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.stack: list[str] = []
        self.open: dict[str, int] = {}
        self.skipping = 0
        self.deepest = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br":
                self.parts.append("\n")
            return
        self.stack.append(tag)
        self.open[tag] = self.open.get(tag, 0) + 1
        self.deepest = max(self.deepest, len(self.stack))
        if tag in _SKIP:
            self.skipping += 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if not self.open.get(tag):
            return
        while self.stack:
            top = self.stack.pop()
            self.open[top] -= 1
            if top in _SKIP:
                self.skipping -= 1
            if top == tag:
                break
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "title":
            self.title.append(data)
        elif not self.skipping:
            self.parts.append(data)


def flat_text(html: str) -> tuple[str, str | None, int]:
    """(text, title, deepest nesting) of ``html``, read without recursion."""
    parser = _FlatText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    text = "\n\n".join(line for line in lines if line)
    title = " ".join("".join(parser.title).split()) or None
    return text, title, parser.deepest


def html_to_article(html: str, *, doc: str, path: str, fmt: str, url: str | None = None) -> RawArticle | IngestError:
    """Main text and metadata of an HTML page, through trafilatura (or the flat fallback for deep pages)."""
    import trafilatura

    where = valid_name(path if doc == Path(path).name else f"{path} ({doc})")
    try:
        extracted = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except (RecursionError, ValueError, TypeError, AttributeError, IndexError):
        extracted = None
    result = extracted.as_dict() if extracted is not None and hasattr(extracted, "as_dict") else extracted
    if not result or not (result.get("text") or "").strip():
        text, title, deepest = flat_text(html)
        if deepest < DEEP or not text.strip():
            return IngestError(where, "no article text found in HTML")
        return RawArticle(
            doc=doc, path=path, raw_text=text, source_format=fmt, title=title, url=url, title_in_text=False
        )
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
