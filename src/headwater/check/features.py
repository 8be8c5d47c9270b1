"""What one article says about one claim, as numbers: relatedness and the evidence signals."""

from __future__ import annotations

from dataclasses import dataclass

from headwater.check.index import Corpus, IndexedArticle, Sentence
from headwater.check.lexicon import lexicon
from headwater.check.text import stem, words
from headwater.model import Attribution


@dataclass(frozen=True, slots=True)
class ClaimTerms:
    text: str
    terms: tuple[str, ...]  # distinct content stems
    weights: tuple[float, ...]  # their idf
    total: float
    negated: bool  # the claim itself says something is false ("... is a hoax")


@dataclass(frozen=True, slots=True)
class Features:
    coverage: float  # idf-weighted share of the claim's terms found in the article
    best: float  # the same share in the best sentence
    related: float  # the relatedness score compared with [check] related
    sentences: tuple[int, ...]  # indices of the claim's sentences in the article, best first
    refute: float  # refute words in the claim's sentences and, weighted by ``spread``, elsewhere
    hedge: float  # hedge words, likewise
    deny: float  # deny words ("shot down", "denied"), likewise
    negated: int  # claim sentences with a negation next to a claim term
    denials: tuple[Attribution, ...]  # attributions with stance deny in the claim's sentences
    other_denials: int  # attributions with stance deny elsewhere in the article (weighed ``spread``)
    reported: tuple[Attribution, ...]  # attributions with a speaker, or hedged, covering claim sentences
    lead: float = 0.0  # refute words in the article's opening sentences (a debunk says so first)
    lead_hedge: float = 0.0  # hedge words in the opening sentences


def claim_terms(text: str, corpus: Corpus) -> ClaimTerms:
    lex = lexicon()
    tokens = words(text)
    terms = tuple(dict.fromkeys(stem(t) for t in tokens if t not in lex.stopwords and len(t) > 1))
    weights = tuple(corpus.weight(t) for t in terms)
    negated = (
        lex.refute.count(tuple(tokens)) > 0
        or lex.doubt.count(tuple(tokens)) > 0
        or any(t in lex.negation or t.endswith("n't") for t in tokens)
    )
    return ClaimTerms(text, terms, weights, sum(weights) or 1.0, negated)


def _coverage(claim: ClaimTerms, terms: frozenset[str]) -> float:
    return sum(w for t, w in zip(claim.terms, claim.weights, strict=True) if t in terms) / claim.total


def _negated(sent: Sentence, claim: set[str], negation: frozenset[str], window: int = 4) -> bool:
    hits = [i for i, s in enumerate(sent.stems) if s in claim]
    negs = [i for i, t in enumerate(sent.tokens) if t in negation or t.endswith("n't")]
    return any(0 < h - n <= window for n in negs for h in hits)


def _attributions(
    art: IndexedArticle, sents: list[Sentence]
) -> tuple[tuple[Attribution, ...], tuple[Attribution, ...]]:
    spans = [(s.start, s.end) for s in sents]
    denials: list[Attribution] = []
    reported: list[Attribution] = []
    for a in art.attributions:
        c = a.content
        if not any(c.start < e and s < c.end for s, e in spans):
            continue
        if a.stance == "deny":
            denials.append(a)
        elif a.stance == "assert":
            reported.append(a)
    return tuple(denials), tuple(reported)


def features(
    claim: ClaimTerms,
    art: IndexedArticle,
    *,
    share: float = 0.7,
    top: int = 3,
    spread: float = 0.25,
    follow: int = 1,
    opening: int = 3,
) -> Features:
    """Score one article against one claim. The claim's sentences are those covering at least
    ``share`` of the best sentence's coverage (at most ``top``); the evidence is read in them and in
    those of the ``follow`` sentences after each that point back at it ("... claimed that X.
    Dr Korovin shot down the report.");
    lexicon words elsewhere weigh ``spread``. Refute and hedge words of the first ``opening``
    sentences are also counted apart (a hedged opening marks a report)."""
    cov = _coverage(claim, art.terms)
    scored = sorted(((_coverage(claim, s.terms), i) for i, s in enumerate(art.sentences)), reverse=True)
    best = scored[0][0] if scored else 0.0
    picked = [i for c, i in scored[:top] if c > 0 and c >= share * best]
    after = {j for i in picked for j in range(i + 1, min(i + follow + 1, len(art.sentences)))}
    near = sorted({*picked, *(j for j in after if art.sentences[j].refers)})
    sents = [art.sentences[i] for i in near]
    inside = set(near)
    w = [1.0 if i in inside else spread for i in range(len(art.sentences))]
    refute = sum(x * s.refute for x, s in zip(w, art.sentences, strict=True))
    hedge = sum(x * s.hedge for x, s in zip(w, art.sentences, strict=True))
    deny = sum(x * s.deny for x, s in zip(w, art.sentences, strict=True))
    lead = sum(s.refute for s in art.sentences[:opening])
    lead_hedge = sum(s.hedge for s in art.sentences[:opening])
    lex = lexicon()
    terms = set(claim.terms)
    negated = sum(1 for s in sents if _negated(s, terms, lex.negation))
    denials, reported = _attributions(art, sents)
    others = sum(1 for a in art.attributions if a.stance == "deny") - len(denials)
    return Features(
        cov,
        best,
        (cov + best) / 2,
        tuple(picked),
        refute,
        hedge,
        deny,
        negated,
        denials,
        others,
        reported,
        lead,
        lead_hedge,
    )
