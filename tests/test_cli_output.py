"""What the CLI prints (issue 15 items 1, 5, 6, 8): user text is never markup and never carries
control sequences; piped lists are whole tab-separated values; help and flags read as users expect;
the reuse tree's counts agree with what it shows."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from conftest import EXAMPLES


def hw(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "headwater.cli.main", *args], capture_output=True, text=True, cwd=cwd, timeout=600
    )


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture(scope="module")
def odd_store(tmp_path_factory):
    """A store whose titles, file names and text look like markup and carry escape sequences."""
    tmp = tmp_path_factory.mktemp("odd")
    (tmp / "[red]a.txt").write_text(
        "[/VIDEO] Ferry strike in Port Ellery\n\nThe union of Port Ellery said the strike would go on until "
        "the harbour board met its demands, its leader Mara Quist told reporters on Tuesday.\n"
    )
    (tmp / "b.txt").write_text(
        "Harbour board \x1b]8;;http://x.example\x07replies\x1b]8;;\x07 \x1b[31mto strikers\x1b[0m\n\n"
        "The harbour board of Port Ellery said it would meet the union \x1b[2J next week, a spokesman said.\x9b2J\n"
    )
    db = str(tmp / "odd.duckdb")
    r = hw("ingest", str(tmp), "--db", db, "-q")
    assert r.returncode == 0, r.stderr
    return tmp, db


def test_titles_and_file_names_are_not_markup(odd_store):
    _, db = odd_store
    r = hw("articles", "--db", db)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert "[/VIDEO]" in r.stdout and "[red]a.txt" in r.stdout
    r = hw("show", "[red]a.txt", "--db", db)
    assert r.returncode == 0, r.stderr
    assert "[/VIDEO] Ferry strike" in r.stdout and "[red]a.txt" in r.stdout


def test_a_reference_that_looks_like_markup_is_an_error_message_not_a_traceback(odd_store):
    _, db = odd_store
    r = hw("show", "[/x]", "--db", db)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "no article matches '[/x]'" in r.stderr


def test_escape_sequences_never_reach_the_terminal(odd_store):
    _, db = odd_store
    for args in (("articles",), ("show", "b.txt"), ("articles", "--json")):
        r = hw(*args, "--db", db)
        assert r.returncode == 0, r.stderr
        assert not CONTROL.search(r.stdout.replace("\n", "").replace("\t", "")), (args, r.stdout)
    r = hw("show", "b.txt", "--db", db)
    assert "replies" in r.stdout and "to strikers" in r.stdout


def test_piped_lists_are_whole_tab_separated_values(odd_store):
    _, db = odd_store
    ids = [json.loads(line)["id"] for line in hw("export", "articles", "--db", db).stdout.splitlines()]
    r = hw("articles", "--db", db)  # stdout is a pipe here
    lines = r.stdout.splitlines()
    assert lines[0].split("\t")[:3] == ["id", "doc", "outlet"]
    assert sorted(line.split("\t")[0] for line in lines[1:]) == sorted(ids)
    assert "…" not in r.stdout
    assert all(len(line.split("\t")) == len(lines[0].split("\t")) for line in lines)


def test_help_reads_as_users_expect():
    r = hw("run", "--help")
    assert r.returncode == 0
    assert "<bool>" not in r.stdout and "{paths}" not in r.stdout
    assert "PATH..." in r.stdout and "<list[str]>" not in r.stdout
    assert "Usage: headwater show [OPTIONS] ARTICLE" in hw("show", "--help").stdout
    assert "[store] db in" in r.stdout  # the help column wraps after "in" since run has --follow-symlinks
    r = hw("--version")
    assert r.returncode == 0 and re.fullmatch(r"headwater \d+\.\d+\.\d+\S*\n", r.stdout)
    r = subprocess.run([sys.executable, "-m", "headwater", "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.startswith("headwater ")


@pytest.fixture(scope="module")
def example_store(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("ex") / "ex.duckdb")
    assert hw("ingest", str(EXAMPLES), "--db", db, "-q").returncode == 0
    return db


def test_reuse_tree_counts_agree_with_what_it_shows(example_store):
    r = hw("reuse", "--db", example_store)
    assert r.returncode == 0, r.stderr
    text = r.stdout
    declared = int(re.search(r"(\d+)\s+reprint\s+groups;", text).group(1))
    headed = re.findall(r"^group \S+ \((\d+) articles?\)", text, re.M)
    multi = [int(n) for n in headed if int(n) > 1]
    assert len(multi) == declared
    data = json.loads(hw("reuse", "--db", example_store, "--json").stdout)
    for g in data["groups"]:
        if len(g["members"]) < 2:
            continue
        block = text.split(f"group {g['id']} ", 1)[1].split("\ngroup ", 1)[0]
        listed = [
            line
            for line in block.splitlines()
            if re.match(r"^[├└]── \S", line) and not re.match(r"^[├└]── (shared passages|sources named)", line)
        ]
        assert len(listed) == len(g["members"]), block
        for m in g["members"]:  # each member on exactly one member line
            assert sum(line[4:].startswith(m["doc"] + " ") for line in listed) == 1, (m["doc"], block)


def test_piped_run_summary_keeps_whole_values(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    name = "a_rather_long_file_name_about_the_ferry_strike_in_port_ellery.txt"
    (src / name).write_text(
        "The ferry strike in Port Ellery enters its third week as the harbour board and the union keep talking\n\n"
        "The union said the strike would go on, its leader Mara Quist told reporters on Tuesday.\n"
    )
    r = hw("run", str(src), "--db", str(tmp_path / "r.duckdb"), "-o", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    assert "…" not in r.stdout and name in r.stdout
    assert "The ferry strike in Port Ellery enters its third week as the harbour board and the union keep talking" in (
        r.stdout
    )
    assert f"dossier\t{tmp_path / 'out' / 'dossier.html'}" in r.stdout


def test_a_copy_of_unknown_direction_is_listed_once(tmp_path):
    import random

    from headwater.evaluate.reuse_corpus import article, shipped_vocabulary

    paras = article(random.Random(3), shipped_vocabulary(), 8)  # generated words: fictional
    (tmp_path / "a.txt").write_text("Story one\n\n" + "\n\n".join(paras) + "\n")
    (tmp_path / "b.txt").write_text("Story one again\n\n" + "\n\n".join(paras[:7]) + "\n")
    db = str(tmp_path / "u.duckdb")
    assert hw("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", db, "-q").returncode == 0
    r = hw("reuse", "--db", db)
    assert r.returncode == 0, r.stderr
    assert "origin undetermined" in r.stdout
    copies = [line for line in r.stdout.splitlines() if "similarity" in line]
    assert len(copies) == 1, r.stdout
    members = [line for line in r.stdout.splitlines() if re.match(r"^[├└]── [ab]\.txt", line)]
    assert len(members) == 2


def test_reuse_stored_shows_what_the_last_run_stored(example_store):
    computed = json.loads(hw("reuse", "--db", example_store, "--json").stdout)
    r = hw("reuse", "--stored", "--db", example_store, "--json")
    assert r.returncode == 0, r.stderr
    stored = json.loads(r.stdout)
    assert stored["groups"] == computed["groups"]
    assert stored["summary"] == {k: v for k, v in computed["summary"].items() if k in stored["summary"]}
    assert set(stored["summary"]) >= {"articles", "exact", "near_duplicate", "partial", "cites", "groups"}


def test_error_messages_keep_their_brackets(tmp_path):
    (tmp_path / "headwater.toml").write_text("[reuse]\nthreshhold = 0.5\n")
    r = hw("config", "show", cwd=tmp_path)
    assert r.returncode == 2 and "unknown key 'threshhold' in [reuse]" in r.stderr


def test_an_empty_article_reference_is_refused(odd_store):
    _, db = odd_store
    r = hw("show", "", "--db", db)
    assert r.returncode == 1 and "give an article id" in r.stderr
