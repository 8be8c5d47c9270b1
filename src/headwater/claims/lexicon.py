"""The claims lexicon (``data/claims.toml``) and the nation words of ``data/quantities.toml`` (``headwater.nations``).

Loaded once. Everything the claims stage knows about words lives in those two data files:
concept phrases, which concepts are predicates, stop words, referential and denial phrases,
official roles, likelihood terms, and the nation words that tell whose soldiers, whose
officials, whose claims ("Varnian", "Ostreli", "Russian", "US").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

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
    titles: frozenset[str]
    nations: dict[str, str]  # nation word (lower case) -> side code
    any_concept: CaselessSearch  # finds whether some concept phrase occurs: texts without one skip the concepts


def _data(name: str) -> dict:  # type: ignore[type-arg]
    return tomllib.loads(resources.files("headwater.data").joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def claims_lexicon() -> ClaimsLexicon:
    data = _data("claims.toml")
    concepts = tuple(
        (name, re.compile(r"(?i)\b(?:" + "|".join(pats) + r")")) for name, pats in data["concepts"].items()
    )
    likelihood = tuple(sorted(data["likelihood"].items(), key=lambda kv: len(kv[0]), reverse=True))
    return ClaimsLexicon(
        concepts=concepts,
        arguments=frozenset(data["concept_roles"]["arguments"]),
        measures=frozenset(data["concept_roles"]["measures"]),
        light=frozenset(data["concept_roles"].get("light", [])),
        subjects={k.lower(): v for k, v in data["subjects"].items()},
        stopwords=frozenset(data["stopwords"]["words"]),
        referential=frozenset(data["referential"]["words"]),
        likelihood=likelihood,
        deny_phrase=re.compile(r"(?i)(?:" + "|".join(data["deny_phrases"]["words"]) + r")"),
        cited_figure=re.compile(data["cited_figure"]["pattern"]),
        official_role=re.compile(r"(?i)\b(?:" + "|".join(data["official_roles"]["words"]) + r")"),
        titles=frozenset(data["titles"]["words"]),
        nations=nations(),
        any_concept=CaselessSearch(r"\b(?:" + "|".join(p for pats in data["concepts"].values() for p in pats) + r")"),
    )
