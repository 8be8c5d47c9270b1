"""What the extractor reads of each attributed content (extract/propositions.py), on sentences written
for the test: type, predicate, roles, polarity, modality; and the name keys entities are matched on."""

from __future__ import annotations

import pytest

from headwater.extract.core import extract_attributions
from headwater.extract.propositions import name_key


def _prop(nlp, sentence: str):  # type: ignore[no-untyped-def]
    found = [a for a in extract_attributions(nlp(sentence)) if a.proposition is not None]
    assert found, sentence
    return found[0].proposition


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The ministry said 9,400 Varnian soldiers were killed.", "estimate"),
        ("The official said Velkov had signed an order to call up 80,000 reservists.", "assertion"),
        ("Sarvik said the Varnian army will leave Mirsk by the summer.", "prediction"),
        ("The Kremlin said Ostreli militants must lay down their arms.", "demand"),
        ("Marrow said the package was a disaster.", "opinion"),
        ('Irtenev said: "I think the report is wrong."', "opinion"),
        ('"I wonder how the sailors in Orlan enjoy that," Senator Vale said.', "opinion"),
        (
            '"Having the mayors take part is useful, but I think the levy should go to the harbour," Vale said.',
            "opinion",
        ),
        ("The campaign did not immediately respond to requests for comment.", "refusal"),
        ("Marrow said she was not going to confirm it.", "refusal"),
        ("Asked whether the order existed, Tarnov said nothing.", "question"),
        ("The senator called for tougher rules on donations.", "fragment"),
        ("Sanders vowed to raise the minimum wage.", "fragment"),
    ],
)
def test_types(nlp, sentence: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    assert _prop(nlp, sentence).type == kind


def test_roles_polarity_and_modality(nlp) -> None:  # type: ignore[no-untyped-def]
    p = _prop(nlp, "A US official said Putin is being misinformed by his advisers.")
    assert (p.predicate, p.agent, p.patient, p.negated) == ("misinform", "adviser", "putin", False)
    p = _prop(nlp, "The White House said Putin is not being informed about the war.")
    assert p.patient == "putin" and p.negated
    p = _prop(nlp, "Officials said they had heard no opposition to Velkov.")
    assert p.negated  # a negative object negates the statement
    p = _prop(nlp, "The Kremlin said Ukrainian militants must lay down their arms.")
    assert p.agent == "militant@UA" and p.modality == "obligation"
    p = _prop(nlp, "They said that we need to reform the tax system.")
    assert (p.predicate, p.agent, p.patient) == ("reform", "PRON", "tax system")


def test_name_keys_meet_across_transliterations() -> None:
    assert name_key("Zelenskyy") == name_key("Zelenskyi") == name_key("Zelensky") == "zelenski"
    assert name_key("Calderón") == name_key("Calderon")
    assert name_key("Putin's") == "putin"
