"""The Spark engine (``headwater run --engine spark --master local[2]``) gives the local engine's output:
the same articles, attributions, reuse edges, claims and dossier (timestamps aside), on the example corpus
plus the seeds when ../shared is present, with an unreadable file in the batch."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import EXAMPLES, SEEDS
from headwater.spark.engine import java_missing

# pyspark itself is not optional here: `make test` installs the spark extra, and without it the run fails.
pytestmark = pytest.mark.skipif(java_missing() is not None, reason=f"Spark needs Java: {java_missing()}")

TABLES = {  # table -> the columns compared (everything but timestamps)
    "articles": "id, doc, path, source_format, title, outlet, credited_source, url, published, language, raw_text, "
    "text, offsets, removed, text_hash, line_hashes, crossdoc_applied, words",
    "attributions": "*",
    "attribution_runs": "article_id, text_hash, model, n",
    "quantities": "*",
    "quantity_runs": "*",
    "reuse_edges": "*",
    "claims": "*",
    "ingest_errors": "path, reason",
    "boilerplate_lines": "*",
}


def _corpus(tmp: Path) -> Path:
    corpus = tmp / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    if SEEDS.is_dir():
        shutil.copytree(SEEDS, corpus / "seeds")
    (corpus / "zz_empty.txt").write_text("\n\n", encoding="utf-8")  # bad input: an error, the batch goes on
    return corpus


def _run(corpus: Path, out: Path, *engine: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "headwater", "run", str(corpus), "-o", str(out), "--db", str(out / "h.duckdb"), "-q"]
    return subprocess.run([*cmd, *engine], capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, subprocess.CompletedProcess[str]]:
    tmp = tmp_path_factory.mktemp("spark")
    corpus = _corpus(tmp)
    local = _run(corpus, tmp / "local")
    assert local.returncode == 3, local.stderr  # 3: one file unreadable, the rest stored
    spark = _run(corpus, tmp / "spark", "--engine", "spark", "--master", "local[2]")
    assert spark.returncode == 3, spark.stderr
    return tmp / "local", tmp / "spark", spark


def _rows(db: Path, table: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT {TABLES[table]} FROM {table} ORDER BY ALL").fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("table", sorted(TABLES))
def test_spark_store_equals_local(runs, table: str) -> None:
    local, spark, _ = runs
    expected = _rows(local / "h.duckdb", table)
    if table in (
        "articles",
        "attributions",
        "attribution_runs",
        "quantities",
        "reuse_edges",
        "claims",
        "ingest_errors",
    ):
        assert expected, f"the local run stored no {table}: nothing compared"
    assert _rows(spark / "h.duckdb", table) == expected


def test_spark_dossier_equals_local(runs) -> None:
    local, spark, _ = runs
    a = json.loads((local / "dossier.json").read_text(encoding="utf-8"))
    b = json.loads((spark / "dossier.json").read_text(encoding="utf-8"))
    a.pop("generated_at"), b.pop("generated_at")
    assert sorted(a) == sorted(b)
    for section in a:
        assert b[section] == a[section], section


def test_spark_did_the_per_document_work(runs) -> None:
    """The articles were read, cleaned, parsed and extracted by Spark tasks (their Parquet is there, one
    row per article, with every stored attribution and quantity), not by the driver's fallback."""
    _, spark, result = runs
    con = duckdb.connect()
    cleaned = con.execute(f"SELECT count(id), count(error) FROM '{spark}/parquet/cleaned/*.parquet'").fetchone()
    extracted = con.execute(
        f"SELECT count(*), sum(n), sum(len(attributions)), sum(len(quantities)) "
        f"FROM '{spark}/parquet/extracted/*.parquet'"
    ).fetchone()
    stored = _rows(spark / "h.duckdb", "articles")
    atts, qs = (len(_rows(spark / "h.duckdb", t)) for t in ("attributions", "quantities"))
    assert cleaned == (len(stored), 1)
    assert extracted == (len(stored), atts, atts, qs)
    assert "zz_empty.txt: empty file" in result.stderr


