"""Who counts as named on the record (``claims.origins.on_the_record``), which lifts a claim's grade
to B or C: an organisation by its proper name, not a plural type noun capitalised only because it
opens the sentence."""

from __future__ import annotations

import pytest

from claims_helpers import att
from headwater.claims.origins import on_the_record


@pytest.mark.parametrize(
    ("speaker", "type_", "named"),
    [
        ("Surveys of Telvar voters", "organization", False),  # capitalised: it opens the sentence
        ("Authorities", "organization", False),
        ("Companies", "organization", False),
        ("Reports in the Orlan press", "organization", False),
        ("the Kremlin", "organization", True),
        ("Congress", "organization", True),
        ("Senate Democrats", "organization", True),
        ("The Meridian Post", "media", True),
        ("a congressional report on Wednesday", "organization", False),
        ("Dr Anton Korovin", "person", True),
        # a report, poll or survey is named when its maker is (fictional outlets and pollsters)
        ("a Harrowgate Herald poll", "organization", True),
        ("A Telvar News/Brightline Polling survey", "organization", True),
        ("a Marlow University poll of 600 voters", "organization", True),
        ("an early-March TVN poll", "organization", True),
        ("a new poll from the Ostrel Institute", "organization", True),
        ("a Gallup survey", "organization", True),
        ("F.T.A. records", "organization", True),
        ("U.S. lobbying records", "organization", False),
        ("a Telvar poll", "organization", False),  # a place: who made it is not said
        ("an Ostreli report", "organization", False),  # a nation, not a maker
        ("a Republican survey", "organization", False),  # a party
        ("a GOP poll", "organization", False),
        ("a March poll", "organization", False),
        ("A poll", "organization", False),
        ("a police report", "organization", False),
        ("a poll of Telvar voters", "organization", False),
        ("a report from people familiar with the talks", "organization", False),
    ],
)
def test_named_on_the_record(speaker: str, type_: str, named: bool) -> None:
    a = att("a1", "the marsh will be drained next year", speaker, type_=type_, side="unknown")
    assert on_the_record(a) is named


def test_one_long_quotation_credited_to_two_people_is_one_origin() -> None:
    from headwater.claims.origins import ArticleInfo, independent_origins

    quote = "It is time to stop attacking the people you competed with and get back on message for the harbour"
    credited = [
        att("a1", quote, "Mayor Ilse Roth", type_="person", side="unknown", kind="direct"),
        att("a2", quote, "Senator Miro Vale", type_="person", side="unknown", kind="direct"),  # the wrong "he"
    ]
    infos = {i: ArticleInfo(i, f"{i}.txt", f"Outlet {i}", None, None) for i in ("a1", "a2")}
    assert len(independent_origins(credited, infos)) == 1
    # two people saying different things of one proposition stay two origins
    paraphrase = "Roth and Vale both want the campaign back on message about the harbour"
    apart = [credited[0], att("a2", paraphrase, "Senator Miro Vale", type_="person", side="unknown", kind="direct")]
    assert len(independent_origins(apart, infos)) == 2
