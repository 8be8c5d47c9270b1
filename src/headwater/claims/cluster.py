"""Cluster attributed statements across articles into claims.

Statements with the same signature (reprints, copies) are scored once, as one unit that weighs
as many statements as it stands for. Candidate pairs of units come from an inverted index on
their terms: names and nations propose no pairs, and a term found in more than ``max_df`` units
proposes none either, so the cost grows with the pairs that share rare terms, not with the square
of the corpus. Pairs are merged best first; two groups merge only when their weighted average
similarity (pairs never scored count as 0) stays above ``threshold`` x ``link_ratio``, which stops
one loose pair from chaining unrelated groups together. A short statement said of no name ("the
numbers don't add up") by two speakers named on the record is two remarks about two things (unnamed
speakers and outlets may be one source relayed or resolved two ways, and still join). Attributed and
unattributed statements are clustered separately and never share a claim; two overlapping statements
of one article (one nested in the other) are never compared.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations

from headwater.claims.match import MIN_TERMS, Matcher, matcher
from headwater.model import Attribution


@dataclass(frozen=True, slots=True)
class Statement:
    """One attribution with its signature (internal to the claims stage)."""

    index: int
    attribution: Attribution
    terms: frozenset[str]


@dataclass(frozen=True, slots=True)
class Pair:
    """A scored candidate pair: ``score`` as matched, ``unsigned`` with negation ignored."""

    score: float
    unsigned: float


def units(statements: Sequence[Statement], copies: dict[str, str] | None = None) -> list[list[Statement]]:
    """Statements grouped by identical signature and proposition (type, polarity, modality, roles),
    attributed and unattributed apart; a short statement said of no name by a speaker named on the
    record, by speaker too ("the numbers don't add up" said by two senators is two remarks) unless its
    article is one of a reprint group (``copies``: article id -> group), whose copies are one statement
    however their speakers were resolved."""
    from headwater.claims.propositions import unit_key

    by_key: dict[tuple[object, ...], list[Statement]] = {}
    for s in statements:
        who = _voice(s, copies or {}) if _generic(s) and _on_record(s) else ""
        by_key.setdefault((s.terms, s.attribution.kind == "unattributed", who, *unit_key(s)), []).append(s)
    return list(by_key.values())


_FEW_TERMS = 4
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _generic(s: Statement) -> bool:
    """A few words that name nothing ("the numbers don't add up"; not "the bridge at Orlek was destroyed")."""
    if _content_terms(s.terms) > _FEW_TERMS or _named_frame(s.terms):
        return False
    return not any(w[:1].isupper() for w in _WORD.findall(s.attribution.content.text)[1:])


def _on_record(s: Statement) -> bool:
    """Said by a person or organisation named on the record, not an outlet relaying it: two such speakers
    are two voices (unnamed ones may be one source resolved two ways: "an Alderan official", "the
    official")."""
    from headwater.claims.origins import on_the_record

    sp = s.attribution.speaker
    return sp is not None and sp.type != "media" and on_the_record(s.attribution)


def _voice(s: Statement, copies: dict[str, str]) -> str:
    """Who says a statement, for the rule on short statements: its speaker, or its reprint group."""
    from headwater.claims.propositions import voice

    group = copies.get(s.attribution.article_id)
    return "copies:" + group if group else voice(s)


def _content_terms(terms: frozenset[str]) -> int:
    return sum(1 for t in terms if t[0] not in "@!")


def _named_frame(terms: frozenset[str]) -> bool:
    return any(t[0] == "^" and not t.partition("=")[2].isupper() for t in terms)


@dataclass(frozen=True, slots=True)
class UnitFacts:
    """What scoring a candidate pair needs of one unit, computed once per unit (and shipped to the tasks that
    score pairs on a cluster: ``headwater.spark.tasks.score_rows``)."""

    head: Statement  # the unit's first statement: its signature and proposition stand for all
    article: str | None  # its article when the unit is one statement (two nested statements are never compared)
    loose: bool  # unattributed
    small: bool  # few content terms (a candidate through one shared rare term)
    named: bool  # holds a frame said of a name
    sized: bool  # enough content terms and figures to score above 0 without a named frame
    generic: bool  # a few words that name nothing
    voices: frozenset[str] | None  # its speakers when all are named on the record, else None


def unit_facts(groups: Sequence[Sequence[Statement]], copies: dict[str, str] | None = None) -> list[UnitFacts]:
    """:class:`UnitFacts` of every unit."""
    out = []
    for unit in groups:
        head = unit[0]
        t = head.terms
        out.append(
            UnitFacts(
                head,
                head.attribution.article_id if len(unit) == 1 else None,
                head.attribution.kind == "unattributed",
                _content_terms(t) <= _FEW_TERMS,
                _named_frame(t),
                sum(1 for x in t if x[0] not in "@^!") >= MIN_TERMS,  # a Profile's size: words, concepts, figures
                _generic(head),
                frozenset(_voice(s, copies or {}) for s in unit) if all(_on_record(s) for s in unit) else None,
            )
        )
    return out


def candidate_blocks(groups: Sequence[Sequence[Statement]], max_df: int) -> tuple[list[list[int]], list[bool]]:
    """The blocks candidate pairs come from: for each rare term (in 2 to ``max_df`` units; names and nations
    excluded), the units holding it, in unit order; and whether each unit has a common word, concept or figure
    (one in more than ``max_df`` units). Two units are a candidate pair once per block they share."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, unit in enumerate(groups):
        for t in unit[0].terms:
            if t[0] not in "@!":
                postings[t].append(i)
    blocks = []
    common = [False] * len(groups)
    for t, ids in postings.items():
        if len(ids) > max_df:
            if t[0] != "^":
                for i in ids:
                    common[i] = True
        elif len(ids) > 1:
            blocks.append(ids)
    return blocks, common


def _shared_rare_terms(
    groups: Sequence[Sequence[Statement]], max_df: int
) -> tuple[Counter[tuple[int, int]], list[bool]]:
    """(pair of units -> rare terms they share, for pairs sharing one; whether each unit has a
    common word, concept or figure: one in more than ``max_df`` units)."""
    blocks, common = candidate_blocks(groups, max_df)
    shared: Counter[tuple[int, int]] = Counter()
    for ids in blocks:
        shared.update(combinations(ids, 2))  # (a, b) with a < b: ids are in unit order
    return shared, common


def worth_scoring(fa: UnitFacts, fb: UnitFacts, shared: int, common: bool, floor: float) -> bool:
    """Whether a candidate pair (``shared`` rare terms; ``common``: both units hold a common term) can score
    ``floor`` at all (see :func:`scored_pairs`)."""
    if shared < 2 and not (fa.small or fb.small):
        return False  # not a candidate
    if floor > 0 and not (fa.named and fb.named) and not (fa.sized and fb.sized and (shared >= 2 or common)):
        return False  # would score 0
    if fa.loose != fb.loose or (fa.article is not None and fa.article == fb.article and _nested_heads(fa, fb)):
        return False
    va, vb = fa.voices, fb.voices
    # a few words that name nothing ("the numbers don't add up") by two named speakers: two remarks
    return not ((fa.generic or fb.generic) and va is not None and vb is not None and not va & vb)


def score_pair(m: Matcher, fa: UnitFacts, fb: UnitFacts, floor: float) -> Pair | None:
    """The pair's :class:`Pair`, or None when it scores under ``floor`` or cannot state one proposition."""
    from headwater.claims.propositions import compatible, negated

    a, b = fa.head, fb.head
    unsigned = m.similarity(a.terms, b.terms, m.profile(a.terms), m.profile(b.terms), polarity=False)
    if unsigned < floor or not compatible(a, b, unsigned, polarity=False):
        return None
    # Rounded: the sums run over sets of strings, whose order (and so the last bits of a float) changes
    # with PYTHONHASHSEED; equal scores must stay equal so that ties fall to the pair order every run.
    unsigned = round(unsigned, 9)
    opposite = negated(a) != negated(b)
    return Pair(0.0 if opposite else unsigned, unsigned)  # opposite polarity never merges


# How a stage scores the candidate pairs of its units: ``scored_pairs`` here, or as Spark tasks
# (``headwater.spark.engine.SparkEngine.claim_pairs``): (units, weights, max_df, floor, copies) -> pairs.
PairScoring = Callable[
    [Sequence[Sequence[Statement]], dict[str, float], int, float, "dict[str, str] | None"],
    "dict[tuple[int, int], Pair]",
]


def scored_pairs(
    groups: Sequence[Sequence[Statement]],
    weights: dict[str, float],
    max_df: int,
    floor: float,
    copies: dict[str, str] | None = None,
) -> dict[tuple[int, int], Pair]:
    """Every candidate pair of units scoring at least ``floor`` (either way round on negation).

    Candidates come from the blocks of :func:`candidate_blocks` (units sharing a rare term). A candidate
    pair that :func:`headwater.claims.match.similarity` would score 0 by its rules 1 and 2 is not compared
    (when ``floor`` is above 0): unless both units have a frame said of a name, both need three content
    terms and figures, and two shared words, concepts or figures, which a pair sharing one rare term has
    only if both units also hold a common one. The Spark engine scores the same pairs with the same
    functions as tasks (``headwater.spark.engine.SparkEngine.claim_pairs``)."""
    out = {}
    m = matcher(weights)
    facts = unit_facts(groups, copies)
    shared, common = _shared_rare_terms(groups, max_df)
    small = [f.small for f in facts]
    for (a, b), n in shared.items():
        if n < 2 and not (small[a] or small[b]):
            continue  # not a candidate (the first test of worth_scoring, here for speed: most pairs stop here)
        fa, fb = facts[a], facts[b]
        if worth_scoring(fa, fb, n, common[a] and common[b], floor):
            pair = score_pair(m, fa, fb, floor)
            if pair is not None:
                out[(a, b)] = pair
    return out


def _nested_heads(a: UnitFacts, b: UnitFacts) -> bool:
    x, y = a.head.attribution.content, b.head.attribution.content
    return x.start < y.end and y.start < x.end


def merge(
    groups: Sequence[Sequence[Statement]],
    pairs: dict[tuple[int, int], Pair],
    threshold: float,
    link_ratio: float = 0.75,
) -> list[list[Statement]]:
    """Average-linkage merging of units, best pair first; groups of statements, largest first."""
    size = [len(u) for u in groups]
    group_of = list(range(len(groups)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(groups))}
    for (a, b), pair in sorted(pairs.items(), key=lambda kv: (-kv[1].score, kv[0])):
        if pair.score < threshold:
            break
        ga, gb = group_of[a], group_of[b]
        if ga == gb or not _can_merge(members[ga], members[gb], pairs, size, threshold * link_ratio, groups):
            continue
        members[ga].extend(members.pop(gb))
        for i in members[ga]:
            group_of[i] = ga
    out = [sorted((s for i in ids for s in groups[i]), key=lambda s: s.index) for ids in members.values()]
    return sorted(out, key=lambda g: (-len(g), g[0].index))


def _can_merge(
    a: list[int],
    b: list[int],
    pairs: dict[tuple[int, int], Pair],
    size: list[int],
    floor: float,
    groups: Sequence[Sequence[Statement]] | None = None,
) -> bool:
    """Average linkage above ``floor``, and no two members whose propositions conflict
    (:func:`headwater.claims.propositions.conflict`: other type, polarity or roles): one loose pair
    never chains two different propositions together."""
    from headwater.claims.propositions import conflict

    total = 0.0
    for x in a:
        for y in b:
            p = pairs.get((min(x, y), max(x, y)))
            if p is not None and p.score == 0.0 and p.unsigned > 0.0:
                return False  # opposite polarity
            if groups is not None and p is None and conflict(groups[x][0], groups[y][0]):
                return False
            if p:
                total += p.score * size[x] * size[y]
    return total / (sum(size[x] for x in a) * sum(size[y] for y in b)) >= floor
