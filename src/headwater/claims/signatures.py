"""Signatures of a statement for matching across articles: terms, entities, figures, frames.

A signature is a set of tokens built from the attributed content:

* concept tokens: phrases listed in ``data/claims.toml`` [concepts] ("is being misinformed",
  "is not being informed", "felt misled") become one token (``~misinform``), so rewordings meet.
  Most concepts are predicates (what is said of someone); those listed in [concept_roles]
  ``arguments`` ("advisers", "inner circle") only name things and count as ordinary words;
* lemmas of the remaining content words (spaCy's lemmatizer when a pipeline is available,
  otherwise a small suffix stemmer), stop words dropped;
* entities: capitalised names ("Putin", "Shoigu") as ``@putin``; nation words ("Russian",
  "Russia's", "Varnian") as the side they name (``@RU``, ``@VA``);
* figures: counted numbers as ``#15600`` ("80 thousand" is ``#80000``); dates ("February 3",
  "3 March") and years are not figures;
* frames: for each predicate concept, who it is said of (``^misinform=@putin``,
  ``^kill=VA``): the nearest name or nation word before the phrase in the same clause, else
  the first one just after it ("tension between Putin and ...");
* ``!neg`` when the rest of the statement is negated or doubts what it reports ("scepticism
  over Putin's plans to scale back" is not "it will scale back").

How two signatures are compared is :func:`headwater.claims.match.similarity`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from headwater.claims.lexicon import claims_lexicon, nation_side
from headwater.lexicon import alternation, phrases

Lemmatizer = Callable[[Sequence[str]], list[list[str]]]

_NEGATION = alternation("claims.toml", "signature_words.negation", before=r"(?i)\b", after=r"\b|n't\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_MONTHS = "(?:" + "|".join(phrases("claims.toml", "signature_words.months")) + ")"
_DATE = re.compile(
    rf"\b{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b(?:,?\s+\d{{4}})?"
    r"|\b(?:1[89]|20)\d\d\b(?![,.]\d)|\b\d{1,2}:\d\d\b"
)
_FIGURE = re.compile(r"\b\d{1,3}(?:,\d{3})+(?:\.\d+)?|\b\d+(?:\.\d+)?")
_SCALE = re.compile(r"\s*(thousand|million|billion|bn|mn)\b", re.I)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9, "mn": 1e6}
_CLAUSE = re.compile(
    r"[;:!?()]|,(?!\d)|\.(?!\d)|(?<!\d )\band\b(?! \d)|\b(?:but|while|which|who|whom|whose|because|although|when)\b"
)
_AFTER = re.compile(
    r"\s+(?:[a-z’'-]+\s+){0,4}?(?:between|of|to|by|among|against|with|within|inside)\s+(?:[a-z’'-]+\s+){0,3}?"
    r"(?P<owner>[A-Z][\w’'.-]*\w)"
)
_OWNER = re.compile(r"\b[A-Z][\w’'.-]*\w")
_ENTITY = re.compile(r"\b([A-Z][A-Za-z’'.-]*[A-Za-z])")


_DIGIT = re.compile(r"\d")
_POSSESSIVE = re.compile(r"['’]s$")
_TRAILING_S = re.compile(r"['’]s?$")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A small English stemmer (the default; spaCy lemmas are an option, ``[claims] lemmas``).

    Consistent rather than correct: "arrive", "arrived", "arriving" -> "arriv"; "trained",
    "training" -> "train"; "declassified" -> "declassify"; "sanctions" -> "sanction"."""
    w = word.lower()
    if "'" in w or "’" in w:
        w = _POSSESSIVE.sub("", w)
    w = w.strip("'’-")
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("ers", "er"), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)] + repl
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # "stopped" -> "stopp" -> "stop"
    return w


def apply_concepts(text: str) -> tuple[str, list[str]]:
    """Replace concept phrases by spaces; return the rest of the text and the concept tokens found."""
    found: list[str] = []
    lex = claims_lexicon()
    if not lex.any_concept.found(text):
        return text, found
    for name, pattern in lex.concepts:
        if pattern.search(text):
            found.append("~" + name)
            text = pattern.sub(" ", text)
    return text, found


@lru_cache(maxsize=1 << 16)
def entity_token(word: str) -> str | None:
    """``@RU`` for a nation word, ``@putin`` for a name, None for a stop word or title."""
    side = nation_side(word)
    if side:
        return "@" + side
    w = re.sub(r"[’']s$", "", word).strip(".").lower()
    lex = claims_lexicon()
    if len(w) < 3 or w in lex.stopwords or w in lex.titles:
        return None
    return "@" + w


def entities(text: str) -> list[str]:
    """Capitalised words that are not stop words or titles ("Putin", "Shoigu", "Russian")."""
    out = []
    for m in _ENTITY.finditer(text):
        tok = entity_token(m.group(1))
        if tok:
            out.append(tok)
    return out


def figures(text: str) -> list[str]:
    """Counted numbers ("4,000", "80 thousand", "1.5 million"), not dates or years: ``#4000``."""
    if not _DIGIT.search(text):
        return []  # every date and figure has a digit
    text = _DATE.sub(" ", text)
    out = []
    for m in _FIGURE.finditer(text):
        value = float(m.group(0).replace(",", ""))
        scale = _SCALE.match(text, m.end())
        if scale:
            value *= _SCALES[scale.group(1).lower()]
        out.append("#" + (f"{value:.0f}" if value.is_integer() else f"{value:g}"))
    return out


