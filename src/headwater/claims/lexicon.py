"""The claims lexicon (``data/claims.toml``), the denial patterns of ``data/denials.toml`` and the
nation words of ``data/quantities.toml`` (``headwater.nations``), read through ``headwater.lexicon``.

Loaded once. Everything the claims stage knows about words lives in data files: concept phrases,
which concepts are predicates, stop words, referential and denial phrases, official roles,
likelihood terms, and the nation words that tell whose soldiers, whose officials, whose claims
("Varnian", "Ostreli", "Russian", "US").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from headwater.lexicon import alternation, mapping, pattern, phrases, words
from headwater.nations import nation_side, nations, side_in

__all__ = ["CaselessSearch", "ClaimsLexicon", "claims_lexicon", "nation_side", "side_in"]


class CaselessSearch:
    """A case-insensitive search, faster: an ASCII text is lower-cased and searched without
    IGNORECASE (Python's regex engine skips alternatives by their first letter only then). Used
    only when the pattern has no upper-case letter outside escapes, so both find the same."""

    def __init__(self, pattern: str) -> None:
        self.caseless = re.compile("(?i)" + pattern)
        lower = not re.search(r"[A-Z]", re.sub(r"\\.", "", pattern))
        self.lower = re.compile(pattern) if lower else None

    def found(self, text: str) -> bool:
        if self.lower is not None and text.isascii():
            return self.lower.search(text.lower()) is not None
        return self.caseless.search(text) is not None


@dataclass(frozen=True, slots=True)
class ClaimsLexicon:
    concepts: tuple[tuple[str, re.Pattern[str]], ...]
    arguments: frozenset[str]  # concepts that name things ("advisers"), not what is said of them
    measures: frozenset[str]  # concepts whose statements are estimates ("killed")
    light: frozenset[str]  # light verbs: their object's concepts stand for the predicate ("signed an order to call up")
    subjects: dict[str, str]
    stopwords: frozenset[str]
    referential: frozenset[str]
    likelihood: tuple[tuple[str, str], ...]
    official_role: re.Pattern[str]
    deny_phrase: re.Pattern[str]
    cited_figure: re.Pattern[str]
    poll_finding: re.Pattern[str]  # a speaker that is a share of the people asked ("About 4 in 10")
    titles: frozenset[str]
    nations: dict[str, str]  # nation word (lower case) -> side code
    any_concept: CaselessSearch  # finds whether some concept phrase occurs: texts without one skip the concepts


@lru_cache(maxsize=1)
def claims_lexicon() -> ClaimsLexicon:
    c = "claims.toml"
    concept_table = mapping(c, "concepts")
    concepts = tuple(
        (name, re.compile(r"(?i)\b(?:" + "|".join(phrases(c, f"concepts.{name}")) + r")")) for name in concept_table
    )
    likelihood = tuple(sorted(mapping(c, "likelihood").items(), key=lambda kv: len(kv[0]), reverse=True))
    return ClaimsLexicon(
        concepts=concepts,
        arguments=words(c, "concept_roles.arguments"),
        measures=words(c, "concept_roles.measures"),
        light=words(c, "concept_roles.light"),
        subjects={k.lower(): v for k, v in mapping(c, "subjects").items()},
        stopwords=words(c, "stopwords.words"),
        referential=words(c, "referential.words"),
        likelihood=likelihood,
        deny_phrase=alternation("denials.toml", "false.patterns", flags=re.I),
        cited_figure=pattern(c, "cited_figure.pattern"),
        poll_finding=pattern(c, "poll_finding.pattern"),
        official_role=alternation(c, "official_roles.words", before=r"\b", flags=re.I),
        titles=words(c, "titles.words"),
        nations=nations(),
        any_concept=CaselessSearch(
            r"\b(?:" + "|".join(p for name in concept_table for p in phrases(c, f"concepts.{name}")) + r")"
        ),
    )
