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
