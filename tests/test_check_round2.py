"""``headwater check`` round 2 constructions on fictional text, without the extractor: a debunk
stated once is a denial; a refute word inside a hedged report does not make it one (refute evidence
is weighed against the hedges, ``[check] versus``); a hedged opening sentence marks a report
(``[check] lead_hedge``)."""

from __future__ import annotations

from dataclasses import replace

from headwater.check import check_article
from headwater.check.features import claim_terms
from headwater.check.index import build_corpus, index_article
from headwater.config import CheckConfig

CLAIM = "A white tiger escaped from the Marlow city zoo"

TEXTS = {
    "debunk_once.txt": (
        "The story that a white tiger escaped from the Marlow city zoo is false. "
        "Keepers counted all four of their big cats on Tuesday morning. "
        "The zoo opens at nine as usual."
    ),
    "hedged_with_a_refute_word.txt": (
        "Residents say a white tiger reportedly escaped from the Marlow city zoo overnight, according to posts. "
        "The reports could not be verified and the zoo has not confirmed whether any animal is missing. "
        "Police said they were aware of the claims. "
        "Some readers suggested the pictures may be fake."
    ),
    "hedged_opening.txt": (
        "Unconfirmed posts claim a big cat was seen near the river. "
        "A white tiger escaped from the Marlow city zoo on Sunday night. "
        "Keepers searched the park until dawn. "
        "The animal was found asleep behind the aquarium."
    ),
    "plain.txt": (
        "A white tiger escaped from the Marlow city zoo on Sunday night. "
        "Keepers searched the park until dawn. "
        "The animal was found asleep behind the aquarium."
    ),
    "filler_1.txt": "The Marlow rowing club won the river race on Saturday.",
    "filler_2.txt": "A new bakery opened on Station Street in Marlow.",
    "filler_3.txt": "The city council met to discuss the budget for parks.",
}


def _check(doc: str, t: CheckConfig) -> tuple[str, str]:
    corpus = build_corpus(index_article(name, name, text) for name, text in TEXTS.items())
    row = check_article(claim_terms(CLAIM, corpus), corpus.find(doc), t)
    return row.stance, row.evidence[0].text if row.evidence else ""


def test_a_debunk_stated_once_denies():
    stance, ev = _check("debunk_once.txt", CheckConfig())
    assert stance == "denies"
    assert ev.startswith("The story that a white tiger escaped") and ev.endswith("is false.")


def test_a_refute_word_inside_a_hedged_report_stays_a_report():
    t = CheckConfig()
    stance, ev = _check("hedged_with_a_refute_word.txt", t)
    assert stance == "reports"
    assert "reportedly escaped" in ev
    # without weighing the refute word against the hedges, the same article would be a denial
    assert _check("hedged_with_a_refute_word.txt", replace(t, versus=0.0))[0] == "denies"


def test_a_hedged_opening_marks_a_report():
    t = CheckConfig()
    assert _check("plain.txt", t)[0] == "asserts"
    assert _check("hedged_opening.txt", t)[0] == "reports"
    assert _check("hedged_opening.txt", replace(t, lead_hedge=0.0))[0] == "asserts"


def _check_claim(claim: str, doc: str) -> str:
    corpus = build_corpus(index_article(name, name, text) for name, text in TEXTS.items())
    return check_article(claim_terms(claim, corpus), corpus.find(doc), CheckConfig()).stance


def test_a_claim_worded_against_the_story_reads_as_negated():
    # "casts doubt" ([doubt] in stance.toml) and a contracted negation ("didn't") negate a claim
    doubt = "Keepers cast doubt on the white tiger escape from the Marlow city zoo"
    contracted = "A white tiger didn't escape from the Marlow city zoo"
    for claim in (doubt, contracted):
        assert _check_claim(claim, "plain.txt") == "denies"  # it states the escape plainly
        assert _check_claim(claim, "debunk_once.txt") == "asserts"  # it debunks the escape
