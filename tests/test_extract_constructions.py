"""Attribution constructions added for PolNeAR-style coverage, on sentences written for these tests
(fictional people and places): acts and intentions, prepositional and nominal cues, attitude adjectives,
source-less passives and appearance verbs, labelled turns and signed quotes, and content boundaries."""

from __future__ import annotations

import pytest

from headwater.extract import extract_attributions
from headwater.extract.quotes import find_quotes
from headwater.model import Attribution


def run(nlp, text: str) -> list[Attribution]:
    return extract_attributions(nlp(text))


def only(atts: list[Attribution], cue: str) -> Attribution:
    hits = [a for a in atts if a.cue is not None and a.cue.text == cue]
    assert len(hits) == 1, [(a.cue.text if a.cue else None, a.content.text) for a in atts]
    return hits[0]


def test_doubled_apostrophe_quotes(nlp):
    text = "''We will rebuild the pier,'' the harbour master said."
    assert [text[q.inner_start : q.inner_end] for q in find_quotes(text)] == ["We will rebuild the pier,"]
    att = only(run(nlp, text), "said")
    assert att.kind == "direct" and att.content.text == "We will rebuild the pier,"
    assert att.speaker.text == "the harbour master"


def test_mixed_straight_and_curly_marks_pair_up():
    text = 'He said "the pier is safe,” and left.'
    assert [text[q.inner_start : q.inner_end] for q in find_quotes(text)] == ["the pier is safe,"]


def test_quote_before_cue_wins_over_a_trailing_clause(nlp):
    att = only(run(nlp, "“The vote was rigged,” Ana Pell said, as supporters cheered outside the hall."), "said")
    assert att.kind == "direct" and att.content.text == "The vote was rigged,"
    assert att.speaker.text == "Ana Pell"


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        ("Senator Ruth Calder denounced the new tariff plan.", "denounced", "Ruth Calder", "the new tariff plan"),
        ("The dockworkers' union vowed to strike in March.", "vowed", "dockworkers' union", "to strike in March"),
        ("Mayor Ilse Brandt pushed for a ban on plastic bags.", "pushed for", "Ilse Brandt", "a ban on plastic bags"),
        ("Council members are skeptical of the proposal.", "are skeptical of", "Council members", "the proposal"),
        (
            "Marta Kowal's claim that the dam is unsafe angered the engineers.",
            "claim",
            "Marta Kowal",
            "that the dam is unsafe",
        ),
        ("The leak was first reported by the Velmar Times.", "was first reported", "Velmar Times", "The leak"),
    ],
)
def test_acts_intentions_prepositional_nominal_and_adjective_cues(nlp, text, cue, speaker, content):
    att = only(run(nlp, text), cue)
    assert att.kind == "indirect"
    assert speaker in (att.speaker.resolved or att.speaker.text)
    assert att.content.text == content


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The reform plan seems to have stalled in the senate.",
            "seems",
            "The reform plan seems to have stalled in the senate",
        ),
        (
            "Tomas Vell is widely expected to win the runoff.",
            "is widely expected",
            "Tomas Vell is widely expected to win the runoff",
        ),
        ("Asked about the delay, the mayor blamed the weather.", "Asked", "the delay"),
    ],
)
def test_sourceless_passives_and_appearance(nlp, text, cue, content):
    att = only(run(nlp, text), cue)
    assert att.kind == "unattributed" and att.speaker is None
    assert att.content.text == content


def test_appear_in_its_literal_sense_is_no_cue(nlp):
    assert run(nlp, "Lynch will appear before the judiciary committee on Tuesday.") == []


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("PELL: We never agreed to any of that.", "PELL", "We never agreed to any of that"),
        ("Kowal: ‘The port will reopen in June.’", "Kowal", "‘The port will reopen in June.’"),
    ],
)
def test_labelled_turns(nlp, text, speaker, content):
    att = only(run(nlp, text), ":")
    assert att.kind == "direct" and att.speaker.text == speaker and att.content.text == content


def test_section_labels_are_no_turns(nlp):
    atts = run(nlp, "Editor’s note: This story was updated on Friday with new figures.")
    assert not any(a.cue is not None and a.cue.text == ":" for a in atts)


def test_signed_quote(nlp):
    att = only(run(nlp, "“We stand with the workers in every harbour town.” ― Ana Pell"), "―")
    assert att.speaker.resolved == "Ana Pell"
    assert att.content.text == "We stand with the workers in every harbour town."


def test_as_reported_takes_the_main_clause(nlp):
    att = only(run(nlp, "As the Velmar Times reported, the mayor resigned on Friday."), "reported")
    assert att.content.text == "the mayor resigned on Friday"
    assert att.speaker.text == "the Velmar Times"


