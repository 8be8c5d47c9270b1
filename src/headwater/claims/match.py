"""How surely two statements state the same proposition: the rules, in order.

Gates (any one makes the score 0):

1. **Too little in common.** Two statements must share a frame said of a name (the same
   predicate concept said of the same person: ``^misinform=putin``) or at least two content
   terms besides frames of nations: words, concepts or figures. Names and nations alone never
   make one claim: "Putin and his inner circle join the talks" and "tension between Putin and
   Shoigu, once of his inner circle" share only Putin and "inner circle"; "Korvask is filling the
   gaps with reservists" and "any new Varnian mobilisation" share only a concept said of Varnia.
   A statement with fewer than three content terms and figures ("the general staff rather than
   President Dragan Velkov") joins others only through a named frame (or as an exact copy).
2. **Different figures.** When both give figures and they share none ("between 4,000 and 6,500
   killed" / "9,400 killed" / "at least 3,500"), they are competing estimates, not one claim:
   they meet side by side in the estimates tables and count as numeric contradictions there.
3. **Different subjects.** When both say the same predicate of a nation and the nations differ
   ("Varnian soldiers killed" / "Ostreli losses"), they are about different things.
4. **Estimate and no estimate.** For a measured concept (``data/claims.toml`` [concept_roles]
   ``measures``: "killed", "losses"), a statement with a figure and one without ("Ostrel has lost
   more than 7,800" / "Ostreli losses had been significant") are different claims.

Score: the IDF-weighted mean of Dice and overlap-on-the-smaller-side (the latter scaled down when
the smaller side has fewer than four content terms). A predicate concept weighs 2.5 when both
statements say it of the same person (a shared named frame), else like any word: a broad concept
alone ("retreating into areas" / "withdrawn from Kharkiv") does not carry a match. Names and
nations weigh 0.5, figures 1.5; frames and the negation flag carry no weight. A shared
frame said of a name lifts the score to at least 0.5 (+0.05 per further shared content term, at most 0.8) when
the weighted overlap is already at least 0.25: that is how "Putin is being misinformed by his
advisers" meets "Putin is not being informed about the real score". Statements of opposite
polarity ("heard no opposition" / "expressed opposition") score half.
"""

from __future__ import annotations

from contextlib import suppress
from functools import lru_cache
from typing import NamedTuple

from headwater.claims.lexicon import claims_lexicon

CONCEPT_WEIGHT = 2.5
ENTITY_WEIGHT = 0.5
FIGURE_WEIGHT = 1.5
FRAME_FLOOR = 0.25
MIN_TERMS = 3


def _weight(term: str, weights: dict[str, float], boost: frozenset[str] | None = None) -> float:
    base = weights.get(term, 1.0)
    kind = term[0]
    if kind == "~":
        lifted = term[1:] not in claims_lexicon().arguments and (boost is None or term[1:] in boost)
        return base * (CONCEPT_WEIGHT if lifted else 1.0)
    if kind == "@":
        return base * ENTITY_WEIGHT
    if kind == "#":
        return base * FIGURE_WEIGHT
    if kind in "^!":
        return 0.0
    return base


def _total(sig: frozenset[str], weights: dict[str, float]) -> float:
    """The weight of a whole signature, remembered by the weights table when it can
    (:class:`headwater.claims.signatures.Weights`)."""
    memo = getattr(weights, "totals", None)
    if memo is None:
        return sum(_weight(t, weights) for t in sig)
    if sig not in memo:
        memo[sig] = sum(_weight(t, weights) for t in sig)
    return memo[sig]  # type: ignore[no-any-return]


def is_content(term: str) -> bool:
    """A word or concept (not a name, nation, figure, frame or flag)."""
    return term[0] not in "@#^!"


@lru_cache(maxsize=1 << 16)
def figures_of(sig: frozenset[str]) -> frozenset[str]:
    return frozenset(t for t in sig if t[0] == "#")


