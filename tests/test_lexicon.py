"""headwater.lexicon: the one loader of headwater/data, and the lists that moved into it."""

from __future__ import annotations

import math
import re

import pytest

from headwater import lexicon
from headwater.lexicon import LexiconError


def test_missing_key_names_file_and_key() -> None:
    with pytest.raises(LexiconError, match=r"data/cues\.toml: no entry 'verbs\.nope'"):
        lexicon.words("cues.toml", "verbs.nope")
    with pytest.raises(LexiconError, match=r"data/nope\.toml: cannot read"):
        lexicon.table("nope.toml")


def test_malformed_list_names_file_and_key() -> None:
    with pytest.raises(LexiconError, match=r"data/quantities\.toml: 'qualifiers' must be a list of strings"):
        lexicon.words("quantities.toml", "qualifiers")
    with pytest.raises(LexiconError, match=r"data/cues\.toml: 'verbs' must be a regular expression"):
        lexicon.pattern("cues.toml", "verbs")
    with pytest.raises(LexiconError, match=r"data/cues\.toml: 'verbs\.speech' must be a list of \[word, word\] pairs"):
        lexicon.pairs("cues.toml", "verbs.speech")


def test_loaded_once_and_typed() -> None:
    a = lexicon.words("cues.toml", "verbs.speech")
    assert a is lexicon.words("cues.toml", "verbs.speech")  # cached: no re-parse, no new set
    assert isinstance(a, frozenset) and "say" in a
    assert lexicon.table("cues.toml") is lexicon.table("cues.toml")
    phrases = lexicon.phrases("denials.toml", "false.phrases")
    assert isinstance(phrases, tuple) and phrases[0] == "absolutely false"  # file order kept
    rx = lexicon.alternation("denials.toml", "false.phrases", escape=True, before=r"\b", after=r"\b", flags=re.I)
    assert rx.search("It is Absolutely False.") and not rx.search("untruely")


def test_one_denial_lexicon() -> None:
    """The extractor, the claims stage and the checker read their denial words from denials.toml only."""
    from headwater.check.lexicon import lexicon as stance_lexicon
    from headwater.claims.lexicon import claims_lexicon
    from headwater.extract.lexicon import cues

    assert cues().deny == lexicon.words("denials.toml", "verbs.lemmas")
    assert cues().deny_phrases.search("a complete fabrication")
    assert claims_lexicon().deny_phrase.search("a complete fabrication")
    assert ("shot", "down") in stance_lexicon().deny.phrases
    assert "denied" in stance_lexicon().deny.words
    for name in ("cues.toml", "claims.toml", "stance.toml"):
        table = lexicon.table(name)
        assert "deny_phrases" not in table and "deny" not in table and "deny" not in table.get("verbs", {})


@pytest.mark.parametrize(
    ("qualifier", "expected"),
    [
        ("more than", (100.0, math.inf)),
        ("over", (100.0, math.inf)),
        ("up to", (0.0, 100.0)),
        ("as many as", (0.0, 100.0)),
        ("nearly", (90.0, 110.00000000000001)),
        ("as few as", (100.0, 100.0)),
        (None, (100.0, 100.0)),
    ],
)
def test_qualifier_bounds_come_from_data(qualifier: str | None, expected: tuple[float, float]) -> None:
    from headwater.claims.estimates import interval
    from headwater.model import Quantity, Span

    q = Quantity("a", "d", "soldiers killed", "soldiers", 100.0, None, None, qualifier, Span("100", 0, 3))
    assert interval(q) == expected
    bound = lexicon.mapping("quantities.toml", "qualifiers").get(qualifier or "", {}).get("bound", "exact")
    assert bound in ("lower", "upper", "approximate", "exact")


def test_every_qualifier_has_a_bound() -> None:
    from headwater.extract.quantities import BOUNDS
    from headwater.extract.quantities import lexicon as quantity_lexicon

    lex = quantity_lexicon()
    assert set(lex.bounds) == set(lex.qualifiers) and set(lex.bounds.values()) <= set(BOUNDS)
    assert all(lex.bounds[k] == lex.bounds[v] for k, v in lex.same.items())  # "over" counts as "more than"
