"""dossier.json follows the JSON Schema shipped in src/headwater/report/dossier.schema.json."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from conftest import EXAMPLES
from test_report_escape import _dossier
from test_report_golden import _pipeline, needs_pipeline

jsonschema = pytest.importorskip("jsonschema")


def _validator():  # type: ignore[no-untyped-def]
    schema = json.loads(resources.files("headwater.report").joinpath("dossier.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schema_accepts_the_view_data_of_a_hostile_article() -> None:
    data = json.loads(json.dumps(_dossier()))
    assert data["schema_version"] == 1 and data["generated_at"]
    errors = [e.message for e in _validator().iter_errors(data)]
    assert errors == []


def test_schema_rejects_a_bad_grade() -> None:
    data = json.loads(json.dumps(_dossier()))
    data["claims"][0]["grade"]["reliability"] = "G"
    assert list(_validator().iter_errors(data))


@needs_pipeline
@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="examples/corpus is absent")
def test_written_dossier_json_on_examples_is_valid(tmp_path: Path) -> None:
    from headwater.config import load_config

    cfg = load_config().override("store", db=str(tmp_path / "s.duckdb"))
    _pipeline()(sorted(str(p) for p in EXAMPLES.iterdir()), cfg, tmp_path / "out")
    data = json.loads((tmp_path / "out" / "dossier.json").read_text(encoding="utf-8"))
    errors = [f"{list(e.path)}: {e.message}" for e in _validator().iter_errors(data)]
    assert errors == []
    assert data["reprint_groups"] and data["reuse_edges"]
    ids = {a["id"] for a in data["articles"]}
    assert all(e["source"] in ids and e["target"] in ids for e in data["reuse_edges"])
