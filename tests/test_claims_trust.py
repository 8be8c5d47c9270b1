"""The claims layer on fictional cases of each error an analyst must never find in a dossier
(``examples/gold/cases``) and on the example corpus's gold (``examples/gold/claims.jsonl``), through
``headwater eval claims`` and its evaluator: different propositions never merged, opposite polarity
kept apart, non-sources never speakers, denials credited to the denier, one entity per person,
grade reasons true of the chain, word-for-word copies counted, relay order not invented."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claims_helpers import run_dossier
from conftest import EXAMPLES
from headwater.cli.app import app
from headwater.cli.main import _load_commands

GOLD = Path(__file__).resolve().parents[1] / "examples" / "gold"


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("cases")
    run_dossier(GOLD / "cases", tmp)
    return tmp / "dossier.duckdb"


def _eval(gold: Path, db: Path) -> dict:
    _load_commands()
    run = CliRunner().invoke(app, ["eval", "claims", "--gold", str(gold), "--db", str(db), "--json"])
    assert run.exit_code == 0, run.output
    return json.loads(run.stdout)


def test_every_fictional_case_holds(cases: Path) -> None:
    result = _eval(GOLD / "cases.jsonl", cases)
    assert result["failures"] == [] and result["held"] == result["checks"] == 13


def test_the_copy_is_an_article_of_its_own_joined_by_an_exact_edge(cases: Path) -> None:
    from headwater.store import Store

    with Store.open(cases, read_only=True) as store:
        docs = dict(store.con.execute("SELECT doc, id FROM articles").fetchall())
        kinds = store.con.execute(
            "SELECT kind FROM reuse_edges WHERE (source_article = ? AND target_article = ?) "
            "OR (source_article = ? AND target_article = ?)",
            [
                docs["a_varnia_wire.txt"],
                docs["c_copy_of_varnia_wire.txt"],
                docs["c_copy_of_varnia_wire.txt"],
                docs["a_varnia_wire.txt"],
            ],
        ).fetchall()
    assert docs["a_varnia_wire.txt"] != docs["c_copy_of_varnia_wire.txt"]
    assert [k for (k,) in kinds] == ["exact"]


def test_no_source_is_listed_as_a_speaker(cases: Path) -> None:
    dossier = json.loads((cases.parent / "out" / "dossier.json").read_text(encoding="utf-8"))
    names = {s["speaker"].casefold() for s in dossier["speakers"]}
    assert not names & {"nobody", "no one", "information", "he", "they"}
    assert sum("savchenk" in n for n in names) == 1


def test_the_example_gold(tmp_path: Path) -> None:
    run_dossier(EXAMPLES, tmp_path)
    result = _eval(GOLD / "claims.jsonl", tmp_path / "dossier.duckdb")
    # one known miss: Irtenev's bare "There is no mobilisation" in another article is not linked
    assert result["held"] >= result["checks"] - 1, result["failures"]


def test_a_malformed_gold_line_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"check": "same", "a": {"doc": "x", "text": "y"}}\n{"check": "sideways"}\n', encoding="utf-8")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "headwater",
            "eval",
            "claims",
            "--gold",
            str(bad),
            "--db",
            str(tmp_path / "none.duckdb"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 2 and "gold.jsonl:2" in run.stderr and "Traceback" not in run.stderr


BANNER_A = (
    "Sign up for the Halden Daily World Briefing newsletter to get the most important stories from Varnia, "
    "Ostrel and Aldera delivered to your inbox every single morning before breakfast, free of charge."
)
BANNER_B = (
    "Sign up for the Halden Daily World Briefing newsletter to get the most important stories from Varnia, "
    "Ostrel and Aldera delivered straight to your inbox every morning before breakfast, at no charge."
)


def test_a_reworded_banner_is_no_reuse(tmp_path: Path) -> None:
    """Two unrelated articles of one outlet share only a sign-up banner worded a little differently:
    no reuse edge rests on it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "x.txt").write_text(
        "Harvest starts early in Dolmara\n\nFarmers near Karvel began the wheat harvest a week early this year, "
        "the regional agriculture office said on Tuesday, citing a dry spring.\n\n" + BANNER_A + "\n",
        encoding="utf-8",
    )
    (corpus / "y.txt").write_text(
        "Port Ellery opens a new ferry line\n\nA ferry line between Port Ellery and Tessary opens on Friday, the port "
        "authority said, with two crossings a day in summer.\n\n" + BANNER_B + "\n",
        encoding="utf-8",
    )
    dossier = run_dossier(corpus, tmp_path / "out")
    assert dossier["reuse_edges"] == []
