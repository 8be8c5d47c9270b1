"""Statements (questions, "and that" splits), filled-in sides, relays from an outlet's own article."""

from __future__ import annotations

from claims_helpers import att
from headwater.claims.build import ClaimOptions, build_claims, prepare
from headwater.claims.origins import ArticleInfo
from headwater.claims.sides import resolve_sides
from headwater.claims.statements import statements


def test_and_that_splits_a_content_into_propositions_and_questions_are_dropped() -> None:
    text = (
        "Northgate Wire said that Varnia had lost between 4,000 and 6,500 soldiers killed since February 3, "
        "and that Velkov had secretly ordered 80,000 more reservists to be called up. Asked whether Aldera "
        "believed such an order had been signed, she declined."
    )
    content = (
        "that Varnia had lost between 4,000 and 6,500 soldiers killed since February 3, and that Velkov had "
        "secretly ordered 80,000 more reservists to be called up"
    )
    a = att("x1", content, "Northgate Wire", type_="media", text=text)
    q = att("x1", "whether Aldera believed such an order had been signed", "she", text=text)
    parts = statements([a, q], min_words=3)
    assert [p.content.text for p in parts] == [
        "that Varnia had lost between 4,000 and 6,500 soldiers killed since February 3",
        "Velkov had secretly ordered 80,000 more reservists to be called up",
    ]
    assert all(text[p.content.start : p.content.end] == p.content.text for p in parts)
    denial = att("x1", "it", "Korvask", stance="deny", start=5)
    assert statements([denial], min_words=3) == [denial]  # a denial is kept however short


def test_sides_filled_in_from_nation_words_longer_names_roles_and_other_articles() -> None:
    t1 = "The Ostreli General Staff said one thing. The General Staff said more. Ministry spokesman Tarnov spoke."
    atts = [
        att("x1", "one thing", "The Ostreli General Staff", type_="organization", side="unknown", text=t1),
        att("x1", "more", "General Staff", type_="organization", side="unknown", start=60),
        att("x2", "something", "Varnia's Defence Ministry", type_="organization", side="unknown", start=0),
        att("x2", "else", "Lev Tarnov", type_="person", side="unknown", role="Ministry spokesman", start=40),
        att("x3", "a claim", "Lena Sarvik", type_="person", side="unknown", role="Ostreli Defence Minister"),
        att("x4", "another claim", "Lena Sarvik", type_="person", side="unknown", role="Defence Minister"),
        att("x5", "a report", "the Alderan newspaper Halden Daily", type_="media", side="unknown"),
    ]
    sides = [a.speaker.side for a in prepare(atts)]  # resolve_sides, then one side per person entity
    assert sides == ["OS", "OS", "VA", "VA", "OS", "OS", "unknown"]
    assert [a.speaker.side for a in resolve_sides(atts)][4:6] == ["OS", "unknown"]  # the entity decides x4


def test_one_stray_side_never_becomes_a_persons_side() -> None:
    atts = [att(f"x{i}", "a claim about the debate", "Bart Holloway", type_="person", side="unknown") for i in range(6)]
    atts.append(att("x9", "a claim about the debate", "Bart Holloway", type_="person", side="CN"))
    assert {a.speaker.side for a in prepare(atts)} == {"unknown"}
    atts += [att(f"y{i}", "a claim about the debate", "Bart Holloway", type_="person", side="US") for i in range(3)]
    assert {a.speaker.side for a in prepare(atts)} == {"US"}  # three of four known mentions say US


def test_a_relay_by_an_outlet_joins_that_outlets_own_article() -> None:
    claim = "Velkov is considering replacing the chief of the general staff after the loss of Karvel"
    atts = [
        att("m1", claim, "four people familiar with the matter", type_="group", side="unknown"),
        att("r1", claim, "The Meridian Post", type_="media", side="unknown"),
        att("k1", claim, "Yuri Oreshkin", type_="person", side="unknown"),
    ]
    infos = {
        "m1": ArticleInfo("m1", "m1.html", "The Meridian Post", None, "2025-03-15T08:00:00Z"),
        "r1": ArticleInfo("r1", "r1.jsonl#2", "Aldera Public Radio", None, "2025-03-15"),
        "k1": ArticleInfo("k1", "k1.txt", "Kestrel News", None, "2025-03-16"),
    }
    [c] = build_claims(atts, infos, ClaimOptions())
    assert c.independent_origins == 2
    meridian = next(o for o in c.origins if "people familiar" in o.speaker)
    assert meridian.first_outlet == "The Meridian Post" and meridian.relayed_by == ("Aldera Public Radio",)
