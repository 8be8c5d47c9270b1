"""Outlet gazetteer (``data/outlets.toml``): normalise outlet names and find them in text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from headwater.lexicon import table


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None


@lru_cache(maxsize=1)
def outlets() -> tuple[Outlet, ...]:
    data = table("outlets.toml")
    return tuple(
        Outlet(o["name"], tuple(o.get("aliases", [])) or (o["name"],), o.get("kind", "website"), o.get("country"))
        for o in data.get("outlet", [])
    )


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, Outlet]:
    index: dict[str, Outlet] = {}
    for outlet in outlets():
        for alias in (outlet.name, *outlet.aliases):
            index.setdefault(_key(alias), outlet)
    return index


def _key(name: str) -> str:
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    return re.sub(r"\s+", " ", name).casefold().strip(" .")


def lookup_outlet(name: str) -> Outlet | None:
    """The gazetteer entry for a name as written ("the Washington Post" -> The Washington Post)."""
    return _alias_index().get(_key(name))


def normalise_outlet(name: str) -> str:
    """Canonical outlet name; unknown names are returned tidied but unchanged."""
    found = lookup_outlet(name)
    return found.name if found else re.sub(r"\s+", " ", name).strip(" .,;:")


@lru_cache(maxsize=1)
def outlet_pattern() -> re.Pattern[str]:
    """One regex matching any alias as whole words (longest first)."""
    aliases = sorted({a for o in outlets() for a in (o.name, *o.aliases)}, key=len, reverse=True)
    # Short aliases ("AP", "FP") match only in their own case; longer ones in any case.
    alts = [re.escape(a) if len(a) <= 4 else "(?i:" + re.escape(a) + ")" for a in aliases]
    return re.compile(r"(?<![\w.])(?:[Tt]he\s+)?(" + "|".join(alts) + r")(?![\w])")
