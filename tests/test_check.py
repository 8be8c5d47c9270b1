"""``headwater check``: one fictional article per stance and construction, through the real extractor."""

from __future__ import annotations

import json

import pytest

from headwater.check.text import sentences

CLAIM = "Dr Anton Korovin discovered a new species of frog in the Telvar marshes"

ARTICLES = {
    "a_assert.txt": (
        "Frog find in the Telvar marshes\n\n"
        "Dr Anton Korovin discovered a new species of frog in the Telvar marshes last spring. "
        "The amphibian, barely two centimetres long, lives only among the reed beds of the eastern shore. "
        "Its call is a short double click that carries across the water at dusk. "
        "The museum in Orlan will show a cast of the animal from next month."
    ),
    "b_hedged.txt": (
        "Posts about a Telvar frog\n\n"
        "Dr Anton Korovin has reportedly discovered a new species of frog in the Telvar marshes, "
        "according to unconfirmed posts on a regional forum. "
        "The claim could not be independently verified, and the university has not said whether a paper is planned. "
        "Regional forums often carry such stories before they are checked."
    ),
    "c_quoted_denial.txt": (
        "Biologist rejects frog story\n\n"
        "A blog post said last week that Dr Anton Korovin had discovered a new species of frog in the Telvar marshes. "
        "Dr Korovin shot down the report on Friday. "
        "\u201cIt is simply not true, I have never worked in the Telvar marshes,\u201d he told the Orlan Gazette. "
        "The blog has since removed the post."
    ),
    "d_debunk.txt": (
        "The Telvar frog that never was\n\n"
        "The story that Dr Anton Korovin discovered a new species of frog in the Telvar marshes is a hoax. "
        "The photograph that went viral was doctored: the frog in it is a common pond frog, pasted onto a picture of the marsh. "
        "No paper describing a new species exists, and the story is false."
    ),
    "e_unrelated.txt": (
        "Library wing opens in Orlan\n\n"
        "Dr Anton Korovin opened the new wing of the Orlan city library on Monday. "
        "The wing holds twelve thousand books and a reading room for children. "
        "Mayor Petra Lind thanked the donors who paid for the building."
    ),
}


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """The five articles ingested and extracted; the claim checked against them."""
    from headwater.check import check_claim
    from headwater.check.load import ensure_extracted, load_corpus
    from headwater.config import load_config
    from headwater.pipeline import ingest_paths
    from headwater.store import Store

    folder = tmp_path_factory.mktemp("check")
    corpus_dir = folder / "articles"
    corpus_dir.mkdir()
    for name, text in ARTICLES.items():
        (corpus_dir / name).write_text(text, encoding="utf-8")
    cfg = load_config().override("store", db=str(folder / "check.duckdb"))
    with Store.open(folder / "check.duckdb") as store:
        ingest_paths(store, cfg, [corpus_dir])
        written = ensure_extracted(store, cfg)
        corpus = load_corpus(store)
    rows = {r.doc: r for r in check_claim(CLAIM, corpus, cfg.check)}
    return rows, corpus, cfg, written, folder


def test_extract_runs_when_attributions_are_missing(checked):
    _, corpus, _, written, _ = checked
    assert written > 0
    assert any(a.attributions for a in corpus.articles)


def test_asserting_article_and_its_evidence(checked):
    rows = checked[0]
    row = rows["a_assert.txt"]
    assert row.stance == "asserts"
    assert row.evidence[0].text.startswith("Dr Anton Korovin discovered a new species of frog")


def test_hedged_report(checked):
    row = checked[0]["b_hedged.txt"]
    assert row.stance == "reports"
    ev = row.evidence[0]
    assert ev.text.startswith("Dr Anton Korovin has reportedly discovered")
    assert ev.cue == "according to" and ev.kind == "according_to"


def test_quoted_denial_counts_as_denies(checked):
    row = checked[0]["c_quoted_denial.txt"]
    assert row.stance == "denies"
    ev = row.evidence[0]
    assert ev.text.startswith("It is simply not true")  # the quoted denial, not the claim sentence
    assert ev.speaker is not None and "Korovin" in ev.speaker  # "he" resolved by the extractor
    assert (ev.cue, ev.kind, ev.signal) == ("told", "direct", "denial")


def test_author_debunk(checked):
    row = checked[0]["d_debunk.txt"]
    assert row.stance == "denies"
    assert "hoax" in row.evidence[0].text


def test_unrelated_article_sharing_the_named_person(checked):
    row = checked[0]["e_unrelated.txt"]
    assert row.stance == "unrelated"
    assert row.evidence == ()


def test_verdict_line_counts_sides(checked):
    from headwater.check.grading import claims_grade
    from headwater.check.verdict import verdict

    rows, corpus, _, _, _ = checked
    result = verdict(CLAIM, list(rows.values()), claims_grade(CLAIM, list(rows.values()), corpus))
    line = result.line()
    assert line.startswith("asserted by 1 article from 1 independent origin (a_assert.txt)")
    assert "denied by 2" in line and line.endswith("1 article unrelated")
    assert result.grade is not None and result.grade.credibility in "3456"


