"""The lexicons the extractor uses, loaded once (through ``headwater.lexicon``) from ``data/cues.toml``,
``data/speakers.toml`` and the denial lexicon ``data/denials.toml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from headwater.lexicon import alternation, mapping, pairs, phrases, words


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
    refusal_cues: frozenset[str]  # lemmas of cues that refuse what their content says ("refused to say ...")
    refused_speech: re.Pattern[str]  # content that is a speech act refused ("to say in an interview that ...")
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


def _alternation(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in phrases), re.I)


@lru_cache(maxsize=1)
def cues() -> Cues:
    c = "cues.toml"
    cue_nouns = phrases(c, "nouns.cues")
    return Cues(
        speech=words(c, "verbs.speech"),
        belief=words(c, "verbs.belief"),
        deny=words("denials.toml", "verbs.lemmas"),
        intent=words(c, "verbs.intent"),
        raising=words(c, "sourceless.raising"),
        passive=words(c, "sourceless.passive"),
        nouns=frozenset(cue_nouns),
        sourceless_nouns=words(c, "nouns.sourceless"),
        light=pairs(c, "light.pairs") | frozenset((v, n) for v in phrases(c, "light.verbs") for n in cue_nouns),
        adjectives=words(c, "adjectives.cues"),
        np_verbs=words(c, "np_content.verbs"),
        phrasal=pairs(c, "phrasal.pairs"),
        deny_phrases=alternation("denials.toml", "false.phrases", escape=True, before=r"\b", after=r"\b", flags=re.I),
        no_comment=_alternation(phrases(c, "no_comment.patterns")),
        refusal_cues=words(c, "no_comment.refusal_cues"),
        refused_speech=re.compile(
            r"(?i)^to\s+(?:\w+ly\s+)?(?:" + "|".join(sorted(words(c, "no_comment.refused_speech"))) + r")\b"
        ),
        hedges=re.compile("|".join(f"(?:{p})" for p in phrases(c, "hedges.patterns"))),
        according=re.compile("|".join(f"(?:{p})" for p in phrases(c, "according_to.patterns"))),
        possessive_nouns=words(c, "according_to.possessive_nouns"),
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
    s = "speakers.toml"
    return Speakers(
        sides=tuple((_side_pattern(list(ws)), side) for side, ws in mapping(s, "sides").items()),
        titles=words(s, "roles.titles"),
        anonymous=words(s, "types.anonymous"),
        anonymous_plural=words(s, "types.anonymous_plural"),
        group=words(s, "types.group"),
        organization=words(s, "types.organization"),
        media=words(s, "types.media"),
        singular=words(s, "pronouns.singular"),
        plural=words(s, "pronouns.plural"),
        relative=words(s, "pronouns.relative"),
        descriptions={k: words(s, f"descriptions.{k}") for k in mapping(s, "descriptions")},
    )