def test_that_clause_after_a_modifier_of_the_verb(nlp):
    att = only(run(nlp, "Colin Marsh said in a statement that the election had been fair."), "said")
    assert att.content.text == "that the election had been fair"


def test_clause_runs_to_the_end_of_the_sentence_unless_a_new_clause_takes_over(nlp):
    att = only(run(nlp, "Rolf Ander said the bridge will reopen in May, once the inspection is complete."), "said")
    assert att.content.text == "the bridge will reopen in May, once the inspection is complete"
    atts = run(nlp, "Rolf Ander said the bridge will reopen in May, but engineers warned that the steel was corroded.")
    assert only(atts, "said").content.text == "the bridge will reopen in May"
    assert only(atts, "warned").speaker.text == "engineers"


def test_an_act_reported_inside_someone_elses_statement_is_not_repeated(nlp):
    atts = run(nlp, "Deputy minister Pavel Orsk said Moscow had decided to pull back its troops.")
    assert [a.cue.text for a in atts] == ["said"]


def test_according_to_inside_brackets(nlp):
    text = "The ferry resumed service in April (two months late, according to the port authority), and fares rose."
    att = only(run(nlp, text), "according to")
    assert att.content.text == "two months late"


def test_quoted_fragment_keeps_its_full_stop_and_closing_mark(nlp):
    att = only(run(nlp, "The minister called the report “a fabrication.”"), "called")
    assert att.content.text == "the report “a fabrication.”"
    assert att.kind == "mixed" and att.stance == "deny"


def test_split_quote_around_an_inverted_cue(nlp):
    text = (
        "“The levy,” said Oren Vask, an economist who advises the Ostrel port authority, "
        "“is that we will be shipping cargo and losing jobs.”"
    )
    atts = run(nlp, text)
    assert [a.content.text for a in atts] == ["The levy,", "is that we will be shipping cargo and losing jobs."]
    assert all(a.kind == "direct" and a.speaker is not None and a.speaker.text.endswith("Oren Vask") for a in atts)


def test_later_quote_in_the_same_paragraph_continues_the_speaker(nlp):
    text = (
        "“The harbour will reopen in spring,” said Lena Ostrova, the port director, referring to the "
        "repairs on the northern pier after the storm damage of last winter. “Cargo ships will follow within weeks.”"
    )
    atts = [a for a in run(nlp, text) if a.kind == "direct"]
    assert [a.content.text for a in atts] == [
        "The harbour will reopen in spring,",
        "Cargo ships will follow within weeks.",
    ]
    assert atts[1].speaker is not None and "Lena Ostrova" in atts[1].speaker.text


def test_sentence_final_cue_when_the_parser_adds_a_second_subject(nlp):
    text = '"The more people who know about the levy, the better they like it," Briggs Tanner said.'
    att = only(run(nlp, text), "said")
    assert att.speaker.text == "Briggs Tanner"
    assert att.content.text.startswith("The more people")


def test_a_cue_in_a_subordinate_clause_ends_with_it(nlp):
    text = "While Mayor Dana Roe has said that she backs the levy, the council voted against it on Monday."
    att = only(run(nlp, text), "said")
    assert att.content.text == "that she backs the levy"


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        (
            "Voters in Tessary see the levy as a tax on fishermen.",
            "see",
            "Voters in Tessary",
            "the levy as a tax on fishermen",
        ),
        (
            "The harbour board has offered no details about the repairs.",
            "offered",
            "harbour board",
            "no details about the repairs",
        ),
        ("About 4 in 10 say the pier should close.", "say", "4 in 10", "the pier should close"),
        (
            "Senator Ruth Calder's proposal to close the pier angered the dockworkers.",
            "proposal",
            "Ruth Calder",
            "to close the pier",
        ),
    ],
)
def test_object_noun_and_number_subject_cues(nlp, text, cue, speaker, content):
    att = only(run(nlp, text), cue)
    assert speaker in (att.speaker.resolved or att.speaker.text)
    assert att.content.text == content


def test_quote_right_after_the_cue_wins_over_the_text_before(nlp):
    text = (
        "Asked whether the closure had been hard for the town, Mayor Dana Roe said: ''Of course. We lost the ferry.''"
    )
    att = only(run(nlp, text), "said")
    assert att.kind == "direct" and att.content.text == "Of course. We lost the ferry."


def test_headline_label_names_the_speaker_even_when_mistagged(nlp):
    text = "Calder: Tessary will not close the harbour\n\nThe minister spoke on Monday."
    att = only(run(nlp, text), ":")
    assert att.speaker.text == "Calder" and att.content.text == "Tessary will not close the harbour"


