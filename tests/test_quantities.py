"""Numeric estimates on sentences written for the tests."""

from __future__ import annotations

from claims_helpers import att, doc
from headwater.extract.quantities import describe, extract_quantities, parse_number


def _one(text: str, **kw):  # type: ignore[no-untyped-def]
    found = extract_quantities(doc("q1", text), **kw)
    assert len(found) == 1, found
    return found[0]


def test_parse_number() -> None:
    assert parse_number("15,600") == 15600
    assert parse_number("1.5 million") == 1_500_000
    assert parse_number("seven") == 7
    assert parse_number("thousands") is None


def test_range_with_nation_and_as_of() -> None:
    q = _one("Varnia has lost between 4,000 and 6,500 soldiers killed since February 3, an official said.")
    assert q.quantity == "Varnian soldiers killed"
    assert (q.low, q.high, q.value) == (4000, 6500, None)
    assert q.qualifier == "between"
    assert q.as_of == "since February 3"
    assert describe(q) == "between 4,000 and 6,500"


def test_more_than_area_regained() -> None:
    q = _one("The minister said troops had regained more than 1,500 square kilometres in the last two weeks.")
    assert q.quantity == "square kilometres regained"
    assert q.value == 1500 and q.qualifier == "more than"
    assert q.unit == "square kilometres"
    assert q.as_of == "in the last two weeks"


def test_so_far_and_materiel_events() -> None:
    q = _one("Some 300 Ostreli armoured vehicles are thought to have been destroyed or captured so far.")
    assert q.quantity == "Ostreli armoured vehicles destroyed or captured"
    assert q.qualifier == "some, so far"


def test_nation_from_context_skips_the_speaker() -> None:
    text = (
        "Korvask's army has suffered heavy losses, with Alderan intelligence estimating that 9,000 soldiers have died."
    )
    q = _one(text)
    assert q.quantity == "Varnian soldiers killed"
    assert q.speaker == "Alderan intelligence"
    assert q.side == "AL"


def test_speaker_from_attribution_containing_the_number() -> None:
    text = "Sarvik said that 9,400 Varnian soldiers had been killed and 640 armoured vehicles destroyed."
    content = "9,400 Varnian soldiers had been killed and 640 armoured vehicles destroyed"
    a = att("q1", content, "Lena Sarvik", type_="person", side="OS", text=text)
    found = extract_quantities(doc("q1", text), [a])
    assert [(q.quantity, q.value, q.speaker, q.side) for q in found] == [
        ("Varnian soldiers killed", 9400, "Lena Sarvik", "OS"),
        ("Varnian armoured vehicles destroyed", 640, "Lena Sarvik", "OS"),
    ]


def test_unattributed_hedge_has_no_speaker() -> None:
    text = "Seven Varnian generals are said to have died so far."
    a = att("q1", "Seven Varnian generals are said to have died so far", None, kind="unattributed", text=text)
    q = extract_quantities(doc("q1", text), [a])[0]
    assert q.quantity == "Varnian generals killed" and q.value == 7 and q.speaker is None


def test_numbers_that_count_nothing_are_ignored() -> None:
    text = "The channel has 900,000 subscribers and the town lies 60 kilometres from the river. In 2024 it grew."
    assert extract_quantities(doc("q1", text)) == []


def test_fewer_than_bare_killed_after_losses() -> None:
    q = _one("The ministry said Varnian losses were fewer than 1,200 killed.")
    assert q.quantity == "Varnian soldiers killed" and q.qualifier == "fewer than" and q.value == 1200


def test_offsets_point_at_the_number() -> None:
    text = "Officials said 2,000 Ostreli tanks were destroyed."
    q = _one(text)
    assert text[q.span.start : q.span.end] == "2,000"


def test_a_figure_quoted_back_or_called_false_is_not_an_estimate() -> None:
    text = (
        "Tarnov said that the figure of 9,400 Varnian dead announced in Tessary had been invented. "
        "«The number 9,400 is absolutely false,» he said. Korvask rejected a report that Varnia had lost "
        "between 4,000 and 6,500 soldiers."
    )
    assert extract_quantities(doc("q1", text)) == []


def test_someones_figure_is_theirs_and_our_losses_are_the_speakers_side() -> None:
    q = _one("Oreshkin said the Defence Ministry's figure of fewer than 1,200 dead since February was not credible.")
    assert (q.speaker, q.value, q.qualifier) == ("Defence Ministry", 1200, "fewer than")
    text = "«Our losses since the beginning of February are fewer than 1,200 killed,» Tarnov said."
    a = att(
        "q1",
        "Our losses since the beginning of February are fewer than 1,200 killed",
        "Lev Tarnov",
        type_="person",
        side="VA",
        text=text,
    )
    [mine] = extract_quantities(doc("q1", text), [a])
    assert mine.quantity == "Varnian soldiers killed" and mine.speaker == "Lev Tarnov"


def test_qualifier_after_a_guillemet_and_events_a_few_words_on() -> None:
    q = _one("He said Ostrel had regained «no more than 300 square kilometres», most of it empty fields.")
    assert q.qualifier == "no more than" and q.quantity == "square kilometres regained"
    q = _one(
        "Between 2,000 and 4,000 Ukrainian soldiers are believed to have been killed so far, according to US estimates."
    )
    assert q.quantity == "Ukrainian soldiers killed" and q.speaker == "US estimates" and q.side == "US"
    # "... reservists by the end of April to replace the losses": the losses are not what is counted
    assert (
        extract_quantities(
            doc(
                "q1",
                "He signed an order about the call of 80 thousand more reservists by the "
                "end of April to replace the losses.",
            )
        )
        == []
    )


def test_nation_from_the_clause_not_from_the_source_or_another_clause() -> None:
    text = (
        "Northgate Wire, citing an Alderan official, said Varnia had lost between 4,000 and 6,500 soldiers "
        "killed since Ostrel's counteroffensive began, and that Velkov had ordered 80,000 more reservists to "
        "be called up."
    )
    found = {q.quantity for q in extract_quantities(doc("q1", text))}
    assert found == {"Varnian soldiers killed", "Varnian reservists called up"}
