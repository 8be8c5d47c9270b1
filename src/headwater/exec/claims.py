"""Run the claims stage: read articles, attributions, reuse and each article's quantities from the store;
build claims, speakers and estimate tables (``headwater.claims``, ``headwater.views``, pure); write them.

Cross-document and idempotent: every run recomputes all claims, speakers and estimate tables from what is
stored and replaces them. Readers (report, app, API, exports) only read what it stored.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from headwater.claims.build import build_claims, prepare
from headwater.claims.origins import ArticleInfo
from headwater.claims.sides import resolve_sides
from headwater.claims.signatures import Lemmatizer, spacy_lemmatizer
from headwater.gcpause import paused_gc
from headwater.model import Attribution, Document, plain
from headwater.views.estimates import estimate_views
from headwater.views.speakers import speaker_views

if TYPE_CHECKING:
    from headwater.config import Config
    from headwater.store import Store

Progress = Callable[[int, int | None], None]
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ClaimsSummary:
    """What one claims run built."""

    articles: int
    attributions: int
    claims: int
    claims_with_several_articles: int
    claims_with_several_origins: int
    denials_linked: int
    quantities: int
    estimate_tables: int
    contradictions: int


def load_inputs(
    store: Store,
) -> tuple[list[Document], list[Attribution], dict[str, ArticleInfo], dict[str, str]]:
    """Every article, attribution, article's reuse group and origin, and article id -> reprint group id."""
    from headwater.store.articles import iter_documents
    from headwater.store.attributions import load_attributions
    from headwater.store.reuse import load_groups, load_origins

    docs = list(iter_documents(store))
    groups, origins = load_groups(store), load_origins(store)
    sizes = Counter(groups.get(d.id) for d in docs)
    infos = {
        d.id: ArticleInfo(
            d.id,
            d.doc,
            d.outlet,
            d.credited_source,
            d.published,
            groups.get(d.id) if sizes[groups.get(d.id)] > 1 else None,
            origins.get(d.id),
        )
        for d in docs
    }
    return docs, list(load_attributions(store)), infos, groups


def lemmatizer_for(cfg: Config) -> Lemmatizer | None:
    """spaCy lemmas when configured and the pipeline loads; otherwise the built-in stemmer."""
    if not cfg.claims.lemmas:
        return None
    try:
        from headwater.parse import load_nlp

        nlp = load_nlp(cfg.parse.model)
    except Exception as exc:  # matching still works with the stemmer
        log.warning("claims: spaCy pipeline unavailable (%s); using the built-in stemmer", exc)
        return None
    disabled = [p for p in nlp.pipe_names if p not in ("tok2vec", "tagger", "attribute_ruler", "lemmatizer")]
    run = spacy_lemmatizer(nlp)

    def lemmatize(texts: Sequence[str]) -> list[list[str]]:
        with nlp.select_pipes(disable=disabled):
            return run(texts)

    return lemmatize


def run_claims(store: Store, cfg: Config, on_progress: Progress | None = None) -> ClaimsSummary:
    """Cluster claims, extract estimates, store both; return what was built."""
    with paused_gc():
        return _run_claims(store, cfg, on_progress)


def _run_claims(store: Store, cfg: Config, on_progress: Progress | None) -> ClaimsSummary:
    from headwater.exec.extract import run_quantities
    from headwater.store import claims as claims_store
    from headwater.store.quantities import load_quantities

    tick = on_progress or (lambda done, total: None)
    run_quantities(store)  # an article whose quantities are still pending (the extract stage keeps them)
    docs, raw, infos, groups = load_inputs(store)
    attributions = resolve_sides(raw)
    quantities = load_quantities(store)
    tick(0, 3)
    estimates = estimate_views(quantities, {d.id: groups.get(d.id, d.id) for d in docs})
    tick(1, 3)
    claims = build_claims(attributions, infos, cfg.claims, lemmatizer_for(cfg) if attributions else None)
    speakers = [plain(v) for v in speaker_views(prepare(raw), claims)]
    tick(2, 3)
    claims_store.save(store, claims, speakers, estimates)
    tick(3, 3)
    return ClaimsSummary(
        articles=len(docs),
        attributions=len(attributions),
        claims=len(claims),
        claims_with_several_articles=sum(1 for c in claims if len({a.article_id for a in c.members}) > 1),
        claims_with_several_origins=sum(1 for c in claims if c.independent_origins > 1),
        denials_linked=sum(len(c.denials) for c in claims),
        quantities=len(quantities),
        estimate_tables=len(estimates),
        contradictions=sum(len(t["contradictions"]) for t in estimates),
    )
