"""Queries for reuse edges, reprint groups/origins and citations (issue 4)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from headwater.export import Schema, exporter
from headwater.model import Citation, Passage, ReuseEdge
from headwater.store import STRINGS, Store, strings
from headwater.store.articles import _insert_columns


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    id: str
    doc: str
    published: str | None
    outlet: str | None
    title: str | None
    words: int
    chars: int


def article_meta(store: Store) -> list[ArticleMeta]:
    """Every article's metadata, in ingest order (the stage's article index)."""
    rows = store.con.execute(
        "SELECT id, doc, published, outlet, title, words, length(text) FROM articles ORDER BY ingested_at, doc, id"
    ).fetchall()
    return [ArticleMeta(*r) for r in rows]


def iter_texts(store: Store, ids: list[str], batch: int = 1000) -> Iterator[tuple[str, str]]:
    """(id, cleaned text) for the given ids, in the order given."""
    for i in range(0, len(ids), batch):
        chunk = ids[i : i + batch]
        found = dict(
            store.con.execute(
                f"SELECT id, text FROM articles WHERE id IN (SELECT {STRINGS})", [strings(chunk)]
            ).fetchall()
        )
        for id_ in chunk:
            yield id_, found[id_]


def save(
    store: Store,
    edges: list[tuple[ReuseEdge, str]],
    groups: dict[str, str],
    origins: dict[str, str | None],
    citations: list[Citation],
) -> None:
    """Replace every reuse row (one transaction: the stage is idempotent). Rows go in through one
    NDJSON file per table (``executemany`` costs about half a millisecond a row)."""
    with store.transaction():
        for table in ("reuse_edges", "reuse_groups", "citations"):
            store.con.execute(f"DELETE FROM {table}")
        if edges:
            _insert_columns(
                store,
                "reuse_edges",
                [
                    "source_article",
                    "target_article",
                    "kind",
                    "similarity",
                    "containment",
                    "direction",
                    "label",
                    "passages",
                ],
                [
                    [
                        e.source_article,
                        e.target_article,
                        e.kind,
                        e.similarity,
                        e.containment,
                        e.direction,
                        label,
                        json.dumps([[p.source_start, p.source_end, p.target_start, p.target_end] for p in e.passages]),
                    ]
                    for e, label in edges
                ],
                {"similarity": "DOUBLE", "containment": "DOUBLE"},  # passages: the JSON text as written
            )
        if groups:
            _insert_columns(
                store,
                "reuse_groups",
                ["article_id", "group_id", "origin"],
                [[a, g, origins.get(a)] for a, g in groups.items()],
                {},
            )
        if citations:
            _insert_columns(
                store,
                "citations",
                ["article_id", "doc", "outlet", "surface", "kind", "start_pos", "end_pos"],
                [[c.article_id, c.doc, c.outlet, c.surface, c.kind, c.start, c.end] for c in citations],
                {"start_pos": "INTEGER", "end_pos": "INTEGER"},
            )


def _edge(row: tuple[Any, ...]) -> ReuseEdge:
    source, target, kind, sim, cont, direction, passages = row
    return ReuseEdge(source, target, kind, sim, cont, tuple(Passage(*p) for p in json.loads(passages)), direction)


_EDGE_COLS = "source_article, target_article, kind, similarity, containment, direction, passages"


def load_edges(store: Store) -> list[ReuseEdge]:
    rows = store.con.execute(f"SELECT {_EDGE_COLS} FROM reuse_edges ORDER BY source_article, target_article")
    return [_edge(r) for r in rows.fetchall()]


def load_edge_labels(store: Store) -> dict[tuple[str, str], str]:
    rows = store.con.execute("SELECT source_article, target_article, label FROM reuse_edges").fetchall()
    return {(r[0], r[1]): r[2] for r in rows}


def load_groups(store: Store) -> dict[str, str]:
    """article id -> reprint group id (every article has one; a lone article is its own group)."""
    return dict(store.con.execute("SELECT article_id, group_id FROM reuse_groups ORDER BY article_id").fetchall())


def load_origins(store: Store) -> dict[str, str | None]:
    """article id -> origin article id of its group (None: undetermined)."""
    return dict(store.con.execute("SELECT article_id, origin FROM reuse_groups ORDER BY article_id").fetchall())


def load_citations(store: Store, ids: Iterable[str] | None = None) -> list[Citation]:
    sql = "SELECT article_id, doc, outlet, surface, kind, start_pos, end_pos FROM citations"
    params: list[Any] = []
    if ids is not None:
        sql += f" WHERE article_id IN (SELECT {STRINGS})"
        params.append(strings(ids))
    rows = store.con.execute(sql + " ORDER BY article_id, coalesce(start_pos, -1), outlet", params).fetchall()
    return [Citation(*r) for r in rows]


def docs_by_id(store: Store) -> dict[str, tuple[str, str | None, str | None, str | None]]:
    """article id -> (doc, title, outlet, published)."""
    rows = store.con.execute("SELECT id, doc, title, outlet, published FROM articles").fetchall()
    return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}


REUSE_SCHEMA: Schema = (
    *(
        (c, "VARCHAR")
        for c in ("source_article", "target_article", "source_doc", "target_doc", "kind", "label", "direction")
    ),
    ("similarity", "DOUBLE"),
    ("containment", "DOUBLE"),
    ("passages", [tuple((c, "INTEGER") for c in ("source_start", "source_end", "target_start", "target_end"))]),
)


@exporter("reuse", REUSE_SCHEMA)
def export_reuse(store: Store) -> Iterator[dict[str, Any]]:
    """Reuse edges; ``source_article`` is the earlier (or cited) side, ``direction`` says how that was
    decided (published, citation, source_line) or ``undetermined``; ``label`` names the copy."""
    cur = store.con.execute(
        "SELECT e.source_article, e.target_article, s.doc, t.doc, e.kind, e.similarity, e.containment, e.passages, "
        "e.label, e.direction "
        "FROM reuse_edges e JOIN articles s ON s.id = e.source_article JOIN articles t ON t.id = e.target_article "
        "ORDER BY s.doc, t.doc, e.source_article, e.target_article"
    )
    while rows := cur.fetchmany(500):
        for src, tgt, sdoc, tdoc, kind, sim, cont, passages, label, direction in rows:
            yield {
                "source_article": src,
                "target_article": tgt,
                "source_doc": sdoc,
                "target_doc": tdoc,
                "kind": kind,
                "label": label,
                "direction": direction,
                "similarity": sim,
                "containment": cont,
                "passages": [
                    {"source_start": p[0], "source_end": p[1], "target_start": p[2], "target_end": p[3]}
                    for p in json.loads(passages)
                ],
            }


CITATIONS_SCHEMA: Schema = (
    *((c, "VARCHAR") for c in ("article_id", "doc", "outlet", "surface", "kind")),
    ("start", "INTEGER"),
    ("end", "INTEGER"),
)


@exporter("citations", CITATIONS_SCHEMA)
def export_citations(store: Store) -> Iterator[dict[str, Any]]:
    cur = store.con.execute(
        "SELECT article_id, doc, outlet, surface, kind, start_pos, end_pos FROM citations "
        "ORDER BY doc, coalesce(start_pos, -1), outlet"
    )
    while rows := cur.fetchmany(500):
        for r in rows:
            yield {
                "article_id": r[0],
                "doc": r[1],
                "outlet": r[2],
                "surface": r[3],
                "kind": r[4],
                "start": r[5],
                "end": r[6],
            }