@lru_cache(maxsize=1 << 16)
def _nation_owners(sig: frozenset[str]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for t in sig:
        if t[0] == "^":
            concept, _, owner = t[1:].partition("=")
            if owner.isupper():
                out.setdefault(concept, set()).add(owner)
    return {c: frozenset(o) for c, o in out.items()}


def weighted_overlap(
    a: frozenset[str],
    b: frozenset[str],
    weights: dict[str, float],
    full_terms: int = 4,
    boost: frozenset[str] | None = None,
) -> float:
    """Mean of weighted Dice and weighted overlap on the smaller side (0-1). The overlap part
    counts fully only when the smaller side has at least ``full_terms`` content terms: a fragment
    ("the general staff rather than President Dragan Velkov") is not matched by its few words."""
    if boost is not None:  # concept weights depend on the pair: no memo
        ws = sum(_weight(t, weights, boost) for t in a & b)
        wa, wb = (sum(_weight(t, weights, boost) for t in x) for x in (a, b))
    else:
        ws = sum(_weight(t, weights) for t in a & b)
        wa, wb = _total(a, weights), _total(b, weights)
    if not ws or not wa or not wb:
        return 0.0
    small = a if wa <= wb else b
    terms = sum(1 for t in small if is_content(t) or t[0] == "#")
    return 0.5 * (2 * ws / (wa + wb)) + 0.5 * (ws / min(wa, wb)) * min(1.0, terms / max(full_terms, 1))


class Profile(NamedTuple):
    """What :func:`similarity` needs of one signature alone, computed once per signature."""

    size: int  # content terms and figures (``_size``)
    owners: dict[str, frozenset[str]]  # predicate concept -> nations it is said of (``_nation_owners``)
    figures: frozenset[str]
    total: float  # weight of the whole signature, no concept lifted
    negated: bool


class Matcher:
    """:func:`similarity` against one weights table, with each term's weight (no concept lifted)
    and each signature's :class:`Profile` computed once: the clustering scores every candidate
    pair of the corpus. The same sums in the same order as ``weighted_overlap``."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights
        self.term_weights: dict[str, float] = {}
        self.profiles: dict[frozenset[str], Profile] = {}

    def weight(self, term: str) -> float:
        w = self.term_weights.get(term)
        if w is None:
            w = self.term_weights[term] = _weight(term, self.weights, _NO_BOOST)
        return w

    def profile(self, sig: frozenset[str]) -> Profile:
        p = self.profiles.get(sig)
        if p is None:
            tw = self.term_weights
            weights: list[float] = []
            figures: list[str] = []
            size = 0
            for t in sig:  # one pass: the size, the figures and the total, summed in this order
                w = tw.get(t)
                weights.append(self.weight(t) if w is None else w)
                kind = t[0]
                if kind == "#":
                    figures.append(t)
                    size += 1
                elif kind != "@" and kind != "^" and kind != "!":
                    size += 1
            p = self.profiles[sig] = Profile(size, _nation_owners(sig), frozenset(figures), sum(weights), "!neg" in sig)
        return p

    def similarity(
        self,
        a: frozenset[str],
        b: frozenset[str],
        pa: Profile,
        pb: Profile,
        polarity: bool = True,
        denial: bool = False,
        min_shared: int = 2,
    ) -> float:
        """:func:`similarity`, given the profiles of ``a`` and ``b``."""
        shared = a & b
        content = frames = 0
        concepts = False
        named: list[str] | None = None
        for t in shared:
            kind = t[0]
            if kind == "^":
                frames += 1
                if not t.partition("=")[2].isupper():
                    if named is None:
                        named = []
                    named.append(t[1:].partition("=")[0])
            elif kind != "@" and kind != "!":
                content += 1  # words, concepts and figures
                if kind == "~":
                    concepts = True
        content += frames
        if named is None:
            if content < min_shared + (0 if denial else frames):
                return 0.0
            if not denial and (pa.size < MIN_TERMS or pb.size < MIN_TERMS):
                return 0.0
        oa, ob = pa.owners, pb.owners
        if oa and ob and any(not oa[c] & ob[c] for c in oa.keys() & ob.keys()):
            return 0.0  # rule 3
        if not denial:
            fa, fb = pa.figures, pb.figures
            if fa and fb and not fa & fb:
                return 0.0  # rule 2
            if (
                concepts
                and bool(fa) != bool(fb)
                and any(t[0] == "~" and t[1:] in claims_lexicon().measures for t in shared)
            ):
                return 0.0  # rule 4
        if denial:
            score = weighted_overlap(a, b, self.weights, full_terms=1, boost=None)
        elif named is None:
            tw = self.term_weights
            ws = sum([tw[t] if t in tw else self.weight(t) for t in shared])
            wa, wb = pa.total, pb.total
            if not ws or not wa or not wb:
                return 0.0
            terms = pa.size if wa <= wb else pb.size
            score = 0.5 * (2 * ws / (wa + wb)) + 0.5 * (ws / min(wa, wb)) * min(1.0, terms / 4)
        else:
            score = weighted_overlap(a, b, self.weights, full_terms=4, boost=frozenset(named))
        if named is not None and score >= FRAME_FLOOR:
            score = max(score, min(0.8, 0.5 + 0.05 * max(content - 1, 0)))
        if polarity and not denial and pa.negated != pb.negated:
            score *= 0.5  # "heard no opposition" is not "expressed opposition"
        return score


_NO_BOOST: frozenset[str] = frozenset()


def matcher(weights: dict[str, float]) -> Matcher:
    """The :class:`Matcher` of a weights table, kept on the table when it can hold it
    (:class:`headwater.claims.signatures.Weights`)."""
    m = getattr(weights, "matcher", None)
    if m is None:
        m = Matcher(weights)
        with suppress(AttributeError):  # a plain dict holds none: no memo across calls
            weights.matcher = m  # type: ignore[attr-defined]
    return m  # type: ignore[no-any-return]


def similarity(
    a: frozenset[str],
    b: frozenset[str],
    weights: dict[str, float],
    polarity: bool = True,
    denial: bool = False,
    min_shared: int = 2,
) -> float:
    """How surely two statements say the same thing (0-1); the rules are in the module docstring.

    ``polarity=False`` ignores negation (to find a statement that contradicts another).
    ``denial=True`` compares a denial with a statement it may deny: negation is ignored, frames of
    nations count towards rule 1, and rules 2 and 4 do not apply (a denial may give its own figure,
    or none: "described the Ostreli figures as absolutely false"), and a short denial is not scaled
    down as a fragment. ``min_shared`` is rule 1's count
    of shared terms."""
    m = matcher(weights)
    return m.similarity(a, b, m.profile(a), m.profile(b), polarity, denial, min_shared)
