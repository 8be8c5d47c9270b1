"""Statements alike in words that are not one claim: two poll findings ("about 4 in 10 say they want
..." and "about half of voters said they want ...", [poll_finding] in data/claims.toml), and a short
remark that names nothing said by two named speakers ("the numbers don't add up"); the same finding
reprinted is still one claim."""

from __future__ import annotations

from claims_helpers import run_dossier

DAY_ONE = (
    "Orlan primary: live updates\n\n"
    "3:20 p.m.\n\n"
    "Early results of an entrance poll of Orlan Green caucus-goers show that about half think the next mayor "
    "should keep the current transport plan.\n\n"
    "About 4 in 10 say they want the next mayor to have greener policies on the harbour.\n\n"
    "4:05 p.m.\n\nTurnout at the eastern sites was higher than in 2020."
)
DAY_TWO = (
    "Marlow primary: live updates\n\n"
    "5:10 p.m.\n\n"
    "In Marlow, about half of Green primary voters said they want the next mayor to change to greener "
    "policies on the harbour.\n\n"
    "5:40 p.m.\n\nPolls close at eight in the evening across the county."
)


def _claims(tmp_path, articles: dict[str, str]) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    dossier = run_dossier(folder, tmp_path)
    return [c for c in dossier["claims"] if "greener policies" in c["text"]]


def test_two_poll_findings_are_two_claims(tmp_path) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(tmp_path, {"orlan.txt": DAY_ONE, "marlow.txt": DAY_TWO})
    assert len(claims) == 2
    assert all(c["independent_origins"] == 1 for c in claims)


def test_one_finding_reprinted_is_one_claim(tmp_path) -> None:  # type: ignore[no-untyped-def]
    reprint = DAY_ONE.replace("Orlan primary: live updates", "Orlan primary, as it happened")
    claims = _claims(tmp_path, {"orlan.txt": DAY_ONE, "orlan_reprint.txt": reprint})
    assert len(claims) == 1
    assert {m["doc"] for m in claims[0]["members"]} == {"orlan.txt", "orlan_reprint.txt"}


VALE = (
    "Harbour budget under fire\n\n"
    "Senator Miro Vale questioned the harbour budget on Tuesday. \u201cThe numbers don't add up,\u201d said Vale, "
    "who has opposed the plan since March.\n\nThe council will vote on the budget next week."
)
ROTH = (
    "Stadium plan stalls\n\n"
    "Mayor Ilse Roth criticised the stadium plan at a meeting in Marlow. \u201cThe numbers don't add up,\u201d "
    "Roth said of the builder's estimate.\n\nThe builder did not respond to a request for comment."
)


def test_a_short_remark_by_two_speakers_is_two_claims(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # "the numbers don't add up" names nothing: Vale's is about a budget, Roth's about a stadium
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "vale.txt").write_text(VALE, encoding="utf-8")
    (folder / "roth.txt").write_text(ROTH, encoding="utf-8")
    dossier = run_dossier(folder, tmp_path)
    remarks = [c for c in dossier["claims"] if "numbers don't add up" in c["text"].casefold()]
    assert len(remarks) == 2
    assert all(c["independent_origins"] == 1 for c in remarks)
