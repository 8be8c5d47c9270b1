"""The Python API (the README's example, run as written), exports with declared schemas and the new
tables, and ``eval reuse`` from an installed package (issue 15 items 7, 9 and the API)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT


def hw(*args: str, cwd=None, env=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "headwater.cli.main", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
        env=env,
    )


def readme_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Python API", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


@pytest.fixture(scope="module")
def api_run(tmp_path_factory):
    """The README's Python example, run as written in a folder holding examples/corpus."""
    tmp = tmp_path_factory.mktemp("api")
    (tmp / "examples").symlink_to(ROOT / "examples")
    out = io.StringIO()
    namespace: dict = {}
    cwd = os.getcwd()
    os.chdir(tmp)
    try:
        import contextlib

        with contextlib.redirect_stdout(out):
            exec(compile(readme_example(), "README.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
    return tmp, out.getvalue(), namespace


def test_readme_python_example_runs(api_run):
    tmp, printed, namespace = api_run
    assert (tmp / "hw-out" / "dossier.html").is_file() and (tmp / "hw.duckdb").is_file()
    assert "dossier: hw-out/dossier.html" in printed
    # the example corpus's wire story and its reprints (tests/golden holds the exact figures)
    assert re.search(r"^\d+ reprint groups; the first began at 01_northgate_wire_original.txt$", printed, re.M)
    assert re.search(r"^\d+ speakers, \d+ estimates$", printed, re.M)
    from headwater.model import ArticleSummary, IngestReport
    from headwater.pipeline import RunResult

    summary = namespace["summary"]
    assert isinstance(summary, RunResult) and isinstance(summary.ingest, IngestReport)
    assert summary.ingest.added == len(summary.articles) >= 13
    assert all(isinstance(a, ArticleSummary) for a in summary.articles)


def test_open_yields_typed_records_read_only(api_run):
    import headwater
    from headwater.model import Attribution, Claim, Document, Quantity, ReprintGroup, SpeakerSummary

    db = api_run[0] / "hw.duckdb"
    with headwater.open(db) as store, headwater.open(db) as second:  # two readers side by side
        docs = list(store.articles())
        assert len(docs) >= 13 and all(isinstance(d, Document) for d in docs)
        one = list(store.attributions("02_halden"))
        assert one and all(isinstance(a, Attribution) and a.doc.startswith("02_halden") for a in one)
        assert len(list(second.attributions())) > len(one)
        assert all(isinstance(c, Claim) for c in store.claims())
        assert all(isinstance(q, Quantity) for q in store.estimates())
        groups = list(store.groups())
        assert all(isinstance(g, ReprintGroup) for g in groups) and len(groups[0].members) >= 5
        assert all(isinstance(s, SpeakerSummary) for s in store.speakers())
        with pytest.raises(Exception, match="read-only"):
            store.store.con.execute("DELETE FROM articles")


def test_import_headwater_stays_light():
    code = "import sys, headwater; print(sorted(k for k in sys.modules if k.split('.')[0] in ('spacy', 'duckdb', 'headwater', 'rich', 'typer')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['headwater']"


def _parquet_types(path: Path) -> dict[str, str]:
    import duckdb

    return {r[0]: r[1] for r in duckdb.connect().execute(f"DESCRIBE SELECT * FROM '{path}'").fetchall()}


def test_parquet_types_do_not_change_with_the_data(tmp_path):
    dated = tmp_path / "dated.jsonl"
    dated.write_text(
        json.dumps(
            {
                "title": "Ferry strike",
                "published": "2025-03-14",
                "text": "The union of Port Ellery said the strike would go on.",
            }
        )
        + "\n"
    )
    timed = tmp_path / "timed.jsonl"
    timed.write_text(
        json.dumps(
            {
                "title": "Ferry strike",
                "published": "2025-03-14T08:30:00",
                "text": "The harbour board of Port Ellery said it would meet the union.",
            }
        )
        + "\n"
    )
    types = []
    for src in (dated, timed):
        db, out = str(tmp_path / f"{src.stem}.duckdb"), tmp_path / f"{src.stem}.parquet"
        assert hw("ingest", str(src), "--db", db, "-q").returncode == 0
        r = hw("export", "articles", "--format", "parquet", "-o", str(out), "--db", db)
        assert r.returncode == 0, r.stderr
        types.append(_parquet_types(out))
        # a table with no rows still has its declared columns
        r = hw("export", "attributions", "--format", "parquet", "-o", str(tmp_path / "a.parquet"), "--db", db)
        assert r.returncode == 0, r.stderr
        assert _parquet_types(tmp_path / "a.parquet")["content"].startswith("STRUCT(")
        header = hw("export", "attributions", "--format", "csv", "--db", db).stdout.splitlines()[0]
        assert "cue.text" in header and "speaker.side" in header and header.startswith("id,")
    assert types[0] == types[1] and types[0]["published"] == "VARCHAR" and types[0]["words"] == "INTEGER"


def test_exports_carry_ids_direction_rank_groups_and_speakers(api_run):
    db = str(api_run[0] / "hw.duckdb")

    def rows(table: str) -> list[dict]:
        r = hw("export", table, "--db", db)
        assert r.returncode == 0, r.stderr
        return [json.loads(line) for line in r.stdout.splitlines()]

    atts = rows("attributions")
    assert len({a["id"] for a in atts}) == len(atts) and all(re.fullmatch(r"[0-9a-f]{16}", a["id"]) for a in atts)
    assert rows("attributions") == atts  # stable
    reuse = rows("reuse")
    assert {"direction", "label"} <= set(reuse[0]) and any(e["direction"] == "published" for e in reuse)
    claims = rows("claims")
    assert [c["rank"] for c in claims] == list(range(1, len(claims) + 1))
    groups = rows("groups")
    assert len(groups) >= 2 and groups[0]["size"] == len(groups[0]["members"]) >= 5
    assert groups[0]["origin_doc"] == "01_northgate_wire_original.txt"
    speakers = rows("speakers")
    assert speakers and {"speaker", "type", "side", "statements", "denials", "articles", "claims"} <= set(speakers[0])
    for table in ("groups", "speakers"):
        out = api_run[0] / f"{table}.parquet"
        assert hw("export", table, "--format", "parquet", "-o", str(out), "--db", db).returncode == 0
        assert _parquet_types(out)["articles" if table == "speakers" else "members"] == "VARCHAR[]"
        text = hw("export", table, "--format", "csv", "--db", db).stdout
        assert len(list(csv.DictReader(io.StringIO(text)))) == len(groups if table == "groups" else speakers)


def test_every_reader_shows_the_same_reprint_groups(api_run):
    """The groups export, dossier.json, `headwater reuse --stored` and the Python reader: one grouping."""
    import headwater
    from headwater.views.reuse import reprint_groups

    db = str(api_run[0] / "hw.duckdb")

    def key(members, origin):  # type: ignore[no-untyped-def]
        return (frozenset(members), origin)

    exported = {
        key(g["members"], g["origin"]) for g in map(json.loads, hw("export", "groups", "--db", db).stdout.splitlines())
    }
    dossier = json.loads(next(api_run[0].rglob("dossier.json")).read_text(encoding="utf-8"))
    shown = {key([a["id"] for a in g["articles"]], g["origin"]) for g in dossier["reprint_groups"]}
    r = hw("reuse", "--stored", "--json", "--db", db)
    assert r.returncode == 0, r.stderr
    tree = {
        key([m["id"] for m in g["members"]], (g["origin"] or {}).get("id"))
        for g in json.loads(r.stdout)["groups"]
        if len(g["members"]) > 1
    }
    with headwater.open(db) as reader:
        read = {key(g.members, g.origin) for g in reader.groups()}
        from headwater.store import reuse

        stored = reuse.load_groups(reader.store), reuse.load_origins(reader.store)
    built = {key(g.members, g.origin) for g in reprint_groups(*stored)}
    assert len(exported) >= 2 and any(origin for _, origin in exported)
    assert exported == shown == tree == read == built
    sizes = Counter(stored[0].values())  # articles per stored group: every article of a group of 2+ is shown
    assert sum(len(members) for members, _ in built) == sum(n for n in sizes.values() if n > 1)


def test_eval_reuse_works_from_an_installed_package(tmp_path):
    """The package alone (no examples/ beside it), as pip installs it."""
    site = tmp_path / "site"
    shutil.copytree(ROOT / "src" / "headwater", site / "headwater", ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "PYTHONPATH": str(site)}
    r = hw("eval", "reuse", "--json", cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    assert result["pairs"] == 120 and result["recall"]["all"] >= 0.9


def test_shipped_vocabulary_is_the_example_corpus_vocabulary():
    from headwater.evaluate.reuse_corpus import shipped_vocabulary, vocabulary

    assert vocabulary(EXAMPLES) == shipped_vocabulary()
