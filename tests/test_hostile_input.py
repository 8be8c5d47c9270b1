"""Hostile input: every reproducer of issue 16 is named or stored, never a crash, and the batch goes on."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from headwater.clean import clean_document
from headwater.config import load_config
from headwater.evaluate.hostile import _warc, article, gzip_bomb
from headwater.offsets import OffsetMap
from headwater.pipeline import ingest_paths
from headwater.sources import expand_paths
from headwater.store import articles as A

GOOD = "Ferry strike ends\n\nWorkers in Port Ellery went back on Monday, the union said, after a week of talks."


@pytest.fixture()
def cfg(tmp_path):
    return load_config(cwd=tmp_path)


def _good(folder, n=3):
    for i in range(n):
        (folder / f"good{i}.txt").write_text(GOOD.replace("Monday", f"day {i}"))


def _reasons(report):
    return {os.path.basename(e.path): e.reason for e in report.errors}


def _docs(store):
    return {d.doc: d for d in A.iter_documents(store)}


def test_one_bad_record_never_blocks_the_batch(store, cfg, tmp_path):
    _good(tmp_path)
    deep = '{"text": "x", "meta": ' + "[" * 5000 + "]" * 5000 + "}"
    big_number = '{"text": "Halden council said the vote would wait.", "views": ' + "9" * 4301 + "}"
    surrogate = '{"text": "Lessa mayor\\ud800 said the harbour would reopen.", "title": "Harbour \\udc00 news"}'
    (tmp_path / "mixed.jsonl").write_text("\n".join([deep, big_number, surrogate]) + "\n")
    report = ingest_paths(store, cfg, [tmp_path])
    docs = _docs(store)
    assert {"good0.txt", "good1.txt", "good2.txt", "mixed.jsonl#2", "mixed.jsonl#3"} <= set(docs)
    assert "nested 5001 deep" in _reasons(report)["mixed.jsonl:1"]
    assert "\ufffd" in docs["mixed.jsonl#3"].text and "\ufffd" in docs["mixed.jsonl#3"].title
    assert report.surrogates_replaced == 2


def test_undecodable_file_name_is_stored_with_a_valid_name(store, cfg, tmp_path):
    name = os.path.join(os.fsencode(str(tmp_path)), b"caf\xff.txt")
    with open(name, "wb") as fh:
        fh.write(GOOD.encode())
    report = ingest_paths(store, cfg, [tmp_path])
    assert report.errors == [] and report.added == 1
    (doc,) = _docs(store).values()
    assert doc.doc == "caf\udcff.txt".replace("\udcff", "\ufffd")
    doc.path.encode("utf-8")  # valid Unicode: no lone surrogate stored


def test_truncated_warc_keeps_its_records_and_names_the_cut(store, cfg, tmp_path):
    import random

    rng = random.Random(3)
    pages = [f"<html><body><article><p>{article(rng)}</p></article></body></html>" for _ in range(3)]
    data = _warc(pages, gz=False)
    (tmp_path / "cut.warc").write_bytes(data[: len(data) * 5 // 6])
    report = ingest_paths(store, cfg, [tmp_path / "cut.warc"])
    assert {"cut.warc#1", "cut.warc#2"} <= set(_docs(store))
    assert "cut short" in " ".join(e.reason for e in report.errors)


def test_gzip_bomb_is_refused_unread(store, cfg, tmp_path):
    (tmp_path / "bomb.warc.gz").write_bytes(gzip_bomb(20))
    report = ingest_paths(store, cfg, [tmp_path])
    assert "max_gzip_ratio" in _reasons(report)["bomb.warc.gz"]


def test_silent_losses_are_named_or_stored(store, cfg, tmp_path):
    (tmp_path / "empty.json").write_text("[]")
    (tmp_path / "tiny.txt").write_bytes(b"\x89PNG")
    (tmp_path / "u16.txt").write_bytes(b"\xff\xfe" + GOOD.replace("Ferry", "Tram").encode("utf-16-le"))
    (tmp_path / "u32.txt").write_bytes(b"\x00\x00\xfe\xff" + GOOD.replace("Ferry", "Bus").encode("utf-32-be"))
    body = "<p>The Karvel bridge reopened on Tuesday after three weeks of repairs, the city engineer said.</p>"
    (tmp_path / "deep.html").write_text("<html><body>" + "<div>" * 300 + body + "</div>" * 300 + "</body></html>")
    report = ingest_paths(store, cfg, [tmp_path])
    reasons = _reasons(report)
    assert "no records" in reasons["empty.json"]
    assert "binary" in reasons["tiny.txt"]
    docs = _docs(store)
    assert docs["u16.txt"].title == "Tram strike ends" and docs["u32.txt"].title == "Bus strike ends"
    assert "Karvel bridge reopened" in docs["deep.html"].text


def test_article_over_the_limit_is_refused_before_it_can_poison_the_store(store, cfg, tmp_path):
    long = "Long title\n\n" + "The mayor of Halden said the bridge would reopen. " * 3_000
    (tmp_path / "long.txt").write_text(long)
    (tmp_path / "huge.txt").write_text("word " * 600_000)
    _good(tmp_path, 1)
    report = ingest_paths(store, cfg, [tmp_path])
    reasons = _reasons(report)
    assert "max_article_chars" in reasons["long.txt"] and "max_record_chars" in reasons["huge.txt"]
    assert set(_docs(store)) == {"good0.txt"}
    assert cfg.ingest.max_article_chars < 1_000_000  # spaCy's max_length


def test_full_width_line_is_cleaned_and_mapped_back(tmp_path):
    raw = "Ａｌｄｅｒａ ｍｉｎｉｓｔｅｒ ｓａｉｄ ｎｏ " * 1000 + "ﬁnal"
    cleaned = clean_document("Title\n\n" + raw)
    assert "Aldera minister said no" in cleaned.text and cleaned.text.endswith("final")
    start = cleaned.text.index("said")
    a, b = OffsetMap(cleaned.offsets).span_to_raw(start, start + 4)
    assert ("Title\n\n" + raw)[a:b] == "ｓａｉｄ"


def test_symlink_out_of_the_folder_is_named_not_followed(cfg, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text(GOOD)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside)
    (folder / "inner.txt").write_text(GOOD)
    (folder / "inner_link.txt").symlink_to(folder / "inner.txt")
    found = list(expand_paths([folder]))
    errors = [f for f in found if not isinstance(f, os.PathLike)]
    assert [os.path.basename(e.path) for e in errors] == ["link.txt"]
    assert "--follow-symlinks" in errors[0].reason
    assert len([f for f in expand_paths([folder], follow_symlinks=True) if isinstance(f, os.PathLike)]) == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a folder whatever its permissions")
def test_unreadable_directory_is_named(store, cfg, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(GOOD)
    locked.chmod(0)
    try:
        report = ingest_paths(store, cfg, [tmp_path])
    finally:
        locked.chmod(0o755)
    assert any("cannot read directory" in e.reason for e in report.errors)


def test_feed_holding_a_path_is_not_opened(store, cfg, tmp_path):
    target = tmp_path / "secret.rss"
    target.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Secret</title><item><title>S</title>'
        "<description>The private ledger of Mirsk said the tax would rise.</description></item>"
        "</channel></rss>"
    )
    (tmp_path / "pointer.xml").write_text(str(target))
    report = ingest_paths(store, cfg, [tmp_path / "pointer.xml"])
    assert _docs(store) == {} and "not an RSS/Atom feed" in _reasons(report)["pointer.xml"]


def test_store_refuses_a_file_that_is_not_duckdb(tmp_path):
    import sqlite3

    from headwater.errors import ConfigError, StoreError
    from headwater.store import Store

    con = sqlite3.connect(tmp_path / "x.db")
    con.execute("CREATE TABLE t (a)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="SQLite"):
        Store.open(tmp_path / "x.db")
    (tmp_path / "plain").write_text("x")
    with pytest.raises(ConfigError, match="is a file, not a folder"):
        Store.open(tmp_path / "plain" / "h.duckdb")


def test_atomic_write_keeps_the_old_file_when_the_write_fails(tmp_path):
    from headwater.atomic import atomic_open

    target = tmp_path / "dossier.html"
    target.write_text("old dossier")
    with pytest.raises(RuntimeError), atomic_open(target) as fh:
        fh.write("half of a new one")
        raise RuntimeError("killed")
    assert target.read_text() == "old dossier"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dossier.html"]
    with atomic_open(target) as fh:
        fh.write("new dossier")
    assert target.read_text() == "new dossier"


def hw(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "headwater.cli.main", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
        env={**os.environ, "COLUMNS": "200"},
    )


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("[reuse]\nthreshold = nan\n", "[reuse] threshold"),
        ("[reuse]\nthreshold = 5\n", "[reuse] threshold"),
        ("[claims]\nthreshold = -1\n", "[claims] threshold"),
        ("[reuse]\nnum_perm = 0\n", "[reuse] num_perm"),
        ("[reuse]\nngram = 0\n", "[reuse] ngram"),
        ("[ingest]\nbatch_size = 0\n", "[ingest] batch_size"),
        ("[ingest]\nbatch_size = -3\n", "[ingest] batch_size"),
        ("[ingest]\nbatch_size = 2.5\n", "[ingest] batch_size"),
        ("[reuse]\nmax_gap = -1\n", "[reuse] max_gap"),
        ("[ingest]\nencoding = 'klingon-8'\n", "[ingest] encoding"),
    ],
)
def test_settings_out_of_range_exit_2_naming_section_and_key(tmp_path, toml, expected):
    (tmp_path / "bad.toml").write_text(toml)
    r = hw("config", "show", "--config", str(tmp_path / "bad.toml"))
    assert r.returncode == 2 and expected in r.stderr and "Traceback" not in r.stderr


def test_config_show_is_toml_that_config_reads_back(tmp_path):
    r = hw("config", "show", cwd=tmp_path)
    assert "unattributed = true" in r.stdout and 'db = "headwater.duckdb"' in r.stdout
    (tmp_path / "shown.toml").write_text(r.stdout)
    again = hw("config", "show", "--config", str(tmp_path / "shown.toml"), "--json", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["reuse"] == json.loads(hw("config", "show", "--json", cwd=tmp_path).stdout)["reuse"]


def test_bad_output_paths_exit_2_before_any_work(tmp_path):
    (tmp_path / "in").mkdir()
    _good(tmp_path / "in", 1)
    (tmp_path / "afile").write_text("x")
    db = str(tmp_path / "h.duckdb")
    for out in (str(tmp_path / "afile"), "/dev/null", str(tmp_path / "afile" / "sub")):
        r = hw("run", str(tmp_path / "in"), "-o", out, "--db", db)
        assert r.returncode == 2 and "Traceback" not in r.stderr, (out, r.stderr)
    assert not os.path.exists(db)
    r = hw("ingest", str(tmp_path / "in"), "--db", str(tmp_path / "afile" / "h.duckdb"))
    assert r.returncode == 2 and "is a file, not a folder" in r.stderr
    assert hw("ingest", str(tmp_path / "in"), "--db", db).returncode == 0
    r = hw("export", "articles", "-o", str(tmp_path / "afile" / "x.jsonl"), "--db", db)
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_errors_command_lists_stored_ingest_errors(tmp_path):
    (tmp_path / "in").mkdir()
    _good(tmp_path / "in", 1)
    (tmp_path / "in" / "bad.json").write_text("[]")
    db = str(tmp_path / "h.duckdb")
    assert hw("ingest", str(tmp_path / "in"), "--db", db).returncode == 3
    rows = json.loads(hw("errors", "--db", db, "--json").stdout)
    assert [(os.path.basename(r["path"]), r["reason"]) for r in rows] == [("bad.json", "JSON array holds no records")]
    assert "bad.json" in hw("errors", "--db", db).stdout


def test_feedparser_gets_a_stream_not_bytes():
    """feedparser opens bytes or str as a path or URL first; a stream it only reads."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(b"/etc/hostname"))
    assert not parsed.entries


