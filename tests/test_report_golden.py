"""Golden-file test of the dossier on the example corpus, volatile parts scrubbed.

Regenerate after an intended change with ``HEADWATER_UPDATE_GOLDEN=1 pytest tests/test_report_golden.py``
and review the diff of ``tests/golden/``.
"""

from __future__ import annotations

import importlib
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("HEADWATER_UPDATE_GOLDEN") == "1"


def _pipeline():  # type: ignore[no-untyped-def]
    try:
        return importlib.import_module("headwater.pipeline").run_pipeline
    except (ModuleNotFoundError, AttributeError):
        return None


needs_pipeline = pytest.mark.skipif(_pipeline() is None, reason="headwater.pipeline.run_pipeline is not built yet")
_VOLATILE = re.compile(r"/[^\s\"']*?/(?=examples/corpus/)|[0-9a-f]{16}")


def scrub(value: Any) -> Any:
    """Drop what changes between machines and runs: absolute paths; article ids are kept (content hashes)."""
    if isinstance(value, dict):
        return {k: scrub(v) for k, v in value.items() if k not in ("path", "generated", "generated_at")}
    if isinstance(value, list):
        return [scrub(v) for v in value]
    if isinstance(value, str):
        return re.sub(r"/[^\s\"']*?/(?=examples/corpus/)", "<ROOT>/", value)
    return value


def _compare(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if not path.exists():
        pytest.fail(f"{path} is missing: run with HEADWATER_UPDATE_GOLDEN=1 once and review it")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from the golden file"


@needs_pipeline
@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="examples/corpus is absent")
def test_dossier_on_examples_matches_golden(tmp_path: Path) -> None:
    from headwater.config import load_config

    cfg = load_config().override("store", db=str(tmp_path / "golden.duckdb"))
    run = _pipeline()
    run(sorted(str(p) for p in EXAMPLES.iterdir()), cfg, tmp_path / "out")
    data = json.loads((tmp_path / "out" / "dossier.json").read_text(encoding="utf-8"))
    _compare("dossier_examples.json", json.dumps(scrub(data), ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    html = (tmp_path / "out" / "dossier.html").read_text(encoding="utf-8")
    _compare("dossier_examples.html", re.sub(r"/[^\s\"'<]*?/(?=examples/corpus/)", "<ROOT>/", html))
