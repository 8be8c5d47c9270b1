"""Pure pieces of reuse: tokens, LSH parameters, citations."""

from __future__ import annotations

from itertools import pairwise

import pytest

from headwater.model import Document
from headwater.reuse.citations import find_citations
from headwater.reuse.minhash import lsh_params
from headwater.reuse.tokens import tokenize, tokenize_many


def test_tokens_are_case_insensitive_with_offsets():
    t = tokenize("Hello, World! hello “world”.")
    assert t.hashes[0] == t.hashes[2] and t.hashes[1] == t.hashes[3]
    assert list(t.starts) == [0, 7, 14, 21] and list(t.ends) == [5, 12, 19, 26]


def test_tokenize_many_matches_tokenize():
    texts = ["One two.", "", "Straße İstanbul drei", "x"]
    for a, b in zip(tokenize_many(texts), [tokenize(t) for t in texts], strict=True):
        assert list(a.hashes) == list(b.hashes) and list(a.starts) == list(b.starts)


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.8])
def test_lsh_params_follow_threshold(threshold):
    p = lsh_params(threshold, 128)
    assert p.bands * p.rows <= 128
    assert p.probability(min(threshold + 0.2, 0.99)) > 0.9
    assert p.probability(max(threshold - 0.25, 0.01)) < 0.3


def _reference_lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """The optimisation spelled out: every (bands, rows), each error integrated on 51 points."""
    best = None
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):

            def p(s: float, b: int = bands, r: int = rows) -> float:
                return 1.0 - (1.0 - s**r) ** b

            def area(f, a: float, z: float) -> float:  # type: ignore[no-untyped-def]
                xs = [a + (z - a) * i / 50 for i in range(51)]
                return sum((f(x0) + f(x1)) * (x1 - x0) / 2 for x0, x1 in pairwise(xs))

            err = 0.3 * area(p, 0.0, threshold) + 0.7 * area(lambda s, p=p: 1.0 - p(s), threshold, 1.0)
            if best is None or err < best[0]:
                best = (err, bands, rows)
    assert best is not None
    return best[1], best[2]


@pytest.mark.parametrize(("threshold", "num_perm"), [(0.1, 64), (0.35, 128), (0.5, 128), (0.72, 256), (0.9, 32)])
def test_lsh_params_minimise_the_weighted_error(threshold, num_perm):
    p = lsh_params(threshold, num_perm)
    assert (p.bands, p.rows) == _reference_lsh_params(threshold, num_perm)


def _cites(text: str) -> set[tuple[str, str]]:
    doc = Document(id="x", doc="x.txt", path="x.txt", raw_text=text, text=text)
    return {(c.kind, c.outlet) for c in find_citations(doc)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Losses rose, according to the Washington Post.", ("according_to", "The Washington Post")),
        ("Newsweek writes that the front moved.", ("writes", "Newsweek")),
        ("The general told Kyiv Post on Monday.", ("told", "Kyiv Post")),
        ("The deal is off, per a report from BBC.", ("per_report", "BBC")),
        ("The plan changed, citing people familiar with the matter.", ("citing", "unnamed sources")),
        ("The ministry said on its Telegram channel that it had won.", ("channel", "Telegram")),
    ],
)
def test_citation_cues(text, expected):
    assert expected in _cites(text)


def test_not_citations():
    assert _cites("He told reporters, according to John Smith, that Parliament told Council.") == set()


def test_provenance_lines_become_citations():
    from headwater.clean import clean_document

    raw = "Body text of the article goes here and it is long enough.\n\nBased on materials: ZN.ua"
    c = clean_document(raw)
    doc = Document(
        id=c.id,
        doc="z.txt",
        path="z.txt",
        raw_text=raw,
        text=c.text,
        removed=c.removed,
        outlet=c.outlet,
        credited_source=c.credited_source,
    )
    assert ("based_on", "ZN.ua") in {(x.kind, x.outlet) for x in find_citations(doc)}


def test_function_word_ngrams_do_not_seed_alignments():
    from headwater.reuse.tokens import ngram_hashes, seed_ngram_hashes, tokenize

    words = tokenize("and that it was not the harbour master who said so").hashes
    seeds = seed_ngram_hashes(words, 5, 2)
    plain = ngram_hashes(words, 5)
    assert len(seeds) == len(plain)
    assert seeds[0] == 0  # "and that it was not": function words only
    assert seeds[-1] == plain[-1] != 0  # "harbour master who said so": two content words
