"""Cleaning on strings written for the tests: boilerplate, provenance, markup, offsets."""

from __future__ import annotations

from headwater.clean import clean_document, line_hash
from headwater.clean.provenance import match_provenance
from headwater.offsets import OffsetMap

ARTICLE = (
    "Harbour strike enters third week \u2014 Newsweek\n"
    "We use your sign-up to provide content in ways you\u2019ve consented to and to improve our understanding of you. "
    "More info\n"
    "\n"
    "Dock workers in Port Ellery said on Monday that the strike would go on. \u201cWe are not moving,\u201d "
    "said union leader Mara Quist.\n"
    "< p>Read also: Ferry timetable changes for the spring\n"
    "- Advertisement -\n"
    "The port authority said talks would resume\u00a0on Friday.</ p>\n"
    "p>\n"
    "Share This Post\n"
    "Related video\n"
    "Based on materials: Kestrel News\n"
    "Worldwide News, Local News in Ellery, Tips & Tricks\n"
)


def test_boilerplate_and_markup_removed():
    c = clean_document(ARTICLE)
    for junk in (
        "We use your sign-up",
        "Read also",
        "Advertisement",
        "Share This Post",
        "Related video",
        "< p>",
        "</ p>",
        "p>",
        "Based on materials",
        "Tips & Tricks",
    ):
        assert junk not in c.text, junk
    assert "Dock workers in Port Ellery" in c.text
    assert "The port authority said talks would resume on Friday." in c.text
    reasons = {r.reason for r in c.removed}
    assert {"pattern:signup_banner", "pattern:read_also", "pattern:advertisement", "provenance", "footer"} <= reasons


def test_curly_quotes_kept_and_mojibake_fixed():
    c = clean_document(
        "Title line\nThe minister said \u201cnever\u201d and \u00e2\u20ac\u0153fixed\u00e2\u20ac\u009d.\n"
    )
    assert "\u201cnever\u201d" in c.text
    assert "\u00e2\u20ac" not in c.text


def test_provenance_becomes_metadata():
    c = clean_document(ARTICLE)
    assert c.outlet == "Kestrel News"
    assert c.credited_source == "Newsweek"
    assert c.title == "Harbour strike enters third week"


def test_copyright_and_source_lines():
    assert match_provenance("\u00a9 2025 Kestrel News. All rights reserved.").value == "Kestrel News"
    assert match_provenance("Source: Read Full Article").value is None
    assert match_provenance("Source: Halden Daily").value == "Halden Daily"
    assert match_provenance("Based on materials: ZN.ua").value == "ZN.ua"
    assert match_provenance("Source: officials who asked not to be named said the talks had failed badly") is None
    c = clean_document(
        "A title\nBody sentence here.\nSource: Halden Daily\n\u00a9 2025 Kestrel News. All rights reserved."
    )
    assert c.outlet == "Kestrel News" and c.credited_source == "Halden Daily"


def test_offsets_map_back_to_raw():
    c = clean_document(ARTICLE)
    om = OffsetMap(c.offsets)
    for i, ch in enumerate(c.text):
        if ch in "\n ":
            continue
        assert ARTICLE[om.to_raw(i)] == ch
    start = c.text.index("Mara Quist")
    rs, re_ = om.span_to_raw(start, start + len("Mara Quist"))
    assert ARTICLE[rs:re_] == "Mara Quist"


def test_crossdoc_lines_removed_but_id_stable():
    raw = "A title\nGet the Ellery Courier briefing every morning\nThe ferry was late again on Monday morning."
    plain = clean_document(raw)
    pruned = clean_document(raw, crossdoc=frozenset({line_hash("Get the Ellery Courier briefing every morning")}))
    assert "briefing" not in pruned.text
    assert pruned.id == plain.id
    assert [r.reason for r in pruned.removed] == ["crossdoc"]


def test_breadcrumb_title_dropped():
    raw = 'HomeWorldFerry strike spreads to "three ports"\n\nFerry strike spreads to \u201cthree ports\u201d\n\nBody text.'
    c = clean_document(raw)
    assert not c.text.startswith("Home")
    assert c.title == "Ferry strike spreads to \u201cthree ports\u201d"
