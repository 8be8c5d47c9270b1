"""Reuse stage on texts written here: exact, near-duplicate, trimmed, partial, boilerplate, direction, idempotency."""

from __future__ import annotations

import random

import pytest

from headwater.clean import clean_document
from headwater.config import load_config
from headwater.exec.reuse import run_reuse
from headwater.model import Document
from headwater.store import articles
from headwater.store import reuse as db

_WORDS = [
    "river",
    "bridge",
    "council",
    "harvest",
    "winter",
    "ferry",
    "mayor",
    "budget",
    "school",
    "harbour",
    "mill",
    "storm",
    "lantern",
    "orchard",
    "valley",
    "tunnel",
    "railway",
    "clinic",
    "market",
    "quarry",
    "meadow",
    "garrison",
    "archive",
    "beacon",
    "festival",
    "granary",
    "canal",
    "reservoir",
    "pier",
    "foundry",
    "tavern",
    "chapel",
    "vineyard",
    "barracks",
    "observatory",
    "lighthouse",
    "citadel",
    "monastery",
    "workshop",
    "warehouse",
]


def _paragraphs(seed: int, n: int = 8) -> list[str]:
    rng = random.Random(seed)
    paras = []
    for _ in range(n):
        sents = [" ".join(rng.choice(_WORDS) for _ in range(rng.randint(10, 18))).capitalize() + "." for _ in range(3)]
        paras.append(" ".join(sents))
    return paras


def _add(store, name: str, paras: list[str], published: str | None = None, extra: str = "") -> str:
    raw = "\n\n".join(paras) + extra
    c = clean_document(raw)
    doc = Document(
        id=c.id,
        doc=name,
        path=name,
        raw_text=raw,
        text=c.text,
        title=None,
        outlet=c.outlet,
        credited_source=c.credited_source,
        published=published,
        removed=c.removed,
        offsets=c.offsets,
    )
    articles.insert(store, [doc], [(c.line_hashes, c.sentence_hashes, ())])
    return c.id


@pytest.fixture()
def cfg():
    return load_config()


def _edges(store):
    return {frozenset((e.source_article, e.target_article)): e for e in db.load_edges(store)}


def test_exact_near_trimmed_and_unrelated(store, cfg):
    src = _paragraphs(1)
    a = _add(store, "a.txt", src, "2024-01-01")
    b = _add(store, "b.txt", [p.replace(".", "!") for p in src], "2024-01-02")  # same words: exact copy
    edited = [p.replace(p.split()[3], "zeppelin", 1) for p in src]
    c = _add(store, "c.txt", edited, "2024-01-03")  # near-duplicate
    d = _add(store, "d.txt", src[:5], "2024-01-04")  # trimmed
    e = _add(store, "e.txt", _paragraphs(99), "2024-01-01")  # unrelated
    run_reuse(store, cfg)
    edges = _edges(store)
    assert edges[frozenset((a, b))].kind == "exact"
    assert edges[frozenset((a, c))].kind == "near_duplicate"
    trimmed = edges[frozenset((a, d))]
    assert trimmed.kind == "near_duplicate" and trimmed.containment >= 0.95 and trimmed.similarity < 0.8
    assert db.load_edge_labels(store)[(a, d)] == "trimmed reprint"
    assert not any(e in pair for pair in edges)
    groups, origins = db.load_groups(store), db.load_origins(store)
    assert groups[a] == groups[b] == groups[c] == groups[d] != groups[e]
    assert origins[b] == origins[c] == origins[d] == a and origins[e] == e


def test_partial_passage_offsets(store, cfg):
    src = _paragraphs(2)
    host = _paragraphs(3)
    target_paras = host[:3] + src[4:6] + host[3:]
    s = _add(store, "s.txt", src, "2024-02-01")
    t = _add(store, "t.txt", target_paras, "2024-02-05")
    run_reuse(store, cfg)
    (edge,) = db.load_edges(store)
    assert edge.kind == "partial" and (edge.source_article, edge.target_article) == (s, t)
    assert edge.direction == "published"
    (p,) = edge.passages
    s_text = articles.get(store, s).text
    t_text = articles.get(store, t).text
    block = src[4] + "\n\n" + src[5]
    assert s_text[p.source_start : p.source_end] == block
    assert t_text[p.target_start : p.target_end] == block


