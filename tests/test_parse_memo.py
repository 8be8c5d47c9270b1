"""The memoised attribute ruler and lemmatizer (parse/ruler.py, parse/lemmas.py) annotate every token
as the stock spaCy components do."""

from __future__ import annotations

from pathlib import Path

import pytest

from headwater.parse import default_model, load_nlp
from headwater.parse.lemmas import MemoLemmatizer, memoise_lemmatizer
from headwater.parse.ruler import MemoAttributeRuler, memoise_ruler

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

spacy = pytest.importorskip("spacy")

# Fictional text with the constructions the English ruler's rarer rules are about: contractions,
# "gonna"/"gotta"/"y'all"/"let's"/"c'mon", "ain't", "nothin'", expletive "there is", auxiliaries,
# comparatives, all-caps lines, and a paragraph break.
CONSTRUCTIONS = (
    "The ministers were meeting. She'd been told the figures weren't final; they're checking them. "
    "Better, best, worse: the worst-hit towns had fewer doctors than wolves. Running, ran, runs.\n\n"
    "ARMED GROUPS SEIZED THE BRIDGES, officials said on Monday. The Governor's aides denied it. "
    "We're gonna win, y'all. Let's go, c'mon! You gotta see it. It ain't over and there's nothin' "
    "left. There are three reasons, and there is no doubt. Do they have it? He does not, nor did I."
)


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "corpus").glob("*.txt"))]
    texts += [CONSTRUCTIONS, ""]
    seeds = SHARED / "corpus" / "seeds"
    if seeds.is_dir():  # real text when ../shared is there; never stored in the repo
        texts += [p.read_text(encoding="utf-8") for p in sorted(seeds.iterdir()) if p.is_file()]
    return texts


def _annotations(nlp, texts: list[str]) -> list[list[tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    return [
        [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc] for doc in nlp.pipe(texts, batch_size=4)
    ]


def test_the_stages_parse_with_the_memoised_components() -> None:
    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("attribute_ruler"), MemoAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), MemoLemmatizer)


def test_same_annotations_as_the_stock_components() -> None:
    stock = spacy.load(default_model())
    ours = spacy.load(default_model())
    assert memoise_ruler(ours) and memoise_lemmatizer(ours)
    assert not isinstance(stock.get_pipe("attribute_ruler"), MemoAttributeRuler)
    texts = _texts()
    want, got = _annotations(stock, texts), _annotations(ours, texts)
    assert sum(map(len, want)) > 2000
    assert got == want
    assert _annotations(ours, texts[::-1]) == want[::-1]  # what is kept per process does not depend on order
    pairs = {(text, lemma) for doc in got for (text, _, _, _, lemma, _) in doc}
    assert {("gon", "go"), ("na", "to"), ("ai", "be")} <= pairs  # two-token rules: "gonna", "ain't"


def test_overwriting_lemmatizer_follows_the_stock_rules() -> None:
    for overwrite in (False, True):
        stock = spacy.load(default_model())
        ours = spacy.load(default_model())
        for nlp in (stock, ours):
            nlp.get_pipe("lemmatizer").overwrite = overwrite
        assert memoise_lemmatizer(ours) and not memoise_lemmatizer(ours)  # swapped once
        assert _annotations(ours, [CONSTRUCTIONS]) == _annotations(stock, [CONSTRUCTIONS])


def test_components_of_another_kind_are_left_to_spacy() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert memoise_lemmatizer(nlp) is False
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "x", "OP": "+"}]], {"LEMMA": "x"})  # an operator the memo does not read
    assert memoise_ruler(nlp) is False
    assert type(ruler).__name__ == "AttributeRuler"
