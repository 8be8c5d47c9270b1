"""Exit codes and errors as the README says (issue 15 items 3, 4, 10, 12): usage errors exit 2,
nothing to read stores nothing, URLs are refused with the way to fetch them, --model is checked and
re-extracts, read-only commands work beside another reader."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def hw(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "headwater.cli.main", *args], capture_output=True, text=True, cwd=cwd, timeout=600
    )


def _articles(folder):
    folder.mkdir(exist_ok=True)
    (folder / "ferry.txt").write_text(
        "Ferry strike goes on\n\nThe union of Port Ellery said the strike would go on until the harbour board met "
        'its demands. "We will not go back," said Mara Quist, the union leader.\n'
    )
    (folder / "board.txt").write_text(
        "Harbour board replies\n\nThe harbour board said it would meet the union next week, according to a "
        "spokesman, Tobin Vale.\n"
    )
    return folder


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("small")
    db = str(tmp / "s.duckdb")
    r = hw("ingest", str(_articles(tmp / "in")), "--db", db, "-q")
    assert r.returncode == 0, r.stderr
    return db


def test_unknown_export_format_is_a_usage_error(small_store):
    r = hw("export", "articles", "--format", "xml", "--db", small_store)
    assert r.returncode == 2 and "unknown format 'xml'" in r.stderr and "Traceback" not in r.stderr


def test_missing_gold_file_is_a_usage_error():
    r = hw("eval", "attributions", "--gold", "/nope/gold.jsonl")
    assert r.returncode == 2 and "/nope/gold.jsonl" in r.stderr and "Traceback" not in r.stderr


def test_run_on_nothing_stores_nothing_and_writes_no_dossier(tmp_path):
    db, out = tmp_path / "r.duckdb", tmp_path / "out"
    r = hw("run", str(tmp_path / "nonexistent"), "--db", str(db), "-o", str(out))
    assert r.returncode == 2, r.stderr
    assert "nothing to read" in r.stderr and "no such file or directory" in r.stderr
    assert "were stored" not in r.stderr + r.stdout
    assert not db.exists() and not out.exists()
    (tmp_path / "empty").mkdir()
    r = hw("ingest", str(tmp_path / "empty"), "--db", str(db))
    assert r.returncode == 2 and "nothing to read" in r.stderr and not db.exists()


def test_a_url_is_refused_with_the_way_to_fetch_it(tmp_path):
    db = tmp_path / "u.duckdb"
    r = hw("ingest", "https://example.org/news/a.html", "--db", str(db))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "https://example.org/news/a.html" in r.stderr and "not fetched" in r.stderr
    assert "curl" in r.stderr and "WARC" in r.stderr
    # beside a readable file, the URL is one unreadable input among others
    r = hw("ingest", str(_articles(tmp_path / "in")), "https://example.org/b", "--db", str(db), "--json")
    assert r.returncode == 3
    errors = json.loads(r.stdout)["errors"]
    assert [e["path"] for e in errors] == ["https://example.org/b"] and "not fetched" in errors[0]["reason"]


def test_another_model_extracts_again_and_force_redoes_everything(tmp_path, nlp):
    db = str(tmp_path / "m.duckdb")
    assert hw("ingest", str(_articles(tmp_path / "in")), "--db", db, "-q").returncode == 0
    first = json.loads(hw("extract", "--db", db, "--json").stdout)
    assert first["written"] > 0
    again = json.loads(hw("extract", "--db", db, "--json").stdout)
    assert again["written"] == 0  # nothing new
    r = hw("extract", "--model", "en_core_web_xx", "--db", db)  # checked even with nothing to extract
    assert r.returncode == 4 and "en_core_web_xx" in r.stderr and "Traceback" not in r.stderr
    other = tmp_path / "my_pipeline"
    nlp.to_disk(other)
    r = hw("extract", "--db", db, "--model", str(other), "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["written"] == first["written"]
    assert json.loads(hw("extract", "--db", db, "--model", str(other), "--json").stdout)["written"] == 0
    forced = json.loads(hw("extract", "--db", db, "--model", str(other), "--force", "--json").stdout)
    assert forced["written"] == first["written"]


def _hold(db: str, read_only: bool) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb,time; c=duckdb.connect({db!r}, read_only={read_only}); "
            "print('ready', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "ready"
    return holder


def test_read_only_commands_work_beside_a_notebook_reading_the_store(small_store, tmp_path):
    holder = _hold(small_store, read_only=True)
    try:
        for args in (
            ("articles",),
            ("show", "ferry.txt"),
            ("attributions",),
            ("export", "articles"),
            ("report", "--stored", "-o", str(tmp_path / "out")),
            ("reuse", "--stored"),
        ):
            r = hw(*args, "--db", small_store)
            assert r.returncode == 0, (args, r.stderr)
    finally:
        holder.kill()


def test_the_locked_message_does_not_blame_headwater(small_store):
    holder = _hold(small_store, read_only=False)
    try:
        r = hw("articles", "--db", small_store)
        assert r.returncode == 5 and "Traceback" not in r.stderr
        assert "headwater process" not in r.stderr
        assert f"PID {holder.pid}" in r.stderr and "read_only=True" in r.stderr
    finally:
        holder.kill()


def test_a_read_only_command_on_a_missing_store_creates_nothing(tmp_path):
    db = tmp_path / "nowhere" / "x.duckdb"
    r = hw("articles", "--db", str(db))
    assert r.returncode == 5 and "no such database" in r.stderr
    assert not (tmp_path / "nowhere").exists()


def test_commands_that_need_a_store_do_not_make_an_empty_one(tmp_path):
    db = tmp_path / "none.duckdb"
    for args in (("report", "-o", str(tmp_path / "out")), ("extract",), ("reuse",), ("forget", "x")):
        r = hw(*args, "--db", str(db))
        assert r.returncode == 5 and "no such database" in r.stderr and "Traceback" not in r.stderr, args
    assert not db.exists() and not (tmp_path / "out").exists()


def test_export_to_a_missing_folder_is_one_clear_error(small_store, tmp_path):
    for fmt in ("csv", "parquet"):
        target = tmp_path / "no" / "such" / f"x.{fmt}"
        r = hw("export", "articles", "--format", fmt, "-o", str(target), "--db", small_store)
        assert r.returncode == 2 and "cannot write" in r.stderr and "Traceback" not in r.stderr, r.stderr


def test_a_missing_model_stops_run_before_anything_is_stored(tmp_path):
    src = _articles(tmp_path / "in")
    db = tmp_path / "m.duckdb"
    r = hw("run", str(src), "--model", "en_core_web_xx", "--db", str(db), "-o", str(tmp_path / "out"))
    assert r.returncode == 4 and "en_core_web_xx" in r.stderr
    assert not db.exists() and not (tmp_path / "out").exists()
