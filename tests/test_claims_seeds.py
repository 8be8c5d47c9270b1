"""What an analyst would see in the dossier of the five seed articles (skipped when ../shared is absent).

Checks the claims, not the wording: the "Putin is misinformed" claim is found in several articles,
rests on unnamed US officials (one independent origin relayed by several outlets), is denied by the
Kremlin side; the casualty figures of the different sides sit side by side and disagree.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claims_helpers import run_dossier
from conftest import SEEDS, needs_seeds

pytestmark = needs_seeds


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return run_dossier(SEEDS, tmp_path_factory.mktemp("seeds"))


def _claims_about(dossier: dict, *words: str) -> list[dict]:
    def text(c: dict) -> str:
        return " ".join([c["text"]] + [m["attribution"]["content"]["text"] for m in c["members"]]).lower()

    return [c for c in dossier["claims"] if all(w in text(c) for w in words)]


def test_misinformed_claim_rests_on_unnamed_us_officials_and_is_denied(dossier: dict) -> None:
    found = [c for c in _claims_about(dossier, "putin") if "inform" in c["text"].lower() or "misled" in c["text"]]
    assert found, [c["text"] for c in dossier["claims"][:15]]
    claim = max(found, key=lambda c: len({m["doc"] for m in c["members"]}))
    docs = {Path(m["doc"]).name[:3] for m in claim["members"]}
    assert len(docs) >= 2, docs
    us = [o for o in claim["origins"] if o["side"] == "US"]
    assert us and claim["independent_origins"] <= 2
    assert any(o["type"] in ("anonymous", "organization", "group") for o in us)
    assert any(d["side"] == "RU" for d in claim["denials"]), claim["denials"]
    assert claim["grade"]["reliability"] in ("C", "D")
    assert claim["grade"]["credibility"] in ("3", "4")


def test_peskov_denies_the_inner_circle_opposition_report(dossier: dict) -> None:
    denied = [c for c in dossier["claims"] if any("absolutely false" in d["text"] for d in c["denials"])]
    assert denied
    assert any("oppos" in c["text"].lower() for c in denied)


def test_casualty_figures_side_by_side(dossier: dict) -> None:
    tables = {t["quantity"]: t for t in dossier["estimates"]}
    russian = tables["Russian soldiers killed"]
    values = {(e["value"], e["low"], e["high"]) for e in russian["entries"]}
    assert (15600, None, None) in values and (None, 7000, 15000) in values
    sides = {e["side"] for e in russian["entries"]}
    assert {"UA", "US"} <= sides
    assert russian["contradictions"]
    ukrainian = tables["Ukrainian soldiers killed"]["entries"]
    assert (None, 2000, 4000) in {(e["value"], e["low"], e["high"]) for e in ukrainian}
    assert "square kilometres regained" in tables


def test_kremlin_misunderstanding_denies_the_misinformed_claim(dossier: dict) -> None:
    found = [c for c in _claims_about(dossier, "putin") if "misinformed" in c["text"].lower()]
    assert found
    deniers = {d["speaker"] for c in found for d in c["denials"] if "misunderstanding" in d["text"]}
    assert "Kremlin" in deniers and "Dmitry Peskov" in deniers


def test_statements_sharing_only_putin_or_a_broad_word_are_not_merged(dossier: dict) -> None:
    def members(c: dict) -> str:
        return " ".join(m["attribution"]["content"]["text"] for m in c["members"]).lower()

    for c in dossier["claims"]:
        text = members(c)
        assert not ("join the talks" in text and "tension" in text), c["text"]
        assert not ("fleeing" in text and "pulling back" in text), c["text"]
    assert max(c["independent_origins"] for c in dossier["claims"]) <= 2
