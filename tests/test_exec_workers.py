"""The executor layer: parse + extract in worker processes writes what one process writes."""

from __future__ import annotations

from pathlib import Path

from headwater.config import load_config

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def _extracted(tmp_path: Path, workers: int) -> tuple[list, int]:
    from headwater.exec.extract import run_extract
    from headwater.pipeline import ingest_paths
    from headwater.store import Store
    from headwater.store.attributions import load_attributions

    cfg = load_config().override("parse", batch_size=1)  # 4 documents a job: several jobs in flight
    with Store.open(tmp_path / f"w{workers}.duckdb") as store:
        ingest_paths(store, cfg, [EXAMPLES])
        summary = run_extract(store, cfg, workers=workers)
        return load_attributions(store), summary.articles


def test_two_workers_write_the_attributions_of_one(tmp_path, nlp):
    one, articles = _extracted(tmp_path, 1)
    two, articles_two = _extracted(tmp_path, 2)
    assert articles == articles_two >= 10
    assert len(one) > 50
    assert one == two


def test_ordered_map_keeps_input_order():
    from headwater.exec.workers import ordered_map

    batches = [list(range(i, i + 3)) for i in range(0, 30, 3)]
    assert list(ordered_map(sum, batches, 2)) == [sum(b) for b in batches]
    assert list(ordered_map(sum, batches, 1)) == [sum(b) for b in batches]
