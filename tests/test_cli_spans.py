"""The spaCy component puts attributions into ``doc.spans["headwater"]`` for displaCy (issue 15)."""

from __future__ import annotations


def test_component_sets_labelled_spans_displacy_can_render():
    import spacy
    from spacy import displacy

    import headwater.extract.component  # noqa: F401  (registers the components)
    from headwater.parse import default_model

    own = spacy.load(default_model())  # a pipeline of our own: the shared one stays as it is
    own.add_pipe("headwater_paragraphs", before="parser")
    own.add_pipe("headwater_attributions")
    doc = own('"We will not go back," said Mara Quist, the union leader of Port Ellery.')
    spans = doc.spans["headwater"]
    by_label = {s.label_: s.text for s in spans}
    assert by_label["SPEAKER"].startswith("Mara Quist")
    assert by_label["CUE"] == "said"
    assert "We will not go back" in by_label["CONTENT"]
    assert len(spans) == 3 * len(doc._.attributions)
    html = displacy.render(doc, style="span", options={"spans_key": "headwater"})
    assert "SPEAKER" in html and "CONTENT" in html
