"""Attribution extraction on sentences written for these tests (fictional people and places)."""

from __future__ import annotations

import pytest

from headwater.extract import extract_attributions
from headwater.model import Attribution


def run(nlp, text: str) -> list[Attribution]:
    return extract_attributions(nlp(text))


def find(atts: list[Attribution], snippet: str) -> Attribution:
    hits = [a for a in atts if snippet in a.content.text]
    assert hits, f"no attribution holds {snippet!r}: {[a.content.text for a in atts]}"
    return hits[0]


def who(att: Attribution) -> str:
    assert att.speaker is not None
    return att.speaker.resolved or att.speaker.text


@pytest.mark.parametrize(
    "text",
    [
        "“The bridge will reopen in May,” Marta Kowal said.",
        '"The bridge will reopen in May," Marta Kowal said.',
        "'The bridge will reopen in May,' Marta Kowal said.",
        "«The bridge will reopen in May», Marta Kowal said.",
        "„The bridge will reopen in May“, Marta Kowal said.",
    ],
)
def test_quote_styles_cue_after(nlp, text):
    att = find(run(nlp, text), "bridge will reopen in May")
    assert att.kind == "direct"
    assert att.cue is not None and att.cue.text == "said"
    assert who(att) == "Marta Kowal"
    assert att.speaker.type == "person"
    assert not att.content.text.startswith(("“", '"', "'", "«", "„"))


def test_cue_before_with_colon(nlp):
    text = "Harbour master Ilse Brandt spoke to reporters on Monday.\n\nShe added: “The port stays closed until the storm passes.”"
    att = find(run(nlp, text), "port stays closed")
    assert att.kind == "direct"
    assert att.cue.text == "added"
    assert att.speaker.text == "She"
    assert att.speaker.resolved == "Ilse Brandt"


def test_inverted_cue_and_middle_cue(nlp):
    text = "“We have enough grain for the winter,” said Tomas Vell, the mayor. “Nobody will go hungry.”"
    atts = run(nlp, text)
    first = find(atts, "enough grain")
    second = find(atts, "Nobody will go hungry")
    assert who(first) == "Tomas Vell"
    assert who(second) == "Tomas Vell"
    assert second.kind == "direct"


def test_multi_paragraph_quote_inherits_speaker(nlp):
    text = (
        "Councillor Ada Merrow said: “The budget is balanced for the first time in a decade.\n\n"
        "“We cut waste in every department without closing a single library.\n\n"
        "“Next year we will invest in the river defences.”\n\n"
        "The council meets again in June."
    )
    atts = run(nlp, text)
    for snippet in ("budget is balanced", "cut waste in every department", "invest in the river defences"):
        att = find(atts, snippet)
        assert att.kind == "direct"
        assert who(att) == "Ada Merrow", snippet
    assert not any("meets again" in a.content.text for a in atts)


def test_indirect_with_and_without_that(nlp):
    atts = run(nlp, "Finance minister Rolf Ander said that inflation had peaked. Ander warned prices would stay high.")
    a = find(atts, "inflation had peaked")
    assert a.kind == "indirect" and who(a) == "Rolf Ander"
    b = find(atts, "prices would stay high")
    assert b.cue.text == "warned" and who(b) == "Rolf Ander"


def test_sentence_final_cue(nlp):
    att = find(
        run(nlp, "The convoy was delayed by two days at the border, a customs official said."), "convoy was delayed"
    )
    assert att.kind == "indirect"
    assert att.speaker.text == "a customs official"
    assert att.speaker.type == "anonymous"


def test_estimates_and_belief(nlp):
    atts = run(
        nlp,
        "Orlan intelligence believes that the rebels have run out of fuel, and the ministry estimates "
        "that 3,000 people have fled.",
    )
    a = find(atts, "rebels have run out of fuel")
    assert a.cue.text == "believes" and a.speaker.type == "organization"
    b = find(atts, "3,000 people have fled")
    assert b.cue.text == "estimates"


def test_mixed_quote_fragment(nlp):
    att = find(
        run(nlp, "The ministry called the report a “complete fabrication” and said it would sue."),
        "complete fabrication",
    )
    assert att.kind == "mixed"
    assert att.stance == "deny"
    assert att.speaker.text == "The ministry"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("According to the Velmar Times, the mayor resigned on Friday.", "Velmar Times"),
        ("The mayor resigned on Friday, according to two officials.", "two officials"),
        ("In the eyes of analyst Jonas Pell, the deal is already dead.", "Jonas Pell"),
        ("Per a report from the BBC, the mayor resigned on Friday.", "BBC"),
        ("By the ministry's estimate, 4,000 homes were flooded.", "the ministry"),
    ],
)
def test_according_to_variants(nlp, text, speaker):
    atts = [a for a in run(nlp, text) if a.kind == "according_to"]
    assert atts, text
    assert speaker in atts[0].speaker.text
    assert "resigned" in atts[0].content.text or "dead" in atts[0].content.text or "flooded" in atts[0].content.text


def test_citing_without_verb(nlp):
    atts = run(nlp, "The shipyard will close next year, citing people familiar with the matter.")
    assert any(a.kind == "according_to" and "people familiar" in a.speaker.text for a in atts)


def test_headline_cue(nlp):
    text = "Velmar: harbour 'unsafe for ferries' says Brandt\n\nThe harbour has been closed since March."
    att = find(run(nlp, text), "unsafe for ferries")
    assert att.cue.text == "says"
    assert att.speaker.text == "Brandt"
    assert not att.content.text.startswith("Velmar")


