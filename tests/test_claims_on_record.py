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
