"""Queries for attributions: replace an article's set, find articles still to extract, load and export."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from headwater.export import SPAN, Schema, exporter
from headwater.model import Attribution, Proposition, Span, Speaker
from headwater.store import STRINGS, Store, bulk, quantities, strings

_SPAN = ("text", "start", "end", "raw_start", "raw_end")
_COLUMNS = (
    ["article_id", "doc", "kind", "stance"]
    + [f"content_{f}" for f in _SPAN]
    + [f"cue_{f}" for f in _SPAN]
    + [f"speaker_{f}" for f in _SPAN]
    + ["speaker_resolved", "speaker_type", "speaker_side", "speaker_role", "via", "proposition"]
)


def pending(store: Store, model: str | None = None, force: bool = False) -> list[str]:
    """Articles to extract, in ingest order: those whose current text has not been through extraction
    yet, those extracted with another pipeline than ``model`` (when given), or every one with ``force``."""
    where = "TRUE" if force else "r.text_hash IS NULL OR r.text_hash <> a.text_hash OR coalesce(r.model <> ?, FALSE)"
    rows = store.con.execute(
        f"SELECT a.id FROM articles a LEFT JOIN attribution_runs r ON r.article_id = a.id "
        f"WHERE {where} ORDER BY a.ingested_at, a.doc, a.id",
        [] if force else [model],
    ).fetchall()
    return [r[0] for r in rows]


def languages(store: Store) -> list[tuple[str, str | None, int]]:
    """(id, language, words) of every article: which ones extraction reads (``lang.analysed``)."""
    return store.con.execute("SELECT id, language, words FROM articles").fetchall()


def _span_values(span: Span | None) -> list[Any]:
    if span is None:
        return [None] * 5
    return [span.text, span.start, span.end, span.raw_start, span.raw_end]


def _row(att: Attribution, text_hash: str, seq: int) -> list[Any]:
    sp = att.speaker
    speaker = (
        [None] * 9
        if sp is None
        else [sp.text, sp.start, sp.end, sp.raw_start, sp.raw_end, sp.resolved, sp.type, sp.side, sp.role]
    )
    p = att.proposition
    prop = None if p is None else {f: getattr(p, f) for f in Proposition.__slots__}
    return [
        att.article_id,
        text_hash,
        seq,
        att.doc,
        att.kind,
        att.stance,
        *_span_values(att.content),
        *_span_values(att.cue),
        *speaker,
        att.via,
        prop,
    ]


_INSERT_COLUMNS = ["article_id", "text_hash", "seq", "doc", "kind", "stance", *_COLUMNS[4:]]

# One attribution as a record of a columnar file (the Spark extract job's Parquet, read by ``load_parquet``):
# the table's columns but text_hash (the article's, on its row), with their types; the proposition as JSON text.
_SPAN_TYPES = ("VARCHAR", "INTEGER", "INTEGER", "INTEGER", "INTEGER")
RECORD: tuple[tuple[str, str], ...] = tuple(
    zip(
        ["article_id", *_INSERT_COLUMNS[2:]],
        ["VARCHAR", "INTEGER", "VARCHAR", "VARCHAR", "VARCHAR", *_SPAN_TYPES * 3, *["VARCHAR"] * 5, "JSON"],
        strict=True,
    )
)


def record(att: Attribution, seq: int) -> tuple[Any, ...]:
    """``att`` as a ``RECORD``: the values ``replace_many`` stores, the proposition as JSON text."""
    row = _row(att, "", seq)
    del row[1]  # text_hash: the article's
    row[-1] = None if row[-1] is None else json.dumps(row[-1], ensure_ascii=False)
    return tuple(row)


def replace(store: Store, article_id: str, text_hash: str, atts: list[Attribution], model: str | None = None) -> int:
    """Replace the stored attributions of one article (call inside a transaction)."""
    return replace_many(store, [(article_id, text_hash, atts)], model)


def replace_many(store: Store, extracted: list[tuple[str, str, list[Attribution]]], model: str | None = None) -> int:
    """Replace the stored attributions of several articles, (article id, text hash, attributions)
    each, in one bulk insert (call inside a transaction); return how many were written."""
    if not extracted:
        return 0
    ids = [article_id for article_id, _, _ in extracted]
    marks = ", ".join("?" * len(ids))
    store.con.execute(f"DELETE FROM attributions WHERE article_id IN ({marks})", ids)
    store.con.execute(f"DELETE FROM attribution_runs WHERE article_id IN ({marks})", ids)
    quantities.forget(store, ids)  # derived from the attributions replaced: the extract stage writes them anew
    rows = [_row(a, text_hash, i) for _, text_hash, atts in extracted for i, a in enumerate(atts)]
    bulk.insert(store, "attributions", rows, _INSERT_COLUMNS)
    bulk.insert(
        store,
        "attribution_runs",
        [(aid, th, model, len(atts)) for aid, th, atts in extracted],
        ["article_id", "text_hash", "model", "n"],
    )
    return len(rows)


def load_parquet(store: Store, files: Sequence[str], model: str | None = None) -> int:
    """``replace_many`` from Parquet ``files`` holding one row per article: ``rank`` (the order to store in),
    ``id``, ``text_hash`` and ``attributions`` (a list of ``RECORD``s, in order); the same
    rows, inserted by DuckDB reading the files (call inside a transaction). Return how many were written."""
    if not files:
        return 0
    source = f"read_parquet({bulk.sql_list(files)})"
    ids = [r[0] for r in store.con.execute(f"SELECT id FROM {source} ORDER BY rank").fetchall()]
    if not ids:
        return 0
    for t in ("attributions", "attribution_runs"):
        store.con.execute(f"DELETE FROM {t} WHERE article_id IN (SELECT {STRINGS})", [strings(ids)])
    quantities.forget(store, ids)  # derived from the attributions replaced: the extract stage writes them anew
    before = count(store)
    columns = [c for c, _ in RECORD]
    bulk.insert_nested(
        store, "attributions", files, "attributions", columns, {"text_hash": "text_hash"}, ["rank", "seq"]
    )
    store.con.execute(
        f"INSERT INTO attribution_runs (article_id, text_hash, model, n) SELECT id, text_hash, ?, len(attributions) FROM {source} "
        "ORDER BY rank",
        [model],
    )
    return count(store) - before


def _select(article_id: str | None, ids: Sequence[str] | None = None) -> tuple[str, list[Any]]:
    where, params = "", []
    if article_id is not None:
        where, params = "WHERE t.article_id = ?", [article_id]
    elif ids is not None:
        where, params = f"WHERE t.article_id IN (SELECT {STRINGS})", [strings(ids)]
    sql = (
        f"SELECT {', '.join('t.' + c for c in _COLUMNS)} FROM attributions t "
        f"JOIN articles a ON a.id = t.article_id AND a.text_hash = t.text_hash {where} ORDER BY t.doc, t.article_id, t.seq"
    )
    return sql, params


def load_attributions(
    store: Store, article_id: str | None = None, ids: Sequence[str] | None = None
) -> list[Attribution]:
    """Every stored attribution of the current article texts (or of one article, or of the articles ``ids``),
    in order."""
    sql, params = _select(article_id, ids)
    return [_attribution(r) for r in store.con.execute(sql, params).fetchall()]


def _attribution(r: tuple[Any, ...]) -> Attribution:
    """One attribution from a row as fetched (columns in ``_COLUMNS`` order; no dict per row):
    0-3 article_id doc kind stance, 4-8 content, 9-13 cue, 14-18 speaker span, 19-22 speaker
    resolved type side role, 23 via, 24 proposition (JSON)."""
    assert r[5] is not None  # content_start
    speaker = None if r[15] is None else Speaker(*r[14:19], *r[19:23])
    cue = None if r[10] is None else Span(*r[9:14])
    prop = Proposition(**json.loads(r[24])) if r[24] else None
    return Attribution(r[0], r[1], r[2], r[3], Span(*r[4:9]), cue, speaker, r[23], prop)


def count(store: Store) -> int:
    row = store.con.execute("SELECT count(*) FROM attributions").fetchone()
    return int(row[0]) if row else 0


_EXPORTED = ("article_id", "doc", "kind", "stance", "cue", "speaker", "content", "via", "proposition")


def to_json(att: Attribution) -> dict[str, Any]:
    """The export shape: ``Attribution.to_dict`` (the one record -> plain-data converter) in the export's
    key order; ``None`` for a missing span."""
    d = att.to_dict()
    return {k: d[k] for k in _EXPORTED}


ATTRIBUTIONS_SCHEMA: Schema = (
    ("id", "VARCHAR"),
    ("article_id", "VARCHAR"),
    ("doc", "VARCHAR"),
    ("kind", "VARCHAR"),
    ("stance", "VARCHAR"),
    ("cue", SPAN),
    ("speaker", (*SPAN, ("resolved", "VARCHAR"), ("type", "VARCHAR"), ("side", "VARCHAR"), ("role", "VARCHAR"))),
    ("content", SPAN),
    ("via", "VARCHAR"),
    (
        "proposition",
        (
            ("type", "VARCHAR"),
            ("predicate", "VARCHAR"),
            ("agent", "VARCHAR"),
            ("patient", "VARCHAR"),
            ("negated", "BOOLEAN"),
            ("modality", "VARCHAR"),
        ),
    ),
)


@exporter("attributions", ATTRIBUTIONS_SCHEMA)
def export_attributions(store: Store) -> Iterator[dict[str, Any]]:
    """Every attribution with its stable id (``Attribution.id``: article id and content span)."""
    for att in load_attributions(store):
        yield {"id": att.id, **to_json(att)}