def test_article_stored_over_spacys_limit_does_not_poison_extract(store, cfg, nlp):
    """A store written before the limit existed: the long article is skipped, the others extracted."""
    from headwater.exec.extract import run_extract
    from headwater.model import RawArticle
    from headwater.pipeline import build_document

    docs = []
    for name, text in (
        ("long.txt", "Long title\n\n" + "The mayor of Halden said the bridge would reopen. " * 21_000),
        ("good.txt", GOOD),
    ):
        raw = RawArticle(doc=name, path=name, raw_text=text, source_format="txt")
        docs.append(build_document(raw, clean_document(text)))
    assert len(docs[0].text) > nlp.max_length
    A.insert(store, docs)
    assert run_extract(store, cfg).written >= 1
    assert store.query("SELECT count(*) AS n FROM attribution_runs")[0]["n"] == 2


def test_files_a_walk_passes_over_are_named(store, cfg, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder, 1)
    (folder / "notes.md").write_text("# notes")
    (folder / ".hidden.txt").write_text(GOOD)
    report = ingest_paths(store, cfg, [folder])
    assert report.errors == [] and report.added == 1
    assert sorted((os.path.basename(i.path), i.reason) for i in report.ignored) == [
        (".hidden.txt", "hidden file"),
        ("notes.md", "not an article type ('.md')"),
    ]


