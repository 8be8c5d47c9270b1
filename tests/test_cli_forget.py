"""``headwater forget`` (issue 15 item 13): an article and everything derived from it go; re-ingesting
its file brings it back."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import EXAMPLES


def hw(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "headwater.cli.main", *args], capture_output=True, text=True, timeout=600
    )


STORY = (
    "Ferry strike goes on\n\nThe union of Port Ellery said the strike would go on until the harbour board met its "
    'demands. "We will not go back," said Mara Quist, the union leader. The harbour board said it would meet the '
    "union next week, according to a spokesman, Tobin Vale.\n"
)


def _rows(db: str, table: str) -> list[dict]:
    return [json.loads(line) for line in hw("export", table, "--db", db).stdout.splitlines()]


def test_forget_removes_an_article_and_what_derives_from_it(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "wire.txt").write_text((EXAMPLES / "01_northgate_wire_original.txt").read_text())
    (src / "reprint.txt").write_text((EXAMPLES / "02_halden_daily_reprint_verbatim.txt").read_text())
    (src / "other.txt").write_text("Bridge reopens\n\nThe bridge at Kessel reopened on Monday, the mayor said.\n")
    db = str(tmp_path / "f.duckdb")
    r = hw("run", str(src), "--db", db, "-o", str(tmp_path / "out"), "-q")
    assert r.returncode == 0, r.stderr
    reprint = next(a["id"] for a in _rows(db, "articles") if a["doc"] == "reprint.txt")
    assert any(a["article_id"] == reprint for a in _rows(db, "attributions"))
    assert any(reprint in (e["source_article"], e["target_article"]) for e in _rows(db, "reuse"))
    r = hw("forget", "reprint.txt", "--db", db, "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"forgotten": ["reprint.txt"]}
    assert sorted(a["doc"] for a in _rows(db, "articles")) == ["other.txt", "wire.txt"]
    assert all(a["article_id"] != reprint for a in _rows(db, "attributions"))
    assert all(reprint not in (e["source_article"], e["target_article"]) for e in _rows(db, "reuse"))
    assert all(m["article_id"] != reprint for c in _rows(db, "claims") for m in c["members"])
    assert _rows(db, "groups") == []
    # its file is read again on the next ingest
    r = hw("ingest", str(src), "--db", db, "--json")
    assert json.loads(r.stdout)["added"] == 1
    r = hw("forget", "--path", "*/in/*.txt", "--db", db, "--json")
    assert sorted(json.loads(r.stdout)["forgotten"]) == ["other.txt", "reprint.txt", "wire.txt"]
    assert _rows(db, "articles") == [] and _rows(db, "attributions") == []


def test_forget_needs_something_to_forget(tmp_path):
    db = str(tmp_path / "e.duckdb")
    (tmp_path / "a.txt").write_text(STORY)
    assert hw("ingest", str(tmp_path / "a.txt"), "--db", db, "-q").returncode == 0
    r = hw("forget", "--db", db)
    assert r.returncode == 2 and "name the articles" in r.stderr
    r = hw("forget", "--path", "*/nowhere/*", "--db", db)
    assert r.returncode == 1 and "*/nowhere/*" in r.stderr