def _owner_at(text: str, start: int, end: int) -> str | None:
    """Who a predicate phrase at ``text[start:end]`` is said of: the nearest name or nation word
    before it in the same clause, else one a few words after it behind a preposition ("tension
    between Putin and ...", "opposition to Putin")."""
    clause_start = 0
    for m in _CLAUSE.finditer(text, 0, start):
        clause_start = m.end()
    for m in reversed(list(_OWNER.finditer(text, clause_start, start))):
        tok = entity_token(m.group(0))
        if tok:
            return tok[1:]
    after = _AFTER.match(text, end)
    if after and not _CLAUSE.search(text, end, after.start("owner")):
        tok = entity_token(after.group("owner"))
        if tok:
            return tok[1:]
    return None


def frames(text: str) -> list[str]:
    """``^concept=owner`` for each predicate concept in ``text`` whose owner can be told."""
    lex = claims_lexicon()
    out: list[str] = []
    if not lex.any_concept.found(text):
        return out
    for name, pattern in lex.concepts:
        if name in lex.arguments:
            continue
        for m in pattern.finditer(text):
            owner = _owner_at(text, m.start(), m.end())
            if owner:
                out.append(f"^{name}={owner}")
    return out


def signature(text: str, lemmas: list[str] | None = None) -> frozenset[str]:
    """The token set of one statement. ``lemmas`` (from spaCy) replace the stemmer when given."""
    rest, concepts = apply_concepts(text)
    if lemmas is None:
        terms = {t for t in map(_stemmed_term, _WORD.findall(rest)) if t is not None}
    else:
        terms = {t for t in map(_term, lemmas) if t is not None}
    ents = set(entities(text))
    if _NEGATION.search(rest):
        terms.add("!neg")
    terms -= {e[1:] for e in ents}
    found = frames(text) if concepts else []  # no concept phrase, no frame
    return frozenset(terms | set(concepts) | ents | set(figures(text)) | set(found))


@lru_cache(maxsize=1 << 16)
def _term(word: str) -> str | None:
    """The term a lemma or stem stands for (a trailing "'s" or "'" dropped), or None: too short, a
    stop word, a number or a nation word."""
    w = _TRAILING_S.sub("", word) if "'" in word or "’" in word else word
    low = w.lower()
    if len(w) > 2 and low not in claims_lexicon().stopwords and not w[0].isdigit() and not nation_side(w):
        return low
    return None


@lru_cache(maxsize=1 << 16)
def _stemmed_term(word: str) -> str | None:
    """The term of a word of the text with the built-in stemmer: a lower-case word that is not a stop word."""
    if word[0].islower() and word.lower() not in claims_lexicon().stopwords:
        return _term(stem(word))
    return None


def spacy_lemmatizer(nlp: object) -> Lemmatizer:
    """Lemmas of the content words of each text (after concept phrases are removed)."""

    def run(texts: Sequence[str]) -> list[list[str]]:
        rests = [apply_concepts(t)[0] for t in texts]
        out = []
        for doc in nlp.pipe(rests, batch_size=256):  # type: ignore[attr-defined]
            out.append([t.lemma_.lower() for t in doc if t.is_alpha and not t.is_stop and t.pos_ != "PROPN"])
        return out

    return run


class Weights(dict[str, float]):
    """Term weights (IDF) that also remember each signature's total weight (``totals``) and carry
    the :class:`headwater.claims.match.Matcher` that scores pairs with them (``matcher``)."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.totals: dict[frozenset[str], float] = {}
        self.matcher: object = None


def idf(signatures: Iterable[frozenset[str]]) -> Weights:
    """Inverse document frequency of every token over the statements of the corpus."""
    df: Counter[str] = Counter()
    n = 0
    for sig in signatures:
        df.update(sig)
        n += 1
    return Weights({t: math.log((n + 1) / (c + 0.5)) + 1.0 for t, c in df.items()})


def subject_sides(text: str) -> set[str]:
    """Sides a statement is about, from names and places in ``data/claims.toml`` [subjects]
    and the nation words of ``data/quantities.toml``."""
    subjects = claims_lexicon().subjects
    sides = {subjects[w] for w in re.findall(r"[a-z]+", text.lower()) if w in subjects}
    return sides | {t[1:] for t in entities(text) if t[1:].isupper()}


@lru_cache(maxsize=1)
def _likelihood_pattern() -> re.Pattern[str]:
    phrases = [re.escape(p) for p, _ in claims_lexicon().likelihood]  # longest first
    return re.compile(r"\b(" + "|".join(phrases) + r")\b")


@lru_cache(maxsize=1 << 14)
def likelihood_term(text: str) -> str | None:
    """The ICD 203 term matching likelihood language in ``text`` (longest phrase first)."""
    found = [m.group(1) for m in _likelihood_pattern().finditer(text.lower())]
    if not found:
        return None
    terms = dict(claims_lexicon().likelihood)
    return terms[max(found, key=len)]
