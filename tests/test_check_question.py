"""``headwater check`` on a claim written as a question ("Is it true that ...?"), the way an analyst
brings one: the question is read as its statement, so a debunk denies it and a plain account
asserts it. (FNC-1 question headlines are mostly "discuss"; a rule turning their denials into
reports gained on its train split and was not shipped for this reason: bench/RESULTS.md, issue 11
round 3.) Fictional articles, no extractor."""

from __future__ import annotations

from headwater.check import check_article
from headwater.check.features import claim_terms
from headwater.check.index import build_corpus, index_article
from headwater.config import CheckConfig

QUESTION = "Is it true that a copper statue of a heron was stolen from the Ardley harbour wall?"

TEXTS = {
    "debunk.txt": (
        "Posts saying that a copper statue of a heron was stolen from the Ardley harbour wall are a hoax. "
        "The statue was taken down on Monday for cleaning and will return next week, the harbour office said. "
        "Ferries ran to the islands as usual."
    ),
    "plain.txt": (
        "A copper statue of a heron was stolen from the Ardley harbour wall on Monday night. "
        "Thieves cut the bolts that held it to the stone. "
        "The harbour office has asked anyone who saw a van near the wall to come forward."
    ),
    "filler_1.txt": "The Ardley choir sang in the chapel on Sunday evening.",
    "filler_2.txt": "A new bus route links the station with the hospital.",
    "filler_3.txt": "The council approved the budget for the coastal path.",
}


def _check(doc: str) -> tuple[str, str]:
    corpus = build_corpus(index_article(name, name, text) for name, text in TEXTS.items())
    row = check_article(claim_terms(QUESTION, corpus), corpus.find(doc), CheckConfig())
    return row.stance, row.evidence[0].text if row.evidence else ""


def test_a_question_claim_is_denied_by_a_debunk():
    stance, ev = _check("debunk.txt")
    assert stance == "denies"
    assert ev.startswith("Posts saying that a copper statue") and ev.endswith("are a hoax.")


def test_a_question_claim_is_asserted_by_a_plain_account():
    stance, ev = _check("plain.txt")
    assert stance == "asserts"
    assert ev.startswith("A copper statue of a heron was stolen")
