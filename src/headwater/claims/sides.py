"""Sides the extractor left unknown, filled in from the text before claims are built.

A speaker's side is whom they speak for. The extractor reads it from its sides gazetteer and from
the nation words of ``data/quantities.toml`` in the speaker phrase itself; when it still could not
tell, the claims stage fills it in, in this order:

1. a nation word in the speaker's name or role ("an Alderan official", "Ostreli Defence
   Minister", "Varnia rejected the account"): ``data/quantities.toml`` [nations];
2. a longer name of a speaker with a known side in the same article that ends with this one
   ("the General Staff" after "the Ostreli General Staff", "Irtenev" after "Pavel Irtenev");
3. a role naming an institution that a speaker with a known side in the same article is
   ("Ministry spokesman Lev Tarnov" beside "Varnia's Defence Ministry");
(Across articles, a person's side is decided by the majority of their mentions:
:mod:`headwater.claims.entities`; one stray mention never spreads to all of them.)

Outlets are left alone: "the Alderan newspaper Halden Daily" does not speak for Aldera. Only
``Speaker.side`` changes; everything else of an attribution is kept as extracted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from headwater.claims.lexicon import side_in
from headwater.lexicon import words
from headwater.model import Attribution

_UNKNOWN = ("unknown", "")


@lru_cache(maxsize=1 << 14)
def _words(name: str) -> tuple[str, ...]:
    name = re.sub(r"(?i)^(?:the|a|an|mr|ms|mrs|dr|sir)\.?\s+", "", name.strip())
    return tuple(w.casefold() for w in re.findall(r"[\w’'-]+", name))


def _own_side(a: Attribution) -> str | None:
    sp = a.speaker
    if sp is None or a.kind == "unattributed" or sp.type == "media":
        return None
    if sp.side not in _UNKNOWN:
        return sp.side
    return side_in(sp.resolved) or side_in(sp.text) or side_in(sp.role)


def resolve_sides(attributions: Sequence[Attribution]) -> list[Attribution]:
    """The attributions, with unknown speaker sides filled in by the rules above."""
    own = [_own_side(a) for a in attributions]
    known: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for a, side in zip(attributions, own, strict=True):
        if side and a.speaker is not None:
            for name in {a.speaker.resolved or "", a.speaker.text}:
                if _words(name):
                    known.setdefault(a.article_id, []).append((_words(name), side))
    out = []
    for a, side in zip(attributions, own, strict=True):
        sp = a.speaker
        if sp is None or a.kind == "unattributed" or sp.type == "media" or sp.side not in _UNKNOWN:
            out.append(a)
            continue
        names = known.get(a.article_id, [])
        side = side or _by_longer_name(_words(sp.resolved or sp.text), names) or _by_role(sp.role, names)
        out.append(replace(a, speaker=replace(sp, side=side)) if side else a)
    return out


def _by_longer_name(words: tuple[str, ...], known: list[tuple[tuple[str, ...], str]]) -> str | None:
    if not words:
        return None
    sides = {side for name, side in known if len(name) > len(words) and name[-len(words) :] == words}
    return next(iter(sides)) if len(sides) == 1 else None


_PERSONAL = words("claims.toml", "side_words.personal_roles")


def _by_role(role: str | None, known: list[tuple[tuple[str, ...], str]]) -> str | None:
    words = {w for w in _words(role or "") if w not in _PERSONAL}
    sides = {side for name, side in known if len(name) > 1 and name[-1] in words}
    return next(iter(sides)) if len(sides) == 1 else None