def test_spark_did_the_cross_document_work(runs) -> None:
    """The cross-document steps ran as Spark jobs: the boilerplate line count (its Parquet holds exactly
    the lines the local store counts in 2+ articles), the reuse sketch (one row per stored article,
    written by the tasks; nothing left for the driver to sketch) and the claims' pair scoring (its Parquet
    holds the scored pairs of units, each once; ``test_spark_claims`` compares them with the local ones)."""
    local, spark, _ = runs
    con = duckdb.connect()
    recurring = con.execute(f"SELECT h, n FROM '{spark}/parquet/recurring/*.parquet' ORDER BY ALL").fetchall()
    con.execute(f"ATTACH '{local / 'h.duckdb'}' AS l (READ_ONLY)")
    expected = con.execute(
        "SELECT h, count(*) FROM (SELECT DISTINCT id, unnest(line_hashes) AS h FROM l.articles) "
        "GROUP BY h HAVING count(*) >= 2 ORDER BY ALL"
    ).fetchall()
    assert recurring == expected
    sketched = con.execute(f"SELECT count(*), count(DISTINCT idx) FROM '{spark}/parquet/sketch/*.parquet'").fetchone()
    stored = len(_rows(spark / "h.duckdb", "articles"))
    assert sketched == (stored, stored)
    assert not (spark / "parquet" / "sketch-driver").exists()
    pairs, distinct = con.execute(
        f"SELECT count(*), count(DISTINCT (a, b)) FROM '{spark}/parquet/claim-pairs/*.parquet' WHERE a < b"
    ).fetchone()
    assert pairs == distinct > 0


def _cli(*args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "headwater", *args], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr


def test_spark_stage_commands(tmp_path: Path) -> None:
    """`ingest --engine spark` given the corpus as a file:// URI (read by Spark, not the local walker) plus
    a URI naming nothing (one error, the batch goes on), then `extract --engine spark` with another staging
    URI (so the extract job reads the articles from the store, not the ingest job's Parquet), store what
    the local commands store; the articles' paths are the URIs Spark read."""
    spark, local = tmp_path / "spark.duckdb", tmp_path / "local.duckdb"
    engine = ["--engine", "spark", "--master", "local[2]", "--staging"]
    missing = (tmp_path / "nowhere" / "x.txt").as_uri()
    cmd = ["ingest", EXAMPLES.resolve().as_uri(), missing, "--db", str(spark), "-q", *engine, str(tmp_path / "a")]
    done = subprocess.run([sys.executable, "-m", "headwater", *cmd], capture_output=True, text=True, timeout=600)
    assert done.returncode == 3, done.stderr  # 3: something unreadable, the rest stored
    assert f"{missing}: no such file or directory" in done.stderr
    _cli("extract", "--db", str(spark), "-q", *engine, (tmp_path / "b").as_uri())
    _cli("ingest", str(EXAMPLES), "--db", str(local), "-q")
    _cli("extract", "--db", str(local), "-q")
    assert (tmp_path / "a" / "cleaned").is_dir() and (tmp_path / "b" / "stored").is_dir()
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM '{tmp_path}/b/extracted/*.parquet'").fetchone()[0] == len(
        _rows(local, "articles")
    )
    assert _rows(spark, "attributions") == _rows(local, "attributions")
    columns = TABLES["articles"].split(", ")
    where = columns.index("path")
    spark_rows, local_rows = _rows(spark, "articles"), _rows(local, "articles")
    assert [r[:where] + r[where + 1 :] for r in spark_rows] == [r[:where] + r[where + 1 :] for r in local_rows]
    for row in spark_rows:
        assert row[where].startswith("file:") and Path(row[where].split(":", 1)[1]).name in row[1]