def test_colon_cue_before_a_quoted_paragraph(nlp):
    text = (
        "In a 1963 speech, the governor declared:\n\n“It is right that from this port we sound the drum for freedom.”"
    )
    att = only(run(nlp, text), "declared")
    assert att.kind == "direct" and att.content.text.startswith("It is right")
    assert att.speaker.text == "the governor"


def test_object_control_and_a_dependent_clause_bound_the_statement(nlp):
    text = (
        "The siege drags on, prompting harbour officials to say that the levy may be in doubt, "
        "but they cautioned that there is no sign of a strike."
    )
    said = only(run(nlp, text), "say")
    assert said.speaker.text == "harbour officials"
    assert said.content.text == "that the levy may be in doubt"


def test_asked_participle_does_not_make_the_answerer_the_asker(nlp):
    text = "Asked about the report's claim that Velkov signed the order, Tarnov referred journalists to the palace."
    atts = run(nlp, text)
    asked = [a for a in atts if a.cue is not None and a.cue.text == "Asked"]
    assert all(a.speaker is None for a in asked)


def test_a_speaker_repeating_himself_is_one_attribution(nlp):
    text = "Mayor Dana Roe said she told the council that the harbour will reopen in spring."
    atts = [a for a in run(nlp, text) if a.kind != "unattributed"]
    assert len(atts) == 1 and atts[0].speaker.text == "Mayor Dana Roe"


def test_a_refusal_to_comment_names_its_topic(nlp):
    att = only(run(nlp, "The harbour board declined to comment on the report that the pier will close."), "declined")
    assert att.stance == "no_comment" and att.content.text == "the report that the pier will close"
    plain = only(run(nlp, "The harbour board declined to comment."), "declined")
    assert plain.stance == "no_comment" and plain.content.text == "declined to comment"


@pytest.mark.parametrize(
    ("text", "cue", "stance"),
    [
        (
            "Mayor Ilse Brandt refused to say in an interview that the ferry company was up to the task.",
            "refused",
            "no_comment",
        ),
        ("The harbour board declined to directly respond to a question about the pier.", "declined", "no_comment"),
        ("Senator Ruth Calder refused to concede that the levy had hurt the fishermen.", "refused", "no_comment"),
    ],
)
def test_a_refused_speech_act_is_a_refusal_not_a_statement(nlp, text: str, cue: str, stance: str) -> None:
    """ "refused to say that X": X was not said; a refusal (no_comment), never a claim by the speaker."""
    assert only(run(nlp, text), cue).stance == stance


def test_refusing_an_act_is_not_refusing_to_speak(nlp) -> None:
    atts = [a for a in run(nlp, "Mayor Ilse Brandt refused to sign the harbour agreement.") if a.cue]
    assert all(a.stance != "no_comment" for a in atts)


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        (
            "Senator Ruth Calder made the case that the harbour levy is unfair.",
            "made the case",
            "Ruth Calder",
            "that the harbour levy is unfair",
        ),
        ("Mayor Ilse Brandt took a swipe at the ferry company.", "took a swipe at", "Ilse Brandt", "the ferry company"),
        (
            "The auditors raised questions about the pier contract.",
            "raised questions about",
            "auditors",
            "the pier contract",
        ),
        ("Many fishermen have doubts about the new quota.", "have doubts about", "fishermen", "the new quota"),
    ],
)
def test_light_verb_with_a_speech_act_noun(nlp, text, cue, speaker, content):
    att = only(run(nlp, text), cue)
    assert att.kind == "indirect"
    assert speaker in att.speaker.text
    assert att.content.text == content


def test_a_light_verb_with_an_ordinary_object_is_no_cue(nlp):
    atts = run(nlp, "Mayor Ilse Brandt took a ferry to Velmar and gave a speech in the town hall.")
    assert not [a for a in atts if a.cue is not None and a.cue.text.startswith(("took", "gave"))], atts


def test_citing_a_reason_is_the_subjects_content(nlp):
    text = "Mayor Ilse Brandt closed the pier on Monday, citing safety concerns."
    att = only(run(nlp, text), "citing")
    assert att.speaker.text == "Mayor Ilse Brandt" and att.content.text == "safety concerns"


def test_citing_people_or_reports_stays_a_source(nlp):
    for text in (
        "The Velmar Times reported the closure, citing harbour officials.",
        "The Velmar Times reported the closure, citing Tessary medics.",
        "The Velmar Times reported the closure, citing an internal report.",
    ):
        atts = run(nlp, text)
        assert not [a for a in atts if a.cue is not None and a.cue.text == "citing"], text