def test_negated_claim_flips_a_debunk_to_asserts(checked):
    from headwater.check import check_article
    from headwater.check.features import claim_terms

    _, corpus, cfg, _, _ = checked
    claim = claim_terms("The Telvar marshes frog discovered by Dr Anton Korovin is a hoax", corpus)
    assert claim.negated
    row = check_article(claim, corpus.find("d_debunk.txt"), cfg.check)
    assert row.stance == "asserts"


def test_batch_pairs_in_input_order_with_bad_lines(checked, tmp_path):
    from typer.testing import CliRunner

    from headwater.cli.main import _load_commands, app

    _load_commands()
    folder = checked[4]
    pairs = tmp_path / "pairs.jsonl"
    lines = [
        {"id": "p1", "claim": CLAIM, "doc": "e_unrelated.txt"},
        {"id": "p2", "claim": CLAIM, "doc": "a_assert.txt"},
        "not json",
        {"id": "p3", "claim": CLAIM, "doc": "missing.txt"},
        {"id": "p4", "claim": CLAIM, "doc": "d_debunk.txt"},
    ]
    pairs.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        app, ["check", "--pairs", str(pairs), "-o", str(out), "--db", str(folder / "check.duckdb"), "-q"]
    )
    assert result.exit_code == 3  # some lines could not be used; the rest were checked
    got = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [g["id"] for g in got] == ["p1", "p2", "p3", "p4"]
    assert [g["stance"] for g in got] == ["unrelated", "asserts", "unrelated", "denies"]
    assert "pairs.jsonl:3" in result.output and "missing.txt" in result.output


def test_sentences_split_at_full_stops_and_lines():
    text = "Title line\n\nFirst sentence here. Second one? \u201cThird,\u201d he said. Dr. Lind left."
    got = [text[s:e] for s, e in sentences(text)]
    assert got[0] == "Title line"
    assert got[1] == "First sentence here."
    assert got[2] == "Second one?"


def test_fnc_scorer_matches_the_definition():
    from headwater.evaluate.stance import score

    s = score([("asserts", "asserts"), ("denies", "reports"), ("unrelated", "unrelated"), ("reports", "unrelated")])
    # points: 1 + 0.25 + 0.25 + 0 of a best 1 + 1 + 0.25 + 1
    assert s.fnc == pytest.approx(1.5 / 3.25)
    assert s.per_class["asserts"][2] == 1.0 and s.per_class["denies"][2] == 0.0


def test_eval_stance_scores_every_pair_and_finds_duplicate_bodies(tmp_path):
    from headwater.config import load_config
    from headwater.evaluate.stance import evaluate_stance

    bodies = [{"doc": name, "text": text} for name, text in ARTICLES.items()]
    bodies.insert(0, {"doc": "z_copy.txt", "text": ARTICLES["a_assert.txt"]})  # same text, another file
    gold = [
        {"id": "g1", "claim": CLAIM, "doc": "a_assert.txt", "stance": "agree"},
        {"id": "g2", "claim": CLAIM, "doc": "z_copy.txt", "stance": "agree"},
        {"id": "g3", "claim": CLAIM, "doc": "d_debunk.txt", "stance": "disagree"},
        {"id": "g4", "claim": CLAIM, "doc": "b_hedged.txt", "stance": "discuss"},
        {"id": "g5", "claim": CLAIM, "doc": "e_unrelated.txt", "stance": "unrelated"},
    ]
    (tmp_path / "bodies.jsonl").write_text("\n".join(json.dumps(b) for b in bodies), encoding="utf-8")
    (tmp_path / "pairs.jsonl").write_text("\n".join(json.dumps(g) for g in gold), encoding="utf-8")
    preds = tmp_path / "pred.jsonl"
    keep = tmp_path / "kept.duckdb"
    for _ in range(2):  # the kept store is reused: the second run adds no article
        result = evaluate_stance(
            tmp_path / "pairs.jsonl", tmp_path / "bodies.jsonl", load_config(), keep=keep, predictions=preds
        )
    from headwater.store import Store

    with Store.open(keep, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == len(bodies)
    assert result.errors == []
    assert result.scores.pairs == 5 and result.scores.fnc == 1.0
    assert [json.loads(x)["stance"] for x in preds.read_text().splitlines()] == [
        "asserts",
        "asserts",
        "denies",
        "reports",
        "unrelated",
    ]


def test_single_claim_command_json(checked):
    from typer.testing import CliRunner

    from headwater.cli.main import _load_commands, app

    _load_commands()
    folder = checked[4]
    result = CliRunner().invoke(app, ["check", CLAIM, "--db", str(folder / "check.duckdb"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["counts"] == {"asserts": 1, "reports": 1, "denies": 2, "unrelated": 1}
    assert [a["doc"] for a in data["articles"]] == [
        "a_assert.txt",
        "b_hedged.txt",
        "d_debunk.txt",
        "c_quoted_denial.txt",
    ]
    assert data["verdict"].startswith("asserted by 1 article from 1 independent origin")
    assert data["grade"]["reliability"] in "BCDF"
    shown_all = CliRunner().invoke(app, ["check", CLAIM, "--db", str(folder / "check.duckdb"), "--json", "--all"])
    assert len(json.loads(shown_all.output)["articles"]) == 5