def test_boilerplate_only_overlap_gives_no_edge(store, cfg):
    banner = ["Get the Riverside Morning Briefing every day", "Sign up now for our newsletter and never miss a story"]
    _add(store, "x.txt", banner + _paragraphs(4))
    _add(store, "y.txt", _paragraphs(5) + banner)
    run_reuse(store, cfg)
    assert db.load_edges(store) == []


def test_direction_by_source_line(store, cfg):
    src = _paragraphs(6)
    a = _add(store, "orig.txt", src, extra="\n\n© 2024 Northgate Wire. All rights reserved.")
    b = _add(store, "copy.txt", src[:6], extra="\n\nSource: Northgate Wire")
    run_reuse(store, cfg)
    (edge,) = db.load_edges(store)
    assert (edge.source_article, edge.target_article) == (a, b)
    assert edge.direction == "source_line"
    assert db.load_origins(store)[b] == a


def test_undetermined_without_dates_or_citations(store, cfg):
    src = _paragraphs(7)
    _add(store, "p.txt", src)
    _add(store, "q.txt", src[:6])
    run_reuse(store, cfg)
    (edge,) = db.load_edges(store)
    assert edge.direction == "undetermined"
    assert set(db.load_origins(store).values()) == {None}


def test_idempotent_through_the_store(store, cfg):
    src = _paragraphs(8)
    _add(store, "a.txt", src, "2024-01-01")
    _add(store, "b.txt", src[:6], "2024-01-02")
    _add(store, "c.txt", _paragraphs(9)[:3] + src[2:4], "2024-01-03", extra="\n\nSource: Northgate Wire")
    first = run_reuse(store, cfg)
    rows = (db.load_edges(store), db.load_groups(store), db.load_origins(store), db.load_citations(store))
    second = run_reuse(store, cfg)
    assert (db.load_edges(store), db.load_groups(store), db.load_origins(store), db.load_citations(store)) == rows
    assert (
        first.near_duplicate == second.near_duplicate == 1 and first.partial == second.partial == 2
    )  # c shares a passage with a and b


def test_exporters(store, cfg):
    from headwater.export import available

    src = _paragraphs(10)
    _add(store, "a.txt", src, "2024-01-01")
    _add(store, "b.txt", src[:6], "2024-01-02", extra="\n\nSource: Northgate Wire")
    run_reuse(store, cfg)
    (row,) = list(available()["reuse"](store))
    assert set(row) == {
        "source_article",
        "target_article",
        "source_doc",
        "target_doc",
        "kind",
        "similarity",
        "containment",
        "passages",
        "label",
        "direction",
    }
    assert row["source_doc"] == "a.txt" and row["target_doc"] == "b.txt"
    assert set(row["passages"][0]) == {"source_start", "source_end", "target_start", "target_end"}
    cites = list(available()["citations"](store))
    assert cites[0]["outlet"] == "Northgate Wire" and cites[0]["kind"] == "source_line"


def test_example_corpus_rewrites_and_translations_join_the_reprint_group(tmp_path):
    """01's verbatim, trimmed, rewritten and machine-translated copies are one group with 01 as origin."""
    from conftest import EXAMPLES
    from headwater.config import load_config
    from headwater.pipeline import ingest_paths
    from headwater.store import Store
    from headwater.store import articles as A
    from headwater.store.reuse import load_groups, load_origins

    cfg = load_config(cwd=tmp_path)
    with Store.open(tmp_path / "ex.duckdb") as s:
        ingest_paths(s, cfg, [EXAMPLES])
        run_reuse(s, cfg)
        doc_of = {d.id: d.doc for d in A.iter_documents(s)}
        groups, origins = load_groups(s), load_origins(s)
    by_doc = {doc_of[a]: g for a, g in groups.items()}
    group = {d for d, g in by_doc.items() if g == by_doc["01_northgate_wire_original.txt"]}
    assert {d[:3] for d in group} == {"01_", "02_", "03_", "04_", "05_"}
    assert {doc_of[origins[a]] for a in groups if doc_of[a] in group} == {"01_northgate_wire_original.txt"}
    assert by_doc["06_meridian_post_sources.html"] not in {by_doc[d] for d in group}
