"""The Spark engine's task functions, called here without Spark: what an executor yields is what the
local extract stage stores (also for an article over spaCy's length limit, and for one the driver
re-cleaned for cross-document boilerplate)."""

from __future__ import annotations

import json
import pickle

from conftest import EXAMPLES
from headwater.config import load_config
from headwater.model import RawArticle
from headwater.pipeline import build_document, ingest_paths
from headwater.spark.tasks import ExtractPlan, parse_extract
from headwater.store import articles as A
from headwater.store import attributions as table


def test_parse_extract_yields_what_the_local_stage_stores(store, nlp, tmp_path) -> None:
    from headwater.clean import clean_document
    from headwater.exec.extract import run_extract

    cfg = load_config().override("store", db=str(tmp_path / "x.duckdb"))
    ingest_paths(store, cfg, [EXAMPLES])
    text = "Long title\n\n" + "The mayor of Halden said the bridge would reopen. " * 21_000
    long = build_document(
        RawArticle(doc="long.txt", path="long.txt", raw_text=text, source_format="txt"), clean_document(text)
    )
    assert len(long.text) > nlp.max_length
    A.insert(store, [long])
    hashes = dict(store.con.execute("SELECT id, text_hash FROM articles").fetchall())
    todo = table.pending(store, cfg.parse.model)
    plan = ExtractPlan({a: (rank, hashes[a]) for rank, a in enumerate(todo)}, A.boilerplate_hashes(store))
    # articles the driver re-cleaned for cross-document boilerplate reach the executor with another text
    stale = {r[0] for r in store.con.execute("SELECT id FROM articles WHERE len(crossdoc_applied) > 0").fetchall()}
    rows = [
        (d.id, pickle.dumps((d.with_(text=d.raw_text) if d.id in stale else d, ((), (), ()))))
        for d in A.iter_documents(store, todo)
    ]
    yielded = list(parse_extract(rows, cfg, plan))
    out = {r[1]: (r[2], r[4]) for r in yielded}
    assert stale and set(out) == set(todo)
    assert all(r[3] == len(r[4]) for r in yielded)
    run_extract(store, cfg)
    stored = {
        aid: (th, [table.record(a, i) for i, a in enumerate(table.load_attributions(store, aid))])
        for aid, th in store.con.execute("SELECT article_id, text_hash FROM attribution_runs").fetchall()
    }
    assert out == stored
    assert out[long.id][1] == []
    # the quantities the tasks yield are those the local stage stores (the span's JSON compared as data)
    found = sorted((r[1], q[-1], (*q[:8], json.loads(q[8]), *q[9:-1])) for r in yielded for q in r[5])
    kept = store.con.execute(
        "SELECT article_id, seq, doc, quantity, unit, value, low, high, qualifier, span, speaker, side, as_of "
        "FROM quantities"
    ).fetchall()
    assert found
    assert found == sorted((k[0], k[1], (k[0], *k[2:9], json.loads(k[9]), *k[10:])) for k in kept)


def test_a_remote_file_spark_did_not_read_is_an_error_not_a_silent_gap() -> None:
    from headwater.model import IngestError
    from headwater.spark.engine import _per_file

    rows = [{"file": 1, "seq": 0, "replaced": 0, "error": "empty file", "path": "hdfs://nn/b.txt", "payload": None}]
    out = list(_per_file(iter(rows), 3, {0: "hdfs://nn/a.txt", 2: "hdfs://nn/c.txt"}))
    assert [[(e.path, e.reason) for e in found if isinstance(e, IngestError)] for found, _ in out] == [
        [("hdfs://nn/a.txt", "not read: Spark's binaryFile returned nothing for it")],
        [("hdfs://nn/b.txt", "empty file")],
        [("hdfs://nn/c.txt", "not read: Spark's binaryFile returned nothing for it")],
    ]
