"""Clean one article: unicode, stray markup, boilerplate and provenance lines, offset map.

``clean_document`` is a pure function of the raw text, its metadata and the set of
line keys the cross-document stage (``clean.crossdoc``) has found to be boilerplate.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from headwater.clean.patterns import Patterns, load_patterns
from headwater.clean.provenance import match_provenance
from headwater.clean.text import MAX_ALIGN_CHARS, MappedText, fix_unicode, norm_line_key, squeeze_spaces, strip_markup
from headwater.gazetteer import lookup_outlet
from headwater.model import RemovedLine
from headwater.offsets import runs_from_indices, text_id

__all__ = ["Cleaned", "Patterns", "clean_document", "line_hash", "load_patterns"]

PARAGRAPH_SEP = "\n\n"
_TITLE_SUFFIX = re.compile(r"\s+[—–|-]\s+(?P<o>[A-Z][\w.&' ]{1,40})$")
_LEAD_CREDIT = re.compile(
    r"(?:^|[.!?]\s+)(?P<o>(?:The\s+)?[A-Z][\w.&']*(?:\s+[A-Z][\w.&']*){0,3})\s+"
    r"(?:writes|reports|reported|wrote)(?:\s+(?:about\s+it|about\s+this|this))?\s*\."
    r"|^According to (?P<o2>(?:the\s+)?[A-Z][\w.&']*(?:\s+[A-Z][\w.&']*){0,3}),",
)
# Removed lines that belong to the site itself (and so name it), unlike "Read also" links to other outlets.
_CHROME = {
    "crossdoc",
    "pattern:cookie_notice",
    "pattern:cookie_accept",
    "pattern:signup_banner",
    "pattern:follow_us",
    "pattern:all_rights",
}
_ONLY_PUNCT = re.compile(r"^[\W_]+$")


def line_hash(text: str) -> int:
    """Signed 64-bit hash of a line's normalised form (stored as DuckDB BIGINT)."""
    digest = hashlib.blake2b(norm_line_key(text).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


_PROSE_END = re.compile(r"[.!?…\"”’»“]$")


def is_prose(line: str, min_words: int = 12) -> bool:
    """A line of running prose: long enough and ending like a sentence (a story paragraph, not a banner)."""
    return len(line.split()) >= min_words and bool(_PROSE_END.search(line))


@dataclass(slots=True)
class Cleaned:
    text: str
    offsets: tuple[tuple[int, int, int], ...]
    removed: tuple[RemovedLine, ...]
    id: str  # hash of the text before cross-document removal (stable as the corpus grows)
    line_hashes: tuple[int, ...]  # of lines kept before cross-document removal
    sentence_hashes: tuple[int, ...]  # the subset that reads as running prose (see ``is_prose``)
    title: str | None
    outlet: str | None
    credited_source: str | None
    published: str | None = None
    crossdoc_applied: tuple[int, ...] = field(default_factory=tuple)


@dataclass(slots=True)
class _Line:
    mapped: MappedText
    raw_start: int
    raw_end: int
    raw_text: str


def _split_lines(raw: str) -> list[_Line]:
    lines: list[_Line] = []
    for m in re.finditer(r"[^\n]*", raw):
        if m.start() > 0 and m.start() == m.end() and raw[m.start() - 1 : m.start()] != "\n":
            continue
        seg = m.group(0)
        mapped = MappedText.of(seg.replace("\r", " "), m.start())
        lines.append(_Line(mapped, m.start(), m.end(), seg))
    return lines


def _prepare(line: _Line, max_align_chars: int) -> MappedText:
    return squeeze_spaces(strip_markup(fix_unicode(line.mapped, max_align_chars)))


def clean_document(
    raw: str,
    *,
    patterns: Patterns | None = None,
    title: str | None = None,
    outlet: str | None = None,
    crossdoc: frozenset[int] = frozenset(),
    max_align_chars: int = MAX_ALIGN_CHARS,
) -> Cleaned:
    """Clean ``raw``; ``title``/``outlet`` are metadata already known (HTML, JSONL).

    Lines longer than ``max_align_chars`` are mapped back to the raw text word by word rather
    than character by character (see ``MappedText.replace_text``).
    """
    patterns = patterns or load_patterns()
    kept: list[tuple[MappedText, _Line]] = []
    removed: list[RemovedLine] = []
    provenance: list[tuple[str, str | None]] = []
    last_provenance = -1

    def drop(line: _Line, reason: str) -> None:
        removed.append(RemovedLine(line.raw_start, line.raw_end, line.raw_text.strip(), reason))

    for line in _split_lines(raw):
        mapped = _prepare(line, max_align_chars)
        if not mapped.text or _ONLY_PUNCT.match(mapped.text):
            if line.raw_text.strip():
                drop(line, "markup")
            continue
        prov = match_provenance(mapped.text)
        if prov is not None:
            provenance.append((prov.kind, prov.value))
            drop(line, "provenance")
            last_provenance = len(kept)
            continue
        name = patterns.match(mapped.text)
        if name:
            drop(line, f"pattern:{name}")
            continue
        kept.append((mapped, line))

    kept = _drop_duplicate_headings(kept, drop)
    if last_provenance >= 0:
        kept = _drop_footer(kept, last_provenance, drop)

    base = [m.text for m, _ in kept]
    hashes = tuple(line_hash(t) for t in base)
    prose = tuple(h for h, t in zip(hashes, base, strict=True) if is_prose(t))
    doc_id = text_id(PARAGRAPH_SEP.join(base))
    applied: list[int] = []
    final: list[MappedText] = []
    for (mapped, line), h in zip(kept, hashes, strict=True):
        if h in crossdoc:
            drop(line, "crossdoc")
            applied.append(h)
        else:
            final.append(mapped)

    text, index = _join(final)
    title_text = title or (final[0].text if final else None)
    meta_outlet, credited = _outlets(outlet, provenance, title_text, base, removed)
    if title_text and not title:
        title_text = _strip_title_suffix(title_text)
    removed.sort(key=lambda r: r.raw_start)
    return Cleaned(
        text=text,
        offsets=runs_from_indices(index),
        removed=tuple(removed),
        id=doc_id,
        line_hashes=hashes,
        sentence_hashes=prose,
        title=title_text,
        outlet=meta_outlet,
        credited_source=credited,
        published=next((v for k, v in provenance if k == "published"), None),
        crossdoc_applied=tuple(sorted(set(applied))),
    )


def _join(lines: list[MappedText]) -> tuple[str, list[int]]:
    parts: list[str] = []
    index: list[int] = []
    for i, m in enumerate(lines):
        if i:
            parts.append(PARAGRAPH_SEP)
            index.extend([-1] * len(PARAGRAPH_SEP))
        parts.append(m.text)
        index.extend(m.index)
    return "".join(parts), index


def _drop_duplicate_headings(kept: list[tuple[MappedText, _Line]], drop) -> list[tuple[MappedText, _Line]]:  # type: ignore[no-untyped-def]
    """A line that repeats the next one behind a glued prefix ("HomeWorld<title>") is a breadcrumb."""
    out: list[tuple[MappedText, _Line]] = []
    for i, (mapped, line) in enumerate(kept):
        nxt = norm_line_key(kept[i + 1][0].text) if i + 1 < len(kept) else None
        key = norm_line_key(mapped.text)
        if nxt and len(nxt) >= 20 and key.endswith(nxt) and len(key) - len(nxt) <= 40:
            drop(line, "breadcrumb")
            continue
        out.append((mapped, line))
    return out


def _drop_footer(kept: list[tuple[MappedText, _Line]], start: int, drop) -> list[tuple[MappedText, _Line]]:  # type: ignore[no-untyped-def]
    """After a closing provenance line, short lines that are not sentences are the site's footer."""
    out = kept[:start]
    for mapped, line in kept[start:]:
        words = mapped.text.split()
        if len(words) < 15 and not re.search(r"[.!?\"”’»]$", mapped.text):
            drop(line, "footer")
        else:
            out.append((mapped, line))
    return out


def _named_in_chrome(removed: list[RemovedLine]) -> str | None:
    """Site chrome (cookie notices, banners) usually names its own site: "By continuing to browse X"."""
    from collections import Counter

    from headwater.gazetteer import outlet_pattern

    names: Counter[str] = Counter()
    for line in removed:
        if line.reason in _CHROME:
            for m in outlet_pattern().finditer(line.text):
                names[m.group(1)] += 1
    return names.most_common(1)[0][0] if names else None


def _strip_title_suffix(title: str) -> str:
    m = _TITLE_SUFFIX.search(title)
    if m and lookup_outlet(m.group("o")):
        return title[: m.start()].rstrip()
    return title


def _outlets(
    meta_outlet: str | None,
    provenance: list[tuple[str, str | None]],
    title: str | None,
    lines: list[str],
    removed: list[RemovedLine],
) -> tuple[str | None, str | None]:
    """Decide ``outlet`` (who published this copy) and ``credited_source`` (whose story it says it is)."""
    from headwater.gazetteer import normalise_outlet

    provenance = [(k, v) for k, v in provenance if k != "published"]

    def first(*kinds: str) -> str | None:
        return next((v for k, v in provenance if k in kinds and v), None)

    credit_line, byline = first("source", "based_on"), first("byline")
    outlet = meta_outlet or first("copyright", "site_trail") or _named_in_chrome(removed) or byline or credit_line
    credited: str | None = next((c for c in (credit_line, byline) if c and c != outlet), None)
    if credited is None and title:
        m = _TITLE_SUFFIX.search(title)
        if m and lookup_outlet(m.group("o")):
            credited = m.group("o")
    if credited is None:
        for text in lines[:4]:
            m = _LEAD_CREDIT.search(text)
            name = m and (m.group("o") or m.group("o2"))
            if name and lookup_outlet(name):
                credited = name
                break
    outlet = normalise_outlet(outlet) if outlet else None
    credited = normalise_outlet(credited) if credited else None
    if credited == outlet:
        credited = None
    return outlet, credited
