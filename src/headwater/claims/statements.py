"""Which attributed contents are statements of a proposition, and how many propositions each holds.

* A reported question or condition ("whether Aldera believed such an order had been signed",
  "if Varnia did mobilise") states nothing: it is not a statement.
* An asserted content shorter than ``min_words`` words is not a statement (a denial is kept
  however short: "denied it").
* One span read twice by the extractor is one statement (:func:`one_per_span`).
* A content that reports several propositions joined by "and that" ("that Varnia had lost
  between 4,000 and 6,500 soldiers ..., and that Velkov had secretly ordered 80,000 more
  reservists to be called up") is split into one statement per proposition, so that each joins
  its own claim. A part keeps the attribution's speaker, cue, stance and mediation; its offsets
  point at the part (raw offsets only where the content maps to the raw text one to one).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import replace

from headwater.model import Attribution, Proposition, Span

_QUESTION = re.compile(r"(?i)^\W*(?:whether|if)\b")
_AND_THAT = re.compile(r"(?:[,;]\s*|\s+)and\s+that\s+")


def question(a: Attribution) -> bool:
    """A reported question or condition."""
    return bool(_QUESTION.match(a.content.text))


def parts(a: Attribution) -> list[Attribution]:
    """The attribution, or one attribution per proposition its content joins with "and that"."""
    text = a.content.text
    cuts = [m for m in _AND_THAT.finditer(text) if m.start() > 0]
    if not cuts or a.kind == "unattributed":
        return [a]
    bounds = [(0, cuts[0].start())] + [(m.end(), n.start()) for m, n in itertools.pairwise(cuts)]
    bounds.append((cuts[-1].end(), len(text)))
    return [_part(a, lo, hi) for lo, hi in bounds if text[lo:hi].strip()]


def _part(a: Attribution, lo: int, hi: int) -> Attribution:
    """One proposition of a content: its span, and the content's proposition type without the roles
    (they were read for the first part only)."""
    c = a.content
    one_to_one = c.raw_start is not None and c.raw_end is not None and c.raw_end - c.raw_start == c.end - c.start
    raw = (c.raw_start + lo, c.raw_start + hi) if one_to_one and c.raw_start is not None else (None, None)
    p = a.proposition
    prop = p if p is None or lo == 0 else Proposition(type=p.type, negated=p.negated, modality=p.modality)
    return replace(a, content=Span(c.text[lo:hi], c.start + lo, c.start + hi, raw[0], raw[1]), proposition=prop)


def one_per_span(attributions: Iterable[Attribution]) -> list[Attribution]:
    """One attribution per content span and stance: when the extractor read one span twice ("all
    of this is a huge misunderstanding, per a report from BBC" as Peskov's and as the BBC's), the
    speaker that is not an outlet is kept (the outlet is the channel)."""
    best: dict[tuple[str, int, int, str], Attribution] = {}
    for a in attributions:
        key = (a.article_id, a.content.start, a.content.end, a.stance)
        held = best.get(key)
        if held is None or (_outlet(held) and not _outlet(a)):
            best[key] = a
    return list(best.values())


def _outlet(a: Attribution) -> bool:
    return a.speaker is not None and a.speaker.type == "media"


def statements(attributions: Iterable[Attribution], min_words: int) -> list[Attribution]:
    """Every statement of a proposition, in input order (parts of one content one after another).
    Only asserted contents are split: a denial or a refusal to comment stays whole."""
    out: list[Attribution] = []
    for a in one_per_span(attributions):
        if question(a):
            continue
        if a.stance != "assert":
            out.append(a)  # "denied it": a denial needs no words of its own
            continue
        out.extend(p for p in parts(a) if len(p.content.text.split()) >= min_words)
    return one_per_span(out)  # two contents split into parts may share one
