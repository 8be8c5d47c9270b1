"""Shared fixtures. Tests that need ../shared data skip when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"
SHARED = Path(os.environ.get("HEADWATER_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
SEED_GOLD = SHARED / "gold" / "seed_attributions.jsonl"
POLNEAR = SHARED / "eval" / "polnear"

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is absent")
needs_polnear = pytest.mark.skipif(not (POLNEAR / "dev.jsonl").is_file(), reason="../shared/eval/polnear is absent")


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline, loaded once per test session."""
    from headwater.parse import load_nlp

    return load_nlp()


@pytest.fixture()
def store(tmp_path):
    from headwater.store import Store

    s = Store.open(tmp_path / "test.duckdb")
    yield s
    s.close()
