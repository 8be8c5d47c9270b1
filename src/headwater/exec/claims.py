"""Run the claims stage: read articles, attributions, reuse and each article's quantities from the store;
build claims, speakers and estimate tables (``headwater.claims``, ``headwater.views``, pure); write them.

Cross-document and idempotent: every run recomputes all claims, speakers and estimate tables from what is
stored and replaces them. Readers (report, app, API, exports) only read what it stored.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from headwater.claims.build import claims_of, prepare
from headwater.claims.cluster import PairScoring
from headwater.claims.origins import ArticleInfo
from headwater.claims.signatures import Lemmatizer, spacy_lemmatizer
from headwater.model import Attribution, Claim, Document, Quantity, plain
from headwater.views.estimates import estimate_views
from headwater.views.speakers import speaker_views

if TYPE_CHECKING:
    from headwater.config import Config
    from headwater.exec.stage import Planned
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


@dataclass(frozen=True, slots=True)
class ClaimsInputs:
    """What the claims stage reads: every article, attribution (as extracted), article's reuse group and
    origin, and every article's quantities."""

    docs: list[Document]
    attributions: list[Attribution]
    infos: dict[str, ArticleInfo]
    groups: dict[str, str]  # article id -> reprint group id
    quantities: list[Quantity]


@dataclass(frozen=True, slots=True)
class ClaimsOutputs:
    """What it derives: claims, and the speakers and estimate tables as the dossier shows them."""

    claims: list[Claim]
    attributions: int
    speakers: list[dict[str, Any]]
    estimates: list[dict[str, Any]]
    quantities: int


@dataclass(frozen=True, slots=True)
class ClaimsStage:
    """The claims stage (``exec.stage.Stage``): cross-document, one input, the whole corpus."""

    cfg: Config
    on_progress: Progress | None = None
    pairs_of: PairScoring | None = None  # where candidate pairs are scored (None: here)
    name = "claims"

    def read(self, store: Store) -> Iterator[ClaimsInputs]:
        from headwater.store.quantities import load_quantities

        docs, raw, infos, groups = load_inputs(store)
        yield ClaimsInputs(docs, raw, infos, groups, load_quantities(store))

    def step(self, inputs: ClaimsInputs) -> ClaimsOutputs:
        tick = self.on_progress or (lambda done, total: None)
        tick(0, 3)
        docs, raw = inputs.docs, inputs.attributions
        estimates = estimate_views(inputs.quantities, {d.id: inputs.groups.get(d.id, d.id) for d in docs})
        tick(1, 3)
        prepared = prepare(raw)  # sides, corpus-wide speaker entities, nested denials: once, for claims and speakers
        lemmatizer = lemmatizer_for(self.cfg) if raw else None
        claims = claims_of(prepared, inputs.infos, self.cfg.claims, lemmatizer, self.pairs_of)
        speakers = [plain(v) for v in speaker_views(prepared, claims)]
        tick(2, 3)
        return ClaimsOutputs(claims, len(raw), speakers, estimates, len(inputs.quantities))

    def write(self, store: Store, inputs: ClaimsInputs, out: ClaimsOutputs) -> ClaimsSummary:
        from headwater.store import claims as claims_store

        claims_store.save(store, out.claims, out.speakers, out.estimates)
        if self.on_progress:
            self.on_progress(3, 3)
        claims = out.claims
        return ClaimsSummary(
            articles=len(inputs.docs),
            attributions=out.attributions,
            claims=len(claims),
            claims_with_several_articles=sum(1 for c in claims if len({a.article_id for a in c.members}) > 1),
            claims_with_several_origins=sum(1 for c in claims if c.independent_origins > 1),
            denials_linked=sum(len(c.denials) for c in claims),
            quantities=out.quantities,
            estimate_tables=len(out.estimates),
            contradictions=sum(len(t["contradictions"]) for t in out.estimates),
        )

    def total(self, written: Iterable[ClaimsSummary]) -> ClaimsSummary:
        [summary] = written
        return summary


def run_claims(store: Store, cfg: Config, on_progress: Progress | None = None) -> ClaimsSummary:
    """Cluster claims, derive speakers and estimate tables, store them; return what was built. Quantities
    still pending (a store from before they were kept per article) are extracted first."""
    from headwater.exec.extract import run_quantities

    run_quantities(store, cfg)
    return plan_claims(cfg, on_progress).run(store)


def plan_claims(
    cfg: Config, on_progress: Progress | None = None, pairs_of: PairScoring | None = None
) -> Planned[ClaimsSummary]:
    """The claims stage, ready to run (the garbage collector paused: it builds many objects and frees none);
    ``pairs_of``: an engine's way to score candidate pairs (the Spark engine's ``claim_pairs``)."""
    from headwater.exec.stage import Planned

    return Planned(ClaimsStage(cfg, on_progress, pairs_of), pause_gc=True)
