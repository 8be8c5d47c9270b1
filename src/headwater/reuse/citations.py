"""Citations: outlets and channels named as the source of an article's text.

Per-article and pure: ``find_citations(doc)`` reads the cleaned text with the cue
patterns of ``data/citation_cues.toml`` and the provenance lines the cleaner removed
("Source: X" -> ``source_line``, "Based on materials: X" -> ``based_on``). Outlet names
are normalised through the gazetteer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from headwater.gazetteer import lookup_outlet, normalise_outlet
from headwater.lexicon import entry, mapping, phrases, words
from headwater.model import Citation, Document

_NAME = r"(?P<o>(?:[Tt]he\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w.&'’-]*){0,4})"
CREDIT_KINDS = frozenset({"source_line", "based_on"})


@dataclass(frozen=True, slots=True)
class _Cues:
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    unnamed: tuple[re.Pattern[str], ...]
    unnamed_outlet: str
    outlet_words: frozenset[str]


@lru_cache(maxsize=1)
def cues() -> _Cues:
    f = "citation_cues.toml"
    patterns = tuple(
        (kind, re.compile(p.replace("{outlet}", _NAME)))
        for kind in mapping(f, "kinds")
        for p in phrases(f, f"kinds.{kind}")
    )
    return _Cues(
        patterns,
        tuple(re.compile(p) for p in phrases(f, "unnamed.patterns")),
        entry(f, "unnamed.outlet"),
        words(f, "outlet_words"),
    )


def resolve_outlet(name: str, from_end: bool) -> tuple[str, int, int] | None:
    """The outlet inside a run of capitalised words: (canonical name, start, end) within ``name``.

    Tries the whole run, then shorter runs (dropping words from the end, or from the start
    when the outlet precedes a verb, ``from_end``).
    """
    words = list(re.finditer(r"\S+", name))
    c = cues()
    for size in range(len(words), 0, -1):
        part = words[len(words) - size :] if from_end else words[:size]
        lo, hi = part[0].start(), part[-1].end()
        candidate = name[lo:hi].rstrip(".,;:’'")
        hi = lo + len(candidate)
        if candidate.lower() in ("the", ""):
            continue
        if lookup_outlet(candidate):
            return normalise_outlet(candidate), lo, hi
        if len(part) > 1 and candidate.split()[-1] in c.outlet_words:
            return normalise_outlet(candidate), lo, hi
    return None


def _text_citations(doc: Document) -> list[Citation]:
    found: dict[tuple[int, int], Citation] = {}
    for kind, pattern in cues().patterns:
        for m in pattern.finditer(doc.text):
            resolved = resolve_outlet(m.group("o"), from_end=kind == "writes")
            if resolved is None:
                continue
            outlet, lo, hi = resolved
            start = m.start("o") + lo
            found.setdefault(
                (start, m.start("o") + hi),
                Citation(doc.id, doc.doc, outlet, doc.text[start : m.start("o") + hi], kind, m.start(), m.end()),
            )
    c = cues()
    for pattern in c.unnamed:
        for m in pattern.finditer(doc.text):
            cite = Citation(doc.id, doc.doc, c.unnamed_outlet, m.group(0), "citing", m.start(), m.end())
            found.setdefault((m.start(), m.end()), cite)
    return sorted(found.values(), key=lambda x: (x.start or 0, x.end or 0))


def _line_citations(doc: Document) -> list[Citation]:
    from headwater.clean.provenance import match_provenance

    out = []
    for line in doc.removed:
        if line.reason != "provenance":
            continue
        prov = match_provenance(line.text)
        if prov is None or prov.value is None or prov.kind not in ("source", "based_on"):
            continue
        kind = "source_line" if prov.kind == "source" else "based_on"
        out.append(Citation(doc.id, doc.doc, normalise_outlet(prov.value), line.text, kind, None, None))
    return out


def find_citations(doc: Document) -> list[Citation]:
    """Every citation in one article; an article naming its own publisher is not citing it."""
    lines = _line_citations(doc)
    credited = {c.outlet for c in lines}
    own = doc.outlet if doc.outlet and doc.outlet not in credited else None
    text = [c for c in _text_citations(doc) if c.outlet != own or c.kind == "dateline"]
    if doc.credited_source and doc.credited_source not in credited | {c.outlet for c in text}:
        lines.append(Citation(doc.id, doc.doc, doc.credited_source, doc.credited_source, "credited", None, None))
    return lines + text
