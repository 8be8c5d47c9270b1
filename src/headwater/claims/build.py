"""Build claims from attributions: denials apart, cluster, canonical wording, origins, grades.

0. Speaker sides the extractor left unknown are filled in (:mod:`headwater.claims.sides`).
1. Attributed contents become statements (:mod:`headwater.claims.statements`: questions dropped,
   short ones dropped, "..., and that ..." split); one that states nothing (no content word,
   concept or figure: "an Alderan official") is not a claim. Denials are set apart by the rules of
   :mod:`headwater.claims.denials` (the extractor's ``deny``, deny phrases, negated follow-ups of a
   denial, negated contradictions of another side); ``no_comment`` statements are not claims.
2. The asserted statements are clustered (:mod:`headwater.claims.cluster`, matched by the rules of
   :mod:`headwater.claims.match`).
3. Each claim gets a canonical wording, its independent origins (:mod:`headwater.claims.origins`),
   the denials linked to it, and a grade (:mod:`headwater.claims.grade`).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence

from headwater.claims.cluster import Pair, Statement, merge, scored_pairs, units
from headwater.claims.denials import DenialOptions, follow_ups, leading_negation, link_denials, stance
from headwater.claims.grade import grade
from headwater.claims.match import is_content, matcher
from headwater.claims.origins import ArticleInfo, independent_origins, speaker_side
from headwater.claims.sides import resolve_sides
from headwater.claims.signatures import Lemmatizer, idf, signature
from headwater.claims.statements import statements
from headwater.config import ClaimsConfig
from headwater.model import Attribution, Claim

# The stage's options are the [claims] section of the configuration.
ClaimOptions = ClaimsConfig


def denial_options(opts: ClaimOptions) -> DenialOptions:
    return DenialOptions(opts.deny_threshold, opts.link_window, opts.sweep_window, opts.follow_window)


def claim_id(members: Sequence[Attribution]) -> str:
    key = "|".join(sorted(f"{a.article_id}:{a.content.start}:{a.content.end}" for a in members))
    return hashlib.blake2b(key.encode("utf-8"), digest_size=6).hexdigest()


_LEAD = re.compile(r"(?i)^(?:that\s+)?(?:(?:we|i)\s+(?:believe|think|know|assess|understand|have information)\s+that\s+)?")
_FRAGMENT_START = frozenset({"him", "her", "them", "it", "his", "their", "its", "to", "of", "and", "but", "or", "which",
                             "who", "only", "also", "even"})


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
            return sum(count[t] * m.similarity(s.terms, t, ps, profiles[t]) for t in distinct if t != s.terms) \
                + count[s.terms]

        best = max(distinct.values(), key=lambda s: (not _fragment(s.attribution.content.text),
                                                     round(centrality(s), 3),
                                                     -abs(len(s.attribution.content.text.split()) - 18), -s.index))
    text = re.sub(r"\s+", " ", best.attribution.content.text).strip(" \"“”'‘’«»„,.:;—–-")
    text = _LEAD.sub("", text)
    text = text[:1].upper() + text[1:]
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text)[0]
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


def _contradictions(groups: Sequence[Sequence[Statement]], pairs: dict[tuple[int, int], Pair], threshold: float
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


def split(attributions: Sequence[Attribution], lemmatizer: Lemmatizer | None, opts: ClaimOptions
          ) -> tuple[list[list[Statement]], list[Attribution], dict[str, float], dict[Attribution, Attribution]]:
    """(claim groups, denials, term weights, follow-up -> leading denial) from the attributions."""
    kept = statements(attributions, opts.min_words)
    stances = [stance(a) for a in kept]
    denied = {i for i, s in enumerate(stances) if s == "deny"}
    follows = follow_ups(kept, denied, opts.follow_window)
    denied |= set(follows)
    asserted = [i for i, s in enumerate(stances) if s == "assert" and i not in denied]
    sigs = _signatures([kept[i] for i in asserted], lemmatizer)
    stmts = [Statement(n, kept[i], sigs[n]) for n, i in enumerate(asserted) if says_something(sigs[n])]
    weights = idf(s.terms for s in stmts)
    groups = units(stmts)
    pairs = scored_pairs(groups, weights, opts.max_df, opts.threshold * 0.5)
    contra = _contradictions(groups, pairs, opts.threshold)
    keep = [i for i in range(len(groups)) if i not in contra]
    renumber = {old: new for new, old in enumerate(keep)}
    kept_pairs = {(renumber[a], renumber[b]): p for (a, b), p in pairs.items() if a in renumber and b in renumber}
    claims = merge([groups[i] for i in keep], kept_pairs, opts.threshold)
    denials = sorted([kept[i] for i in denied] + [s.attribution for i in contra for s in groups[i]],
                     key=lambda a: (a.article_id, a.content.start))
    leaders = {kept[i]: kept[lead] for i, lead in follows.items()}
    return claims, denials, weights, leaders


def build_claims(
    attributions: Sequence[Attribution], articles: dict[str, ArticleInfo], opts: ClaimOptions | None = None,
    lemmatizer: Lemmatizer | None = None,
) -> list[Claim]:
    """Every claim, ranked by independent origins, then by number of articles."""
    opts = opts or ClaimOptions()
    groups, denials, weights, leaders = split(resolve_sides(attributions), lemmatizer, opts)
    linked = link_denials(groups, denials, weights, denial_options(opts), lemmatizer, opts.max_df, leaders)
    claims = []
    for i, group in enumerate(groups):
        members = tuple(s.attribution for s in group)
        unattributed = all(a.kind == "unattributed" for a in members)
        origins = tuple(independent_origins(members, articles))
        text = canonical_text(group, weights)
        denied = tuple(linked.get(i, ()))
        claims.append(Claim(
            id=claim_id(members), text=text, members=members, origins=origins, denials=denied,
            grade=grade(text, members, origins, denied, unattributed), unattributed=unattributed,
        ))
    return rank(claims)


def rank(claims: Sequence[Claim]) -> list[Claim]:
    def key(c: Claim) -> tuple[int, int, int, int, str]:
        articles = len({a.article_id for a in c.members})
        return (int(c.unattributed), -c.independent_origins, -articles, -len(c.denials), c.id)

    return sorted(claims, key=key)
