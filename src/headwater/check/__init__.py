"""``headwater check``: what the stored articles say about one claim, article by article.

Pure functions over stored records (articles, attributions, reprint groups); ``load`` is the one
module that reads the store. The flow: ``index`` (sentence term vectors, once per store) ->
``features`` (relatedness and evidence signals of one article for one claim) -> ``stance``
(the decision, thresholds from ``[check]``) -> ``evidence`` (the sentence and who says it) ->
``verdict`` (counts, independent origins, the claims layer's grade through ``grading``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from headwater.check.evidence import evidence
from headwater.check.features import ClaimTerms, claim_terms, features
from headwater.check.index import Corpus, IndexedArticle
from headwater.check.stance import STANCES, decide
from headwater.config import CheckConfig
from headwater.model import ArticleStance

__all__ = ["STANCES", "check_article", "check_claim", "check_pairs"]


def check_article(claim: ClaimTerms, art: IndexedArticle, t: CheckConfig) -> ArticleStance:
    f = features(claim, art, share=t.share, spread=t.spread, follow=t.follow, opening=t.opening, top=t.top)
    stance, score = decide(claim, f, t)
    return ArticleStance(art.article_id, art.doc, stance, score, evidence(art, f, stance), art.group)


def check_claim(text: str, corpus: Corpus, t: CheckConfig) -> list[ArticleStance]:
    """Every article's stance toward one claim, the related ones first (best score first)."""
    claim = claim_terms(text, corpus)
    out = [check_article(claim, a, t) for a in corpus.articles]
    return sorted(out, key=lambda r: (r.stance == "unrelated", STANCES.index(r.stance), -r.score, r.doc))


def check_pairs(pairs: Iterable[tuple[str, str]], corpus: Corpus, t: CheckConfig) -> Iterator[ArticleStance | None]:
    """(claim, doc) pairs -> a stance each, in input order (None: no such article). A claim repeated
    across pairs is read once."""
    claims: dict[str, ClaimTerms] = {}
    for text, doc in pairs:
        art = corpus.find(doc)
        if art is None:
            yield None
            continue
        claim = claims.get(text)
        if claim is None:
            claim = claims[text] = claim_terms(text, corpus)
        yield check_article(claim, art, t)
