"""The lexicons the extractor uses, loaded once from ``data/cues.toml`` and ``data/speakers.toml``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


def _data(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("headwater.data").joinpath(name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Cues:
    speech: frozenset[str]
    belief: frozenset[str]
    deny: frozenset[str]
    intent: frozenset[str]
    raising: frozenset[str]
    passive: frozenset[str]
    nouns: frozenset[str]
    sourceless_nouns: frozenset[str]
    light: frozenset[tuple[str, str]]
    adjectives: frozenset[str]
    np_verbs: frozenset[str]
    phrasal: frozenset[tuple[str, str]]
    deny_phrases: re.Pattern[str]
    no_comment: re.Pattern[str]
    hedges: re.Pattern[str]
    according: re.Pattern[str]
    possessive_nouns: frozenset[str]

    @property
    def verbs(self) -> frozenset[str]:
        return self.speech | self.belief | self.deny


@dataclass(frozen=True)
class Speakers:
    sides: tuple[tuple[re.Pattern[str], str], ...]
    titles: frozenset[str]
    anonymous: frozenset[str]
    anonymous_plural: frozenset[str]
    group: frozenset[str]
    organization: frozenset[str]
    media: frozenset[str]
    singular: frozenset[str]
    plural: frozenset[str]
    relative: frozenset[str]
    descriptions: dict[str, frozenset[str]]


def _alternation(phrases: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in phrases), re.I)


@lru_cache(maxsize=1)
def cues() -> Cues:
    d = _data("cues.toml")
    return Cues(
        speech=frozenset(d["verbs"]["speech"]),
        belief=frozenset(d["verbs"]["belief"]),
        deny=frozenset(d["verbs"]["deny"]),
        intent=frozenset(d["verbs"]["intent"]),
        raising=frozenset(d["sourceless"]["raising"]),
        passive=frozenset(d["sourceless"]["passive"]),
        nouns=frozenset(d["nouns"]["cues"]),
        sourceless_nouns=frozenset(d["nouns"]["sourceless"]),
        light=frozenset((a, b) for a, b in d["light"]["pairs"])
        | frozenset((v, n) for v in d["light"]["verbs"] for n in d["nouns"]["cues"]),
        adjectives=frozenset(d["adjectives"]["cues"]),
        np_verbs=frozenset(d["np_content"]["verbs"]),
        phrasal=frozenset((a, b) for a, b in d["phrasal"]["pairs"]),
        deny_phrases=re.compile(r"\b(?:" + "|".join(re.escape(p) for p in d["deny_phrases"]["phrases"]) + r")\b", re.I),
        no_comment=_alternation(d["no_comment"]["patterns"]),
        hedges=re.compile("|".join(f"(?:{p})" for p in d["hedges"]["patterns"])),
        according=re.compile("|".join(f"(?:{p})" for p in d["according_to"]["patterns"])),
        possessive_nouns=frozenset(d["according_to"]["possessive_nouns"]),
    )


def _side_pattern(words: list[str]) -> re.Pattern[str]:
    """Short all-letter entries ("us", "uk", "rt") match only in upper case; the rest in any case."""
    short = [re.escape(w.upper()) for w in words if len(w.replace(".", "")) <= 3]
    long = [re.escape(w) for w in words if len(w.replace(".", "")) > 3]
    parts = []
    if short:
        parts.append("(?:" + "|".join(sorted(short, key=len, reverse=True)) + ")")
    if long:
        parts.append("(?i:" + "|".join(sorted(long, key=len, reverse=True)) + ")")
    return re.compile(r"(?<![\w.])(?:" + "|".join(parts) + r")(?![\w])")


@lru_cache(maxsize=1)
def speakers() -> Speakers:
    d = _data("speakers.toml")
    t = d["types"]
    return Speakers(
        sides=tuple((_side_pattern(words), side) for side, words in d["sides"].items()),
        titles=frozenset(d["roles"]["titles"]),
        anonymous=frozenset(t["anonymous"]),
        anonymous_plural=frozenset(t["anonymous_plural"]),
        group=frozenset(t["group"]),
        organization=frozenset(t["organization"]),
        media=frozenset(t["media"]),
        singular=frozenset(d["pronouns"]["singular"]),
        plural=frozenset(d["pronouns"]["plural"]),
        relative=frozenset(d["pronouns"]["relative"]),
        descriptions={k: frozenset(v) for k, v in d["descriptions"].items()},
    )
