"""The claims stage: read articles, attributions and reuse from the store; write claims and estimates.

Cross-document and idempotent: every run recomputes all claims and estimates from what is stored
and replaces them. Inputs the other stages have not produced yet (no attributions table, no reuse
tables) are treated as empty and named in the summary.
"""

from __future__ import annotations

import importlib
import logging
from collections import Counter
from collections.abc import Callable
from typing import Any

from headwater.claims.build import ClaimOptions, build_claims
from headwater.claims.estimates import tables
from headwater.claims.origins import ArticleInfo
from headwater.claims.sides import resolve_sides
from headwater.claims.signatures import Lemmatizer, spacy_lemmatizer
from headwater.gcpause import paused_gc
from headwater.model import Attribution, Document, Quantity
from headwater.store import Store

log = logging.getLogger(__name__)


def _optional(module: str, name: str, missing: list[str]) -> Callable[..., Any] | None:
    """A loader from a store module that may not exist yet (or whose table is absent)."""
    try:
        return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]
    except (ModuleNotFoundError, AttributeError):
        missing.append(f"{module}.{name}")
        return None


def _call(fn: Callable[..., Any] | None, store: Store, default: Any, missing: list[str]) -> Any:
    if fn is None:
        return default
    try:
        return fn(store)
    except Exception as exc:  # a table another stage has not created yet
        import duckdb

        if not isinstance(exc, duckdb.Error):
            raise
        missing.append(f"{fn.__module__}.{fn.__name__} ({str(exc).splitlines()[0]})")
        return default


def load_inputs(store: Store) -> tuple[list[Document], list[Attribution], dict[str, ArticleInfo], list[str]]:
    from headwater.store.articles import iter_documents

    missing: list[str] = []
    docs = list(iter_documents(store))
    attributions = _call(_optional("headwater.store.attributions", "load_attributions", missing), store, [], missing)
    groups = _call(_optional("headwater.store.reuse", "load_groups", missing), store, {}, missing)
    origins = _call(_optional("headwater.store.reuse", "load_origins", missing), store, {}, missing)
    sizes = Counter(groups.get(d.id) for d in docs)
    infos = {
        d.id: ArticleInfo(d.id, d.doc, d.outlet, d.credited_source, d.published,
                          groups.get(d.id) if sizes[groups.get(d.id)] > 1 else None, origins.get(d.id))
        for d in docs
    }
    return docs, list(attributions), infos, missing


def lemmatizer_for(cfg: Any) -> Lemmatizer | None:
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

    def lemmatize(texts: Any) -> list[list[str]]:
        with nlp.select_pipes(disable=disabled):
            return run(texts)

    return lemmatize


def extract_all(docs: list[Document], attributions: list[Attribution]) -> list[Quantity]:
    from headwater.extract.quantities import extract_quantities

    by_article: dict[str, list[Attribution]] = {}
    for a in attributions:
        by_article.setdefault(a.article_id, []).append(a)
    out: list[Quantity] = []
    for d in docs:
        out.extend(extract_quantities(d, by_article.get(d.id, [])))
    return out


def options(cfg: Any) -> ClaimOptions:
    return cfg.claims


def run_claims(store: Store, cfg: Any, on_progress: Callable[[int, int | None], None] | None = None
               ) -> dict[str, Any]:
    """Cluster claims, extract estimates, store both; return a summary for the CLI."""
    with paused_gc():
        return _run_claims(store, cfg, on_progress)


def _run_claims(store: Store, cfg: Any, on_progress: Callable[[int, int | None], None] | None) -> dict[str, Any]:
    from headwater.store import claims as claims_store

    tick = on_progress or (lambda done, total: None)
    docs, attributions, infos, missing = load_inputs(store)
    attributions = resolve_sides(attributions)
    tick(0, 3)
    quantities = extract_all(docs, attributions)
    tick(1, 3)
    claims = build_claims(attributions, infos, options(cfg), lemmatizer_for(cfg) if attributions else None)
    tick(2, 3)
    claims_store.save(store, claims, quantities)
    tick(3, 3)
    groups = {i.id: i.group or i.id for i in infos.values()}
    estimate_tables = tables(quantities, groups)
    return {
        "articles": len(docs),
        "attributions": len(attributions),
        "claims": len(claims),
        "claims_with_several_articles": sum(1 for c in claims if len({a.article_id for a in c.members}) > 1),
        "claims_with_several_origins": sum(1 for c in claims if c.independent_origins > 1),
        "denials_linked": sum(len(c.denials) for c in claims),
        "quantities": len(quantities),
        "estimate_tables": len(estimate_tables),
        "contradictions": sum(len(t.contradictions) for t in estimate_tables),
        "missing_inputs": missing,
    }