def test_control_characters_never_reach_stored_metadata(store, cfg, tmp_path):
    record = {"text": GOOD, "title": "Ferry\u0000 strike \u001b]0;pwned\u0007ends", "outlet": "Halden\u001b[31m Daily"}
    (tmp_path / "ctl.jsonl").write_text(json.dumps(record) + "\n")
    ingest_paths(store, cfg, [tmp_path])
    (doc,) = _docs(store).values()
    assert doc.title == "Ferry strike ]0;pwned ends" and doc.outlet == "Halden [31m Daily"


def test_directory_the_system_refuses_to_list_is_named(store, cfg, tmp_path, monkeypatch):
    """The same as above for any user: the operating system's refusal is simulated (os.scandir)."""
    locked = tmp_path / "in" / "locked"
    locked.mkdir(parents=True)
    (locked / "a.txt").write_text(GOOD)
    _good(tmp_path / "in", 1)
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    report = ingest_paths(store, cfg, [tmp_path / "in"])
    assert report.added == 1
    assert [(e.path, e.reason) for e in report.errors] == [(str(locked), "cannot read directory: Permission denied")]


def test_dates_are_bounded():
    from headwater.sources.dates import normalise_date

    assert normalise_date("2025-03-02") == "2025-03-02"
    assert normalise_date("0001-01-01T00:00:00+23:59") is None  # would be "first" in every reprint chain
    assert normalise_date("Tue, 04 Mar 2025 " + "9" * 10_000) is None


def test_an_unknown_time_zone_name_is_read_without_a_warning(recwarn):
    from headwater.sources.dates import normalise_date

    assert normalise_date("March 4, 2025 10:32 ET") == "2025-03-04T10:32:00"
    assert not [w for w in recwarn.list if "tzname" in str(w.message)]


def test_a_file_of_bad_records_is_cut_short_not_read_to_the_end(store, cfg, tmp_path):
    good = json.dumps({"text": GOOD})
    (tmp_path / "noise.jsonl").write_text(good + "\n" + "x\n" * 100_000)
    report = ingest_paths(store, cfg, [tmp_path])
    assert set(_docs(store)) == {"noise.jsonl#1"}
    assert len(report.errors) == cfg.ingest.max_errors_per_file + 1
    assert "max_errors_per_file" in report.errors[-1].reason


def test_database_path_that_is_not_utf8_is_refused(tmp_path):
    from headwater.errors import ConfigError
    from headwater.store import Store

    with pytest.raises(ConfigError, match="valid UTF-8"):
        Store.open(os.fsdecode(os.path.join(os.fsencode(str(tmp_path)), b"bad\xff.duckdb")))
