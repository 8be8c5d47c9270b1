"""The CLI as a user runs it: exit codes, --json, exports."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from conftest import EXAMPLES


def hw(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "headwater.cli.main", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=600)


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
    assert {"id", "doc", "path", "title", "outlet", "credited_source", "published", "language", "text",
            "raw_text"} <= set(rows[0])
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
