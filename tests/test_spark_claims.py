"""The claims stage's candidate pairs scored as a Spark job (``SparkEngine.claim_pairs``: blocks of units
sharing a rare term, pairs counted by a reduce, scored by the stage's own step as tasks) are exactly the
local ``claims.cluster.scored_pairs``, on the project's example corpus, at the configured ``max_df`` and at
a ``max_df`` so small that most terms are common (the other branch of the candidate rule)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES
from headwater.claims.build import prepare, sort_statements
from headwater.claims.cluster import scored_pairs
from headwater.config import load_config
from headwater.exec.claims import ClaimsStage, lemmatizer_for
from headwater.spark.engine import SparkEngine, java_missing

pytestmark = pytest.mark.skipif(java_missing() is not None, reason=f"Spark needs Java: {java_missing()}")


@pytest.fixture(scope="module")
def units(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from headwater.pipeline import run_pipeline
    from headwater.store import Store

    tmp = tmp_path_factory.mktemp("claimpairs")
    cfg = load_config(None)
    cfg = replace(cfg, store=replace(cfg.store, db=str(tmp / "h.duckdb")))
    run_pipeline([EXAMPLES], cfg, None)
    with Store.open(cfg.store.db, read_only=True) as store:
        [inputs] = list(ClaimsStage(cfg).read(store))
    copies = {a: info.group for a, info in inputs.infos.items() if info.group}
    found = sort_statements(prepare(inputs.attributions), lemmatizer_for(cfg), cfg.claims, copies)
    return found, copies, cfg, tmp


@pytest.mark.parametrize("max_df", [200, 3])
def test_spark_claim_pairs_equal_local(units, max_df: int) -> None:
    found, copies, cfg, tmp = units
    floor = cfg.claims.threshold * 0.5
    expected = scored_pairs(found.units, found.weights, max_df, floor, copies)
    assert len(expected) >= 5, "too few pairs on the example corpus to compare"
    with SparkEngine("local[2]", staging=Path(tmp) / f"staging{max_df}", partitions=3) as engine:
        got = engine.claim_pairs(found.units, found.weights, max_df, floor, copies)
        assert engine.tasks["claims pairs"] == 3
    assert got == expected
    assert list(got) == sorted(got)
