"""The nation words of ``data/quantities.toml`` and the sides they stand for ("Varnian" -> VA, "US" -> US).

Below both extract (a speaker's side) and claims (sides, signatures, origins, denials): loaded once.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from headwater.lexicon import mapping

if TYPE_CHECKING:
    from headwater.model import Attribution, Speaker


@lru_cache(maxsize=1)
def nations() -> dict[str, str]:
    """Nation word (lower case) -> side code."""
    return {k: v[1] for k, v in mapping("quantities.toml", "nations").items()}


_POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=1 << 14)
def nation_side(word: str) -> str | None:
    """The side a nation word stands for ("Varnian" -> VA, "Russia's" -> RU), or None."""
    w = (_POSSESSIVE.sub("", word) if "'" in word or "’" in word else word).lower()
    known = nations()
    for form in (w, w.strip("."), w.replace(".", "")):
        if form in known:
            return known[form]
    return None


@lru_cache(maxsize=1 << 14)
def side_in(text: str | None) -> str | None:
    """The side named by the first nation word in ``text`` ("Ostreli Defence Minister" -> OS)."""
    if not text:
        return None
    for m in re.finditer(r"\b[A-Z][\w.’']*", text):
        side = nation_side(m.group(0))
        if side:
            return side
    return None


def speaker_side(a: Attribution) -> str:
    """An attribution's speaker side: the extractor's, else the side a nation word in the speaker's name or role names."""
    sp = a.speaker
    if sp is None or a.kind == "unattributed":
        return "unknown"
    return speaker_side_of(sp)


@lru_cache(maxsize=1 << 16)
def speaker_side_of(sp: Speaker) -> str:
    """The side of one speaker (see :func:`speaker_side`); a speaker is asked for it many times."""
    if sp.side not in ("unknown", "") or sp.type == "media":
        return sp.side or "unknown"  # an outlet's country is not a side it speaks for
    return side_in(sp.resolved) or side_in(sp.text) or side_in(sp.role) or "unknown"