def test_made_clear_and_put_it(nlp):
    clear = only(run(nlp, "Mayor Ilse Brandt made it clear that the pier will stay shut."), "made")
    assert clear.speaker.text == "Mayor Ilse Brandt" and clear.content.text == "that the pier will stay shut"
    put = only(run(nlp, "As one harbour pilot put it, “The tide decides, not the council.”"), "put")
    assert put.kind == "direct" and put.speaker.text == "one harbour pilot"
    assert put.content.text == "The tide decides, not the council."


def test_a_quoted_fragment_in_an_interrupted_sentence_takes_the_sentence(nlp):
    text = "The levy on trawlers, Ms. Kowal said, “is a perfect example of greed” in the harbour trade."
    att = only(run(nlp, text), "said")
    assert att.kind == "mixed" and att.speaker.text == "Ms. Kowal"
    assert att.content.text.startswith("The levy on trawlers") and att.content.text.endswith("in the harbour trade")


def test_both_halves_of_a_quote_split_by_its_cue_after_another_paragraph(nlp):
    text = "The council met on Monday.\n\n“We will reopen the pier,” Brandt said, “and we will do it in May.”"
    atts = [a for a in run(nlp, text) if a.cue is not None and a.cue.text == "said"]
    assert sorted(a.content.text for a in atts) == ["We will reopen the pier,", "and we will do it in May."]
    assert all((a.speaker.resolved or a.speaker.text).endswith("Brandt") for a in atts)


def test_misturned_closing_quote_mark(nlp):
    att = only(run(nlp, "“The pier is safe,“ said Dana Roe, the harbour master."), "said")
    assert att.kind == "direct" and att.content.text == "The pier is safe," and att.speaker.text == "Dana Roe"


def test_relative_clause_cue_takes_nothing_from_before_it(nlp):
    text = "The vote was a victory for Ilse Brandt, who has often complained about the ferry fares."
    atts = [a for a in run(nlp, text) if a.cue is not None and a.cue.text.startswith("complained")]
    assert [a.content.text for a in atts] == ["the ferry fares"]


def test_bracketed_party_stays_in_the_speaker(nlp):
    att = only(run(nlp, "Sen. Ruth Calder (R-Velmar) said the levy would pass."), "said")
    assert att.speaker.text == "Sen. Ruth Calder (R-Velmar)"


def test_a_list_taken_for_an_apposition_stays_in_the_content(nlp):
    att = only(
        run(nlp, "Mayor Ilse Brandt thanked the pilots, the dockers, the nurses and the ferry crews."), "thanked"
    )
    assert att.content.text == "the pilots, the dockers, the nurses and the ferry crews"


def test_a_name_given_to_a_thing_is_no_attribution(nlp):
    atts = run(nlp, "The fishermen formed a group called Tide Watch last spring.")
    assert not [a for a in atts if a.cue is not None and a.cue.text == "called"], atts


def test_attitude_adjectives_and_a_copular_noun_cue(nlp):
    tired = only(run(nlp, "The old dockers are tired of the council's promises."), "are tired of")
    assert tired.speaker.text == "The old dockers" and tired.content.text == "the council's promises"
    arg = only(run(nlp, "The mayor's argument was that the pier is unsafe."), "argument")
    assert "mayor" in arg.speaker.text and arg.content.text == "that the pier is unsafe"


def test_according_to_at_the_start_leaves_its_own_modifiers_out(nlp):
    text = "According to a Velmar Times poll out Thursday, the mayor leads the race by nine points."
    att = next(a for a in run(nlp, text) if a.kind == "according_to")
    assert att.content.text == "the mayor leads the race by nine points"


def test_object_bound_by_a_to_infinitive_and_an_as_complement(nlp):
    urged = only(run(nlp, "The union urged the council to scrap the harbour levy."), "urged")
    assert urged.content.text == "the council to scrap the harbour levy"
    pointed = only(
        run(nlp, "Mayor Ilse Brandt pointed to the ferry strike as the main cause of the delay."), "pointed to"
    )
    assert pointed.content.text == "the ferry strike as the main cause of the delay"


def test_a_possessive_pronoun_is_its_sentences_subject_not_the_last_speaker(nlp):
    # "her remark": the subject of her own sentence (Pell), not the speaker quoted just before (Varga)
    text = (
        "\u201cThe marsh must stay open,\u201d said the singer Lotte Varga, who backs Roth. "
        "Former minister Anna Pell, a Roth supporter, caused a stir last year over her remark that "
        "\u201cthe marsh belongs to the birds.\u201d"
    )
    att = only(run(nlp, text), "remark")
    assert att.speaker is not None and att.speaker.text == "her"
    assert att.speaker.resolved == "Anna Pell"
