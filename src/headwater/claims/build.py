"""Build claims from attributions: denials apart, cluster, canonical wording, origins, grades.

0. Speaker sides the extractor left unknown are filled in (:mod:`headwater.claims.sides`), speakers
   are mapped to corpus-wide entities (:mod:`headwater.claims.entities`), and a denial that names
   the report it denies ("Peskov said US intelligence reports that ... are absolutely false") is
   split into the report's claim (by US intelligence) and Peskov's denial of it (:func:`unnest_denials`).
1. Only statements of check-worthy propositions (:class:`headwater.model.Proposition` types
   assertion, estimate, prediction, demand, opinion) by a source become claims: fragments,
   questions, refusals and greetings do not, nor do statements whose "speaker" is no source
   ("no one", "information", an unresolved "he"), statements that point back at what was said before
   them ("That's why ..."), or an outlet's content that relays a report it holds whole ("[Weaver says
   ...], according to the AP": Weaver's statement is the claim). Attributed contents become statements (:mod:`headwater.claims.statements`: questions dropped,
   short ones dropped, "..., and that ..." split); one that states nothing (no content word,
   concept or figure: "an Alderan official") is not a claim. Denials are set apart by the rules of
   :mod:`headwater.claims.denials` (the extractor's ``deny``, deny phrases, negated follow-ups of a
   denial, negated contradictions of another side); ``no_comment`` statements are not claims.
2. The asserted statements are clustered (:mod:`headwater.claims.cluster`, scored by the rules of
   :mod:`headwater.claims.match` and gated by those of :mod:`headwater.claims.propositions`:
   statements of different types, polarity, predicates or roles never share a claim; a pair of
   opposite polarity becomes a contradiction link between the two claims).
3. Each claim gets a canonical wording, its independent origins (:mod:`headwater.claims.origins`),
   the denials linked to it, and a grade (:mod:`headwater.claims.grade`; factual assertions and
   estimates only: predictions, demands and opinions are labelled and not graded).
4. Claims are ranked by strength of evidence (:data:`RANKING`).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from headwater.claims.cluster import Pair, PairScoring, Statement, merge, scored_pairs, units
from headwater.claims.denials import (
    DenialOptions,
    denies_a_claim,
    follow_ups,
    leading_negation,
    link_denials,
    stance,
)
from headwater.claims.entities import apply_entities, build_entities, no_source
from headwater.claims.grade import grade, not_graded
from headwater.claims.lexicon import claims_lexicon
from headwater.claims.match import is_content, matcher
from headwater.claims.origins import ArticleInfo, independent_origins, speaker_side
from headwater.claims.sides import resolve_sides
from headwater.claims.signatures import Lemmatizer, idf, signature
from headwater.claims.statements import statements
from headwater.config import ClaimsConfig
from headwater.lexicon import phrases, words
from headwater.model import GRADED_TYPES, Attribution, Claim, Span

# The stage's options are the [claims] section of the configuration.
ClaimOptions = ClaimsConfig


def denial_options(opts: ClaimOptions) -> DenialOptions:
    return DenialOptions(opts.deny_threshold, opts.link_window, opts.sweep_window, opts.follow_window)


def claim_id(members: Sequence[Attribution]) -> str:
    key = "|".join(sorted(f"{a.article_id}:{a.content.start}:{a.content.end}" for a in members))
    return hashlib.blake2b(key.encode("utf-8"), digest_size=6).hexdigest()


# A sentence ends at . ! ? before a capital, but not after a title or an initial ("Mr. Trump", "Gov.
# Kasich", "U.S. officials", "Donald J. Trump").
_SENTENCE = re.compile(
    "".join(rf"(?<!\b{re.escape(a)}\.)" for a in phrases("claims.toml", "sentences.abbreviations"))
    + r"(?<!\b[A-Z]\.)(?<=[.!?])\s+(?=[A-Z“\"])"
)
_LEAD = re.compile(
    r"(?i)^(?:that\s+)?(?:(?:we|i)\s+(?:believe|think|know|assess|understand|have information)\s+that\s+)?"
)
_FRAGMENT_START = words("claims.toml", "statement_words.fragment_start")


def _fragment(text: str) -> bool:
    """A wording that cannot stand alone ("him of hiding the scale of ...", "the package")."""
    words = re.findall(r"[\w’'-]+", text)
    return len(words) < 5 or words[0].lower() in _FRAGMENT_START


def canonical_text(members: Sequence[Statement], weights: dict[str, float]) -> str:
    """The member wording closest to all the others (one that stands alone, if any), its leading
    "that" / "we believe that" dropped, cut to one sentence of at most 30 words.

    Identical signatures are scored once, so a claim repeated by a hundred reprints costs no more
    than one with a few distinct wordings."""
    distinct: dict[frozenset[str], Statement] = {}
    for s in members:
        distinct.setdefault(s.terms, s)
    if len(distinct) == 1:
        best = next(iter(distinct.values()))
    else:
        count = Counter(s.terms for s in members)
        m = matcher(weights)
        profiles = {t: m.profile(t) for t in distinct}

        def centrality(s: Statement) -> float:
            ps = profiles[s.terms]
            return (
                sum(count[t] * m.similarity(s.terms, t, ps, profiles[t]) for t in distinct if t != s.terms)
                + count[s.terms]
            )

        best = max(
            distinct.values(),
            key=lambda s: (
                not _fragment(s.attribution.content.text),
                round(centrality(s), 3),
                -abs(len(s.attribution.content.text.split()) - 18),
                -s.index,
            ),
        )
    text = re.sub(r"\s+", " ", best.attribution.content.text).strip(" \"“”'‘’«»„,.:;—–-")
    text = _LEAD.sub("", text)
    text = text[:1].upper() + text[1:]
    sentences = _SENTENCE.split(text)
    first = next((x for x in sentences if not x.rstrip(" \"”’'").endswith("?")), sentences[0])  # not a question
    words = first.split()
    return " ".join(words[:30]) + (" …" if len(words) > 30 else "")


def says_something(sig: frozenset[str]) -> bool:
    """A statement with no content word, concept or figure ("an Alderan official", "the package")
    names something but states nothing: it is not a claim."""
    return any(is_content(t) or t[0] == "#" for t in sig)


def _signatures(attributions: Sequence[Attribution], lemmatizer: Lemmatizer | None) -> list[frozenset[str]]:
    """Signatures of the contents, each distinct text signed once (copies repeat them)."""
    texts = list(dict.fromkeys(a.content.text for a in attributions))
    lemmas = lemmatizer(texts) if lemmatizer and texts else None
    signed = {t: signature(t, lemmas[i] if lemmas else None) for i, t in enumerate(texts)}
    return [signed[a.content.text] for a in attributions]


def _contradictions(
    groups: Sequence[Sequence[Statement]], pairs: dict[tuple[int, int], Pair], threshold: float
) -> set[int]:
    """Units of negated statements that contradict a statement of another known side (denial rule 3)."""
    out: set[int] = set()
    for (a, b), pair in pairs.items():
        na, nb = (leading_negation(groups[x][0].attribution.content.text) for x in (a, b))
        if na == nb or pair.unsigned < threshold:
            continue
        neg, pos = (a, b) if na else (b, a)
        sides = {speaker_side(s.attribution) for s in groups[neg]}
        other = {speaker_side(s.attribution) for s in groups[pos]}
        if "unknown" not in sides | other and not sides & other:
            out.add(neg)
    return out


@dataclass(frozen=True, slots=True)
class Sorted:
    """The statements of the corpus sorted for clustering: the kept ones, which of them deny (``denied``; a
    follow-up -> its leading denial in ``follows``), and the asserted ones as units (identical signature
    and proposition) with the term weights they are scored with."""

    kept: list[Attribution]
    denied: set[int]
    follows: dict[int, int]
    units: list[list[Statement]]
    weights: dict[str, float]


def sort_statements(
    attributions: Sequence[Attribution],
    lemmatizer: Lemmatizer | None,
    opts: ClaimOptions,
    copies: dict[str, str] | None = None,
) -> Sorted:
    """Statements kept, denials set apart, the asserted ones signed and grouped into units (step 1)."""
    kept = [a for a in statements(attributions, opts.min_words) if no_source(a) is None]
    stances = [stance(a) for a in kept]
    rejected = {i for i, s in enumerate(stances) if s == "deny"}
    denied = {i for i in rejected if denies_a_claim(kept[i])}  # "rejected a treaty" denies no claim
    follows = follow_ups(kept, denied, opts.follow_window)
    denied |= set(follows)
    excluded = denied | rejected  # built once: in the comprehension it was rebuilt per statement
    reports = _reports_by_article(attributions)
    asserted = [
        i
        for i, s in enumerate(stances)
        if s == "assert" and i not in excluded and checkworthy(kept[i]) and not _relays_a_report(kept[i], reports)
    ]
    sigs = _signatures([kept[i] for i in asserted], lemmatizer)
    stmts = [Statement(n, kept[i], sigs[n]) for n, i in enumerate(asserted) if says_something(sigs[n])]
    weights = idf(s.terms for s in stmts)
    return Sorted(kept, denied, follows, units(stmts, copies), weights)


_REPORTERS = ("person", "organization", "anonymous", "media")  # speakers whose report an outlet relays
_Report = tuple[int, int, tuple[str, str, str]]  # where a report's speaker and cue are, and what it states


def _states(a: Attribution) -> tuple[str, str, str] | None:
    p = a.proposition
    return (p.predicate, p.agent, p.patient) if p is not None and p.predicate else None


def _reports_by_article(attributions: Sequence[Attribution]) -> dict[str, list[_Report]]:
    """Article id -> each of its reports by a person, organisation or outlet: where its speaker and cue
    are, and the proposition it states."""
    out: dict[str, list[_Report]] = {}
    for a in attributions:
        states = _states(a)
        if (
            a.speaker is not None
            and a.cue is not None
            and a.speaker.text
            and a.cue.text
            and a.speaker.type in _REPORTERS
            and states is not None
        ):
            lo, hi = min(a.speaker.start, a.cue.start), max(a.speaker.end, a.cue.end)
            out.setdefault(a.article_id, []).append((lo, hi, states))
    return out


def _relays_a_report(a: Attribution, reports: dict[str, list[_Report]]) -> bool:
    """An outlet's content that is another report, whose speaker and cue it holds whole and whose
    proposition it states ("[Jeff Weaver says his streak is proof ...], according to the Associated
    Press"): the outlet relays that statement, which stands as its own claim; the outer one is not a
    second claim. Only outlets relay so (a person's or a poll's content holding another report is a claim
    of its own: "51 percent of respondents said ..."), and only when both state one proposition ("Velkov
    berated Haskel ... and accused him of ..." is a claim about the berating)."""
    states = _states(a)
    if a.speaker is None or a.speaker.type != "media" or states is None:
        return False
    own = (min(a.speaker.start, a.cue.start), max(a.speaker.end, a.cue.end)) if a.cue is not None else None
    c = a.content
    return any(
        c.start <= lo and hi <= c.end and (lo, hi) != own and inner == states
        for lo, hi, inner in reports.get(a.article_id, ())
    )


def split(
    attributions: Sequence[Attribution],
    lemmatizer: Lemmatizer | None,
    opts: ClaimOptions,
    copies: dict[str, str] | None = None,
    pairs_of: PairScoring = scored_pairs,
) -> tuple[
    list[list[Statement]], list[Attribution], dict[str, float], dict[Attribution, Attribution], set[tuple[int, int]]
]:
    """(claim groups, denials, term weights, follow-up -> leading denial, pairs of opposed claims);
    ``copies``: article id -> its reprint group (see :func:`headwater.claims.cluster.units`); ``pairs_of``
    scores the candidate pairs of units (here, or as Spark tasks)."""
    sorted_ = sort_statements(attributions, lemmatizer, opts, copies)
    kept, denied, follows, groups, weights = (
        sorted_.kept,
        sorted_.denied,
        sorted_.follows,
        sorted_.units,
        sorted_.weights,
    )
    pairs = pairs_of(groups, weights, opts.max_df, opts.threshold * 0.5, copies)
    contra = _contradictions(groups, pairs, opts.threshold)
    keep = [i for i in range(len(groups)) if i not in contra]
    renumber = {old: new for new, old in enumerate(keep)}
    kept_pairs = {(renumber[a], renumber[b]): p for (a, b), p in pairs.items() if a in renumber and b in renumber}
    kept_groups = [groups[i] for i in keep]
    claims = merge(kept_groups, kept_pairs, opts.threshold)
    denials = sorted(
        [kept[i] for i in denied] + [s.attribution for i in contra for s in groups[i]],
        key=lambda a: (a.article_id, a.content.start),
    )
    leaders = {kept[i]: kept[lead] for i, lead in follows.items()}
    return claims, denials, weights, leaders, _opposed(kept_groups, claims, kept_pairs, opts.threshold)


def _opposed(
    units_: Sequence[Sequence[Statement]],
    claims: Sequence[Sequence[Statement]],
    pairs: dict[tuple[int, int], Pair],
    threshold: float,
) -> set[tuple[int, int]]:
    """Pairs of claims (indexes into ``claims``) holding statements of one proposition with opposite
    polarity (their pair scored 0 to keep them apart, but alike enough when polarity is ignored)."""
    claim_of = {id(s): c for c, group in enumerate(claims) for s in group}
    out: set[tuple[int, int]] = set()
    for (a, b), pair in pairs.items():
        if pair.score == 0.0 and pair.unsigned >= threshold:
            ca, cb = claim_of[id(units_[a][0])], claim_of[id(units_[b][0])]
            if ca != cb:
                out.add((min(ca, cb), max(ca, cb)))
    return out


_POINTS_BACK = re.compile(
    r"(?i)^[\"“‘']?(?:"
    + "|".join(words("claims.toml", "statement_words.back_pointers"))
    + r")(?:['’]s|\s+(?:is|was|are|were|would\s+be|will\s+be))\s+(?:exactly\s+|precisely\s+|just\s+)?(?:"
    + "|".join(words("claims.toml", "statement_words.pointed_at"))
    + r")\b"
)


def checkworthy(a: Attribution) -> bool:
    """A statement of a check-worthy proposition (not a fragment, question, refusal or greeting), that does
    not open by pointing back at what was said before it ("That's why ...")."""
    return (a.proposition is None or a.proposition.is_claim) and not _POINTS_BACK.match(a.content.text.lstrip())


_COPULA = re.compile(r"(?i)\s+(?:are|is|was|were|be|been|being)\s+(?:\W\s*)?(?:\w+\s+){0,2}$")


def unnest_denials(attributions: Sequence[Attribution]) -> list[Attribution]:
    """A statement nested in another speaker's statement whose words call it false ("Peskov said
    [US intelligence reports that X] are absolutely false"): the inner statement is cut before its
    "are absolutely false", so it states X (by US intelligence) and the outer one denies it."""
    lex = claims_lexicon()
    by_article: dict[str, list[Attribution]] = {}
    for a in attributions:
        by_article.setdefault(a.article_id, []).append(a)
    out = []
    for a in attributions:
        m = lex.deny_phrase.search(a.content.text) if a.stance != "no_comment" and a.speaker is not None else None
        outer = m and any(
            _contains(o, a)
            and o.speaker is not None
            and o is not a
            and (o.speaker.resolved or o.speaker.text) != (a.speaker.resolved or a.speaker.text)
            and lex.deny_phrase.search(o.content.text)
            for o in by_article[a.article_id]
        )
        if not outer or m is None:
            out.append(a)
            continue
        head = a.content.text[: m.start()]
        cut = _COPULA.search(head)
        end = cut.start() if cut else len(head.rstrip(" “\"'"))
        c = a.content
        raw_end = (
            c.raw_start + end
            if c.raw_start is not None and c.raw_end is not None and c.raw_end - c.raw_start == c.end - c.start
            else c.raw_end
        )
        out.append(
            replace(a, stance="assert", content=Span(c.text[:end], c.start, c.start + end, c.raw_start, raw_end))
        )
    return out


def _contains(outer: Attribution, inner: Attribution) -> bool:
    o, i = outer.content, inner.content
    return (
        outer.article_id == inner.article_id
        and o.start <= i.start
        and i.end <= o.end
        and (o.start, o.end) != (i.start, i.end)
    )


def prepare(attributions: Sequence[Attribution]) -> list[Attribution]:
    """Sides filled in, speakers mapped to their corpus-wide entities, nested denials split."""
    resolved = resolve_sides(attributions)
    return unnest_denials(apply_entities(resolved, build_entities(resolved)))


def build_claims(
    attributions: Sequence[Attribution],
    articles: dict[str, ArticleInfo],
    opts: ClaimOptions | None = None,
    lemmatizer: Lemmatizer | None = None,
) -> list[Claim]:
    """Every claim of the attributions as extracted, ranked by strength of evidence (:data:`RANKING`)."""
    return claims_of(prepare(attributions), articles, opts, lemmatizer)


def claims_of(
    prepared: Sequence[Attribution],
    articles: dict[str, ArticleInfo],
    opts: ClaimOptions | None = None,
    lemmatizer: Lemmatizer | None = None,
    pairs_of: PairScoring | None = None,
) -> list[Claim]:
    """Every claim of attributions already ``prepare``d (the claims stage prepares them once for the claims
    and the speakers), ranked by strength of evidence (:data:`RANKING`); ``pairs_of``: where candidate pairs
    are scored (default: here, :func:`headwater.claims.cluster.scored_pairs`)."""
    opts = opts or ClaimOptions()
    copies = {a: info.group for a, info in articles.items() if info.group}  # article -> its reprint group
    groups, denials, weights, leaders, opposed = split(prepared, lemmatizer, opts, copies, pairs_of or scored_pairs)
    linked = link_denials(groups, denials, weights, denial_options(opts), lemmatizer, opts.max_df, leaders)
    ids = [claim_id(tuple(s.attribution for s in g)) for g in groups]
    against: dict[int, list[str]] = {}
    for a, b in sorted(opposed):
        against.setdefault(a, []).append(ids[b])
        against.setdefault(b, []).append(ids[a])
    claims = []
    for i, group in enumerate(groups):
        members = tuple(s.attribution for s in group)
        unattributed = all(a.kind == "unattributed" for a in members)
        origins = tuple(independent_origins(members, articles))
        text = canonical_text(group, weights)
        denied = tuple(linked.get(i, ()))
        kind = claim_type(members)
        g = grade(text, members, origins, denied, unattributed) if kind in GRADED_TYPES else not_graded(kind)
        claims.append(
            Claim(
                id=ids[i],
                text=text,
                members=members,
                origins=origins,
                denials=denied,
                grade=g,
                unattributed=unattributed,
                type=kind,
                contradicts=tuple(against.get(i, ())),
            )
        )
    return rank(claims)


def claim_type(members: Sequence[Attribution]) -> str:
    """The members' proposition type (one type per claim; statements without one are assertions)."""
    found = Counter(a.proposition.type if a.proposition else "assertion" for a in members)
    return found.most_common(1)[0][0]


RANKING = (
    "Claims are ordered by strength of evidence: graded claims (factual assertions and estimates) first, "
    "unattributed ones after them; then by independent origins, then by origins on the record (named "
    "people, organisations or outlets), then by sides among the origins, then by articles carrying the "
    "claim, then by fewer denying parties."
)


def rank(claims: Sequence[Claim]) -> list[Claim]:
    """Claims in the order of :data:`RANKING`."""

    def key(c: Claim) -> tuple[int, int, int, int, int, int, int, str]:  # the order of RANKING
        articles = len({a.article_id for a in c.members})
        on_record = sum(1 for o in c.origins if o.named)
        sides = len({o.side for o in c.origins if o.side != "unknown"})
        deniers = len({(d.speaker.resolved or d.speaker.text) if d.speaker else "" for d in c.denials})
        return (
            int(c.type not in GRADED_TYPES),
            int(c.unattributed),
            -c.independent_origins,
            -on_record,
            -sides,
            -articles,
            deniers,
            c.id,
        )

    return sorted(claims, key=key)
