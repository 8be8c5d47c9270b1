"""What the dossier of the example corpus shows (examples/corpus/README.md, "Expected findings").

Checks the claims, origins, denials and estimates an analyst reads, not the wording.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claims_helpers import run_dossier
from conftest import EXAMPLES


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return run_dossier(EXAMPLES, tmp_path_factory.mktemp("examples"))


def _members(c: dict) -> list[str]:
    return [m["attribution"]["content"]["text"] for m in c["members"]]


def _claim(dossier: dict, *words: str) -> dict:
    found = [c for c in dossier["claims"] if any(all(w in t for w in words) for t in _members(c))]
    assert found, words
    return max(found, key=lambda c: len(c["members"]))


def test_the_alderan_casualty_figure_is_one_claim_from_one_origin(dossier: dict) -> None:
    c = _claim(dossier, "4,000 and 6,500", "Varnia")
    texts = " ".join(_members(c))
    for other in ("9,400", "7,800", "3,500", "1,200"):  # competing figures are not this claim
        assert other not in texts
    assert c["independent_origins"] == 1
    [origin] = c["origins"]
    assert origin["side"] == "AL" and origin["first_outlet"] == "Northgate Wire"
    assert len(origin["relayed_by"]) >= 4


def test_the_reservist_order_rests_on_the_alderan_official_and_irtenev_denies_it(dossier: dict) -> None:
    c = _claim(dossier, "secret order", "80,000")
    # one anonymous Alderan origin relayed by many outlets (a stray extraction may add a second)
    official = [o for o in c["origins"] if o["side"] == "AL"]
    assert len(official) == 1 and len(official[0]["relayed_by"]) >= 4 and c["independent_origins"] <= 2
    assert {Path(m["doc"]).name[:2] for m in c["members"]} >= {"01", "02", "03", "04", "05", "08", "09"}
    fabrication = [d for d in c["denials"] if "fabrication" in d["text"]]
    assert fabrication and all(d["side"] == "VA" for d in fabrication)
    assert {d["side"] for d in c["denials"]} == {"VA"}


def test_people_familiar_with_the_matter_are_a_second_single_origin(dossier: dict) -> None:
    c = _claim(dossier, "Velkov is considering")
    meridian = [o for o in c["origins"] if o["first_outlet"] == "The Meridian Post"]
    assert len(meridian) == 1 and "Aldera Public Radio" in meridian[0]["relayed_by"]


def test_no_claim_counts_competing_sources_as_corroboration(dossier: dict) -> None:
    assert max(c["independent_origins"] for c in dossier["claims"]) <= 2
    sarvik = _claim(dossier, "9,400 Varnian soldiers")
    assert not any("7,800" in t or "4,000" in t for t in _members(sarvik))
    assert any(d["side"] == "VA" for d in sarvik["denials"])


def test_casualty_figures_by_side(dossier: dict) -> None:
    tables = {t["quantity"]: t for t in dossier["estimates"]}
    varnian = tables["Varnian soldiers killed"]
    by_side = {(e["side"], e["value"], e["low"]) for e in varnian["entries"]}
    assert {("OS", 9400, None), ("AL", None, 4000), ("VA", 1200, None)} <= by_side
    assert len(varnian["contradictions"]) >= 3
    ostreli = tables["Ostreli soldiers killed"]["entries"]
    assert [(e["side"], e["value"]) for e in ostreli] == [("VA", 7800)]
    area = {(e["side"], e["qualifier"]) for e in tables["square kilometres regained"]["entries"]}
    assert {("OS", "more than"), ("VA", "no more than")} <= area
