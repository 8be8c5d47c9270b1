"""On the shared seed articles (skipped when ../shared is absent): a sign-up banner relates nothing."""

from __future__ import annotations

from conftest import SEEDS, needs_seeds
from headwater.config import load_config
from headwater.exec.reuse import run_reuse
from headwater.store import reuse as db


@needs_seeds
def test_seeds_000_and_004_get_no_edge(store):
    from headwater.pipeline import ingest_paths

    cfg = load_config()
    ingest_paths(store, cfg, [SEEDS])
    run_reuse(store, cfg)
    ids = {r["doc"][:3]: r["id"] for r in store.query("SELECT id, doc FROM articles")}
    pair = {ids["000"], ids["004"]}
    assert not [e for e in db.load_edges(store) if {e.source_article, e.target_article} == pair]