@pytest.mark.parametrize(
    "text",
    [
        "The minister is said to be furious about the leak.",
        "The factory reportedly closed its doors last week.",
        "Two tankers are believed to have left the port overnight.",
        "It is understood that the talks will resume on Monday.",
    ],
)
def test_unattributed_hedges(nlp, text):
    atts = run(nlp, text)
    assert [a.kind for a in atts] == ["unattributed"]
    assert atts[0].speaker is None and atts[0].cue is not None


def test_unattributed_can_be_turned_off(nlp):
    doc = nlp("The factory reportedly closed its doors last week.")
    assert extract_attributions(doc, unattributed=False) == []


def test_no_hedge_inside_attributed_content(nlp):
    atts = run(nlp, "The director allegedly ignored the warnings, the auditor Mina Sorel claims.")
    assert [a.kind for a in atts] == ["indirect"]
    assert who(atts[0]) == "Mina Sorel"


def test_pronoun_resolves_to_last_speaker_not_last_name(nlp):
    text = (
        "Deputy minister Pavel Orsk said the army would withdraw from the valley.\n\n"
        "Critics recalled that Governor Lena Hask had opposed the plan.\n\n"
        "This, he said, was a gesture of goodwill."
    )
    att = find(run(nlp, text), "gesture of goodwill")
    assert att.speaker.text == "he"
    assert att.speaker.resolved == "Pavel Orsk"


def test_surname_and_honorific_resolve_to_full_name(nlp):
    text = "Veteran broadcaster Colin Marsh said the election was close. Mr Marsh said: “Anything can happen.”"
    att = find(run(nlp, text), "Anything can happen")
    assert att.speaker.resolved == "Colin Marsh"
    assert att.speaker.role and "broadcaster" in att.speaker.role


def test_description_resolves_to_earlier_mention(nlp):
    text = (
        "Russian President Vladimir Putin met his generals on Monday.\n\n"
        "The Russian leader said the offensive would continue."
    )
    att = find(run(nlp, text), "offensive would continue")
    assert att.speaker.resolved == "Vladimir Putin"
    assert att.speaker.side == "RU"


def test_outlet_description_resolves_to_outlet(nlp):
    text = "The story first ran in the Washington Post on Sunday.\n\nThe newspaper said the documents were authentic."
    att = find(run(nlp, text), "documents were authentic")
    assert att.speaker.type == "media"
    assert att.speaker.resolved == "The Washington Post"


@pytest.mark.parametrize(
    ("text", "type_", "side", "role"),
    [
        ("Kremlin spokesman Dmitry Peskov said the talks had stalled.", "person", "RU", "Kremlin spokesman"),
        ("A senior Pentagon official said the talks had stalled.", "anonymous", "US", None),
        ("US intelligence said the talks had stalled.", "organization", "US", None),
        ("The BBC said the talks had stalled.", "media", "UK", None),
        ("Two Ukrainian executives said the talks had stalled.", "group", "UA", None),
        ("Director GCHQ Jeremy Fleming said the talks had stalled.", "person", "UK", "Director GCHQ"),
    ],
)
def test_types_sides_roles(nlp, text, type_, side, role):
    att = find(run(nlp, text), "talks had stalled")
    assert att.speaker.type == type_
    assert att.speaker.side == side
    if role:
        assert att.speaker.role == role


@pytest.mark.parametrize(
    ("text", "via"),
    [
        ("Marta Kowal told Newsweek that the bridge would reopen.", "Newsweek"),
        ("In an interview with CNN, Marta Kowal said the bridge would reopen.", "CNN"),
        ("Marta Kowal said in a video posted on Telegram that the bridge would reopen.", "Telegram"),
        (
            "The ministry said the bridge would reopen, citing people familiar with the matter.",
            "people familiar with the matter",
        ),
    ],
)
def test_via(nlp, text, via):
    att = find(run(nlp, text), "bridge would reopen")
    assert att.via == via


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("The ministry denied that troops had crossed the border.", "deny"),
        ("The ministry rejected claims that troops had crossed the border.", "deny"),
        ("A spokesman said the report that troops had crossed the border was absolutely false.", "deny"),
        ("The ministry said that troops had crossed the border.", "assert"),
    ],
)
def test_stance(nlp, text, stance):
    atts = [a for a in run(nlp, text) if a.kind != "unattributed"]
    assert atts and atts[0].stance == stance


def test_no_comment(nlp):
    atts = run(nlp, "The Velmar embassy declined to comment on the report.")
    assert any(a.stance == "no_comment" and "embassy" in a.speaker.text for a in atts)


def test_offsets_are_code_points(nlp):
    text = "Ünal Demir, the mayor, said: “Les rues sont sûres.”"
    att = find(run(nlp, text), "Les rues")
    assert text[att.content.start : att.content.end] == att.content.text
    assert text[att.cue.start : att.cue.end] == "said"
    assert text[att.speaker.start : att.speaker.end] == att.speaker.text


def test_role_leaves_out_the_verbs_preposition(nlp):
    text = (
        "The deal was agreed with Defence Minister Lena Sarvik on Saturday. "
        "Sarvik said the package would arrive in May."
    )
    att = find(run(nlp, text), "package would arrive")
    assert att.speaker.resolved == "Lena Sarvik"
    assert att.speaker.role == "Defence Minister"


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("The Aldera State Department said the talks had stalled.", "AL"),
        ("The State Department of Aldera said the talks had stalled.", "AL"),
        ("The US envoy to Ukraine said the talks had stalled.", "US"),
        ("Ostreli Defence Minister Lena Sarvik said the talks had stalled.", "OS"),
    ],
)
def test_a_nation_named_with_an_office_decides_its_side(nlp, text, side):
    att = find(run(nlp, text), "talks had stalled")
    assert att.speaker.side == side
