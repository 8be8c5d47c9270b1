"""Estimates side by side: quantities grouped by what is counted, and numeric contradictions.

Each figure is read as an interval: a range as written; otherwise as its qualifier's bound says
(``data/quantities.toml`` [qualifiers]): "more than"/"over"/"at least" x as [x, inf); "fewer
than"/"less than"/"up to"/"no more than"/"at most" x as [0, x]; "about", "around", "roughly",
"nearly", "some" x as [0.9x, 1.1x]; a bare figure as [x, x]. Two figures of
the same quantity from different parties (not the same speaker, not the same known side) whose
intervals do not meet contradict each other.
Variants of one quantity ("Varnian armoured vehicles destroyed" / "... destroyed or abandoned")
share a table: its name is the quantity with the alternatives after "or" removed. The same
figure from the same party is one row, with the other documents listed: a party is a side when
the speaker's side is known (a government's ministry and its spokesman are one party, as in
independent origins), else the speaker as named in one reuse group; a speaker of unknown side
named like the end of a known party's speaker ("official" / "Alderan official") with the same
figure joins that party's row.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from headwater.extract.quantities import describe
from headwater.extract.quantities import lexicon as quantity_lexicon
from headwater.model import Quantity


@dataclass(slots=True)
class Entry:
    quantity: Quantity
    docs: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class EstimateTable:
    quantity: str
    unit: str | None
    entries: list[Entry]
    contradictions: list[tuple[int, int, str]]


def interval(q: Quantity) -> tuple[float, float]:
    if q.low is not None and q.high is not None:
        return q.low, q.high
    v = q.value if q.value is not None else math.nan
    bound = quantity_lexicon().bounds.get((q.qualifier or "").split(",")[0].strip())
    if bound == "upper":
        return 0.0, v
    if bound == "lower":
        return v, math.inf
    if bound == "approximate":
        return 0.9 * v, 1.1 * v
    return v, v


def _who(q: Quantity) -> str:
    return f"{q.speaker or 'no source stated'} ({q.side})"


def contradictions(entries: Sequence[Entry]) -> list[tuple[int, int, str]]:
    """One note per pair of distinct figures that do not overlap and come from different parties.

    Entries with the same interval are one figure (several parties may give it); the note names
    every party behind each figure, and the first entry of each figure is the one referred to."""
    figures: dict[tuple[float, float], list[int]] = {}
    for i, e in enumerate(entries):
        figures.setdefault(interval(e.quantity), []).append(i)
    keys = list(figures)
    out = []
    for x, ka in enumerate(keys):
        for kb in keys[x + 1 :]:
            (alo, ahi), (blo, bhi) = ka, kb
            if not (ahi < blo or bhi < alo):
                continue
            a, b = [entries[i].quantity for i in figures[ka]], [entries[i].quantity for i in figures[kb]]
            if {_party_key(q) for q in a} == {_party_key(q) for q in b}:
                continue  # one party's own figures
            note = f"{describe(a[0])} ({_whos(a)}) vs {describe(b[0])} ({_whos(b)}): the figures do not overlap"
            periods = {q.as_of or "not stated" for q in a + b}
            if len(periods) > 1:
                note += f"; periods differ ({' / '.join(sorted(periods))})"
            out.append((figures[ka][0], figures[kb][0], note))
    return out


def _party_key(q: Quantity) -> str:
    return q.side if q.side not in ("unknown", "") else (q.speaker or "?").casefold()


def _whos(qs: Sequence[Quantity]) -> str:
    return "; ".join(dict.fromkeys(_who(q) for q in qs))


def _fold_unplaced(entries: list[Entry]) -> list[Entry]:
    """A figure from a speaker of unknown side whose name ends a known party's speaker name, with
    the same figure ("official" / "Alderan official", "Defence Ministry" / "Varnian Defence
    Ministry"), is that party's figure: one row, the other documents listed."""
    placed = [e for e in entries if e.quantity.side not in ("unknown", "")]
    out = []
    for e in entries:
        q = e.quantity
        name = (q.speaker or "").casefold().strip()
        host = None
        if q.side in ("unknown", "") and name:
            host = next(
                (
                    p
                    for p in placed
                    if _same_figure(p.quantity, q) and (p.quantity.speaker or "").casefold().endswith(name)
                ),
                None,
            )
        if host is None:
            out.append(e)
        else:
            host.docs.extend(e.docs)
            host.articles.extend(e.articles)
    return out


def _same_figure(a: Quantity, b: Quantity) -> bool:
    return (a.value, a.low, a.high, _base_qualifier(a)) == (b.value, b.low, b.high, _base_qualifier(b))


def base_quantity(name: str) -> str:
    """The table a quantity belongs to: "... destroyed or abandoned" -> "... destroyed"."""
    return name.split(" or ", 1)[0]


def _base_qualifier(q: Quantity) -> str:
    base = (q.qualifier or "").split(",")[0].strip()
    return quantity_lexicon().same.get(base, base)


def _party(q: Quantity, groups: dict[str, str]) -> tuple[str, ...]:
    if q.side not in ("unknown", "") and q.speaker:
        return ("side", q.side)
    return ("speaker", (q.speaker or "").casefold(), groups.get(q.article_id, q.article_id))


def tables(quantities: Sequence[Quantity], groups: dict[str, str] | None = None) -> list[EstimateTable]:
    """One table per quantity, most reported first."""
    groups = groups or {}
    by_quantity: dict[str, list[Entry]] = {}
    seen: dict[tuple, Entry] = {}
    for q in sorted(quantities, key=lambda q: (q.doc, q.span.start)):
        key = (base_quantity(q.quantity), q.value, q.low, q.high, _base_qualifier(q), _party(q, groups))
        if key in seen:
            seen[key].docs.append(q.doc)
            seen[key].articles.append(q.article_id)
            continue
        entry = Entry(q, [q.doc], [q.article_id])
        seen[key] = entry
        by_quantity.setdefault(base_quantity(q.quantity), []).append(entry)
    out = []
    for name, entries in by_quantity.items():
        entries = _fold_unplaced(entries)
        entries.sort(key=lambda e: (interval(e.quantity)[0], e.quantity.doc))
        out.append(EstimateTable(name, entries[0].quantity.unit, entries, contradictions(entries)))
    return sorted(out, key=lambda t: (-len(t.entries), t.quantity))
