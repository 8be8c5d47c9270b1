"""The Spark extract job's Parquet loads into DuckDB in bulk (``store.attributions.load_parquet``,
``store.quantities.load_parquet``: one ``INSERT ... SELECT`` over the files) with exactly the rows the local
engine's row batches store (``replace_many``), in the same order, replacing an article's stale rows alike;
on fictional articles, plus one hand-made attribution with every awkward value (no cue, no speaker, non-ASCII
and quotes in the JSON proposition, integer quantities)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from headwater.config import load_config
from headwater.model import Attribution, Proposition, Quantity, Span, Speaker
from headwater.spark.engine import java_missing

pytestmark = pytest.mark.skipif(java_missing() is not None, reason=f"Spark needs Java: {java_missing()}")

ARTICLES = {
    "harbour.txt": (
        "Lantern Bay ferry service halted\n\n"
        'Harbour master Odile Varnsby said on Tuesday that "at least 3,000 people" had been injured in the storm. '
        "According to the Lantern Bay council, between 40 and 55 civilians were killed.\n\n"
        "The ferry operator denied that its pilots had walked out, calling the report false."
    ),
    "orchard.txt": (
        "Quarry plan rejected\n\n"
        "Mayor Tobin Aszteli told reporters the quarry would not open this year. "
        "More than 1,200 refugees were wounded near the quarry, organisers said.\n\n"
        "The planning office declined to comment."
    ),
    "plain.txt": "Market day\n\nThe granary opened early and the bakers sold bread until noon.",
}


@pytest.fixture(scope="module")
def spark():  # type: ignore[no-untyped-def]
    from headwater.spark.engine import _session

    session = _session("local[2]", "headwater-test-bulk-load")
    yield session
    session.stop()


def _odd() -> tuple[str, str, list[Attribution], list[Quantity]]:
    """An attribution and quantities with the values a row-by-row insert and a columnar load could disagree on."""
    prop = Proposition("assertion", 'dire « non » "jamais"', "varnsby", "", True, "possible")
    atts = [
        Attribution("odd0000000000001", "odd.txt", "unattributed", "assert", Span("Cafés — ‘open’", 0, 14)),
        Attribution(
            "odd0000000000001",
            "odd.txt",
            "direct",
            "deny",
            Span('the tunnel "never" flooded\n', 20, 47, None, None),
            Span("said", 48, 52, 60, 64),
            Speaker("Ødegård", 53, 60, 61, 68, "Mira Ødegård", "official", "unknown", "engineer"),
            "radio",
            prop,
        ),
    ]
    qs = [
        Quantity("odd0000000000001", "odd.txt", "ferries delayed", "ferries", 40, 40, 55, "between", Span("40", 1, 3)),
        Quantity("odd0000000000001", "odd.txt", "people", None, None, 0.1, None, None, Span("x", 4, 5), "Ødegård"),
    ]
    return "odd0000000000001", "hash-of-odd", atts, qs


def _stores(tmp: Path) -> tuple[Path, Path]:
    """Two stores holding the same fictional articles and the same stale attributions and quantities."""
    from headwater.pipeline import ingest_paths
    from headwater.store import Store, attributions, quantities

    corpus = tmp / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text + "\n", encoding="utf-8")
    paths = (tmp / "rows.duckdb", tmp / "bulk.duckdb")
    for db in paths:
        cfg = load_config().override("store", db=str(db))
        with Store.open(db) as store:
            ingest_paths(store, cfg, [corpus])
            first = store.con.execute("SELECT id, doc FROM articles ORDER BY doc LIMIT 1").fetchone()
            stale = [Attribution(first[0], first[1], "direct", "assert", Span("stale", 0, 5))]
            with store.transaction():
                attributions.replace_many(store, [(first[0], "stale", stale)], "old-model")
                quantities.replace_many(
                    store,
                    [
                        (
                            first[0],
                            "stale",
                            [Quantity(first[0], first[1], "old", None, 1.0, 1.0, 1.0, None, Span("1", 0, 1))],
                        )
                    ],
                )
    return paths


def _rows(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            t: con.execute(f"SELECT * EXCLUDE (rowid) FROM (SELECT rowid, * {x} FROM {t}) ORDER BY rowid").fetchall()
            for t, x in (
                ("attributions", ""),
                ("attribution_runs", "EXCLUDE (run_at)"),
                ("quantities", ""),
                ("quantity_runs", ""),
            )
        }
    finally:
        con.close()


def test_bulk_load_equals_row_batches(spark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from headwater.exec.extract import _Job, _load, _step
    from headwater.spark import tasks
    from headwater.spark.engine import _local_parquet
    from headwater.store import Store, articles, attributions, quantities

    cfg = load_config()
    rows_db, bulk_db = _stores(tmp_path)
    odd_id, odd_hash, odd_atts, odd_qs = _odd()

    with Store.open(rows_db) as store:  # the local engine's way: replace_many, row batches
        docs = list(articles.iter_documents(store))
        _load(cfg.parse.model)
        found = _step(_Job(docs, cfg.parse.batch_size, cfg.extract.unattributed))
        hashes = [articles.text_hash(d.text) for d in docs]
        with store.transaction():
            extracted = [(d.id, h, a) for d, h, (a, _) in zip(docs, hashes, found, strict=True)]
            attributions.replace_many(store, [*extracted, (odd_id, odd_hash, odd_atts)], cfg.parse.model)
            counted = [(d.id, h, q) for d, h, (_, q) in zip(docs, hashes, found, strict=True)]
            quantities.replace_many(store, [*counted, (odd_id, odd_hash, odd_qs)])
    assert sum(len(a) for a, _ in found) >= 4 and sum(len(q) for _, q in found) >= 2  # something to compare

    with Store.open(bulk_db) as store:  # the Spark engine's way: the task's rows as Parquet, loaded in bulk
        docs = list(articles.iter_documents(store))
        rows = list(tasks._extract(list(enumerate(docs)), cfg))
        odd = (
            len(rows),
            odd_id,
            odd_hash,
            len(odd_atts),
            [attributions.record(a, i) for i, a in enumerate(odd_atts)],
            [quantities.record(q, i) for i, q in enumerate(odd_qs)],
        )
        out = (tmp_path / "extracted").as_uri()
        # ranks shuffled across partitions: the load must restore the order
        frame = spark.createDataFrame(list(reversed([*rows, odd])), tasks.EXTRACTED_SCHEMA).repartition(3)
        frame.write.parquet(out)
        with _local_parquet(spark, out) as files, store.transaction():
            assert len(files) > 1
            written = attributions.load_parquet(store, files, cfg.parse.model)
            quantities.load_parquet(store, files)

    expected, got = _rows(rows_db), _rows(bulk_db)
    assert written == len(expected["attributions"]) == sum(len(r[4]) for r in [*rows, odd])
    assert all(expected[t] for t in expected)
    for table in expected:
        assert got[table] == expected[table], table
