"""Provenance lines ("Source: X", "Based on materials: X", "© 2024 X") become metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass

from headwater.gazetteer import lookup_outlet

_SOURCE = re.compile(
    r"^(?:source|sources|via|originally published (?:by|in|at))\s*[:：]\s*(?P<x>.{1,80}?)\s*\.?$", re.I
)
_BASED = re.compile(
    r"^(?:based on (?:the )?materials(?: (?:of|from))?|based on (?:a )?reports? (?:by|from)|"
    r"with materials from|according to materials(?: of| from)?)\s*[:：]?\s*(?P<x>.{1,80}?)\s*\.?$",
    re.I,
)
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?P<x>[^.,]{1,80}(?:\.[a-z]{2,4}\b)?)"
    r".{0,160}$",
    re.I,
)
_PUBLISHED = re.compile(
    r"^(?:published|posted|updated|first published|date)(?:\s+on)?\s*[:：]?\s*(?P<x>[\w ,:.+-]{6,40})$", re.I
)
_BYLINE = re.compile(r"^By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*(?:,|\||—|–|-)\s*(?P<x>[^,|]{2,60})$")
_SITE_TRAIL = re.compile(r"^(?P<x>[^|›»]{2,40}?)\s*(?:\s[|›»]\s*[^|›»]{2,30}){1,5}$")
_NOT_AN_OUTLET = re.compile(r"^(read (the )?full (article|story)|internet|social media|unknown)\.?$", re.I)


@dataclass(frozen=True, slots=True)
class Provenance:
    kind: str  # source | based_on | copyright | byline | site_trail | published
    value: str | None  # the outlet named, or None ("Source: Read Full Article")


def match_provenance(line: str) -> Provenance | None:
    """Recognise a provenance line; return what it names."""
    if len(line) > 200:
        return None
    for kind, pattern in (("byline", _BYLINE), ("site_trail", _SITE_TRAIL)):
        m = pattern.match(line)
        if m and lookup_outlet(m.group("x").strip()):
            return Provenance(kind, m.group("x").strip())
    m = _PUBLISHED.match(line)
    if m:
        from headwater.sources.dates import normalise_date

        date = normalise_date(m.group("x"))
        if date:
            return Provenance("published", date)
    for kind, pattern in (("source", _SOURCE), ("based_on", _BASED), ("copyright", _COPYRIGHT)):
        m = pattern.match(line)
        if not m:
            continue
        value = m.group("x")
        if kind == "copyright":
            value = re.sub(r"\s*(\b(19|20)\d{2}\b|all rights reserved).*$", "", value, flags=re.I)
        value = value.strip(" .,;:-–—")
        if kind == "copyright" and not re.match(r"^(©|\(c\)|copyright)", line, re.I):
            continue
        if not value or _NOT_AN_OUTLET.match(value):
            return Provenance(kind, None)
        if kind != "copyright" and len(value.split()) > 6:
            return None  # a sentence that starts with "Source:" rather than a credit line
        return Provenance(kind, value)
    return None
