"""Queries for numeric estimates: each article's quantities, written by the extract stage with the text hash
they were extracted from (``quantity_runs``), so an unchanged article is not redone."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from headwater.model import Quantity, Span, plain
from headwater.store import STRINGS, Store, bulk, strings

_COLUMNS = ("article_id", "doc", "quantity", "unit", "value", "low", "high", "qualifier", "span", "speaker", "side")


def pending(store: Store) -> list[str]:
    """Articles whose current text has no quantities extracted yet, in ingest order."""
    rows = store.con.execute(
        "SELECT a.id FROM articles a LEFT JOIN quantity_runs r ON r.article_id = a.id "
        "WHERE r.text_hash IS NULL OR r.text_hash <> a.text_hash ORDER BY a.ingested_at, a.doc, a.id"
    ).fetchall()
    return [r[0] for r in rows]


def forget(store: Store, ids: Sequence[str]) -> None:
    """Drop the quantities of ``ids`` (their attributions changed: call inside a transaction)."""
    if ids:
        for table in ("quantities", "quantity_runs"):
            store.con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT {STRINGS})", [strings(ids)])


def replace_many(store: Store, extracted: Sequence[tuple[str, str, Sequence[Quantity]]]) -> int:
    """Replace the quantities of several articles, (article id, text hash, quantities) each (call inside a
    transaction); return how many were written."""
    if not extracted:
        return 0
    forget(store, [article_id for article_id, _, _ in extracted])
    rows = [_row(q, text_hash, i) for _, text_hash, qs in extracted for i, q in enumerate(qs)]
    bulk.insert(store, "quantities", rows, [*_COLUMNS, "as_of", "text_hash", "seq"])
    bulk.insert(
        store,
        "quantity_runs",
        [(aid, th, len(qs)) for aid, th, qs in extracted],
        ["article_id", "text_hash", "n"],
    )
    return len(rows)


# One quantity as a record of a columnar file (the Spark extract job's Parquet, read by ``load_parquet``): the
# table's columns but text_hash (the article's, on its row), with their types; the span as JSON text.
RECORD: tuple[tuple[str, str], ...] = (
    *zip(_COLUMNS, ["VARCHAR"] * 4 + ["DOUBLE"] * 3 + ["VARCHAR", "JSON", "VARCHAR", "VARCHAR"], strict=True),
    ("as_of", "VARCHAR"),
    ("seq", "INTEGER"),
)


def record(q: Quantity, seq: int) -> tuple[Any, ...]:
    """``q`` as a ``RECORD``: the values ``replace_many`` stores (numbers as floats, the span as JSON text)."""
    row = _row(q, "", seq)
    del row[-2]  # text_hash: the article's
    for i in (4, 5, 6):
        row[i] = None if row[i] is None else float(row[i])
    row[8] = json.dumps(row[8], ensure_ascii=False)
    return tuple(row)


def load_parquet(store: Store, files: Sequence[str]) -> int:
    """``replace_many`` from Parquet ``files`` holding one row per article: ``rank``, ``id``, ``text_hash`` and
    ``quantities`` (a list of ``RECORD``s, in order); the same rows, inserted by DuckDB reading the files (call
    inside a transaction). Return how many were written."""
    if not files:
        return 0
    source = f"read_parquet({bulk.sql_list(files)})"
    ids = [r[0] for r in store.con.execute(f"SELECT id FROM {source} ORDER BY rank").fetchall()]
    forget(store, ids)
    before = _count(store)
    columns = [c for c, _ in RECORD]
    bulk.insert_nested(store, "quantities", files, "quantities", columns, {"text_hash": "text_hash"}, ["rank", "seq"])
    store.con.execute(
        f"INSERT INTO quantity_runs (article_id, text_hash, n) SELECT id, text_hash, len(quantities) FROM {source} "
        "ORDER BY rank"
    )
    return _count(store) - before


def _count(store: Store) -> int:
    row = store.con.execute("SELECT count(*) FROM quantities").fetchone()
    return int(row[0]) if row else 0


def _row(q: Quantity, text_hash: str, seq: int) -> list[Any]:
    return [
        q.article_id,
        q.doc,
        q.quantity,
        q.unit,
        q.value,
        q.low,
        q.high,
        q.qualifier,
        plain(q.span),
        q.speaker,
        q.side,
        q.as_of,
        text_hash,
        seq,
    ]


def load_quantities(store: Store) -> list[Quantity]:
    """The quantities of every article's current text, by quantity, file and position."""
    rows = store.con.execute(
        f"SELECT {', '.join('q.' + c for c in _COLUMNS)}, q.as_of FROM quantities q "
        "JOIN articles a ON a.id = q.article_id AND a.text_hash = q.text_hash "
        "ORDER BY q.quantity, q.doc, json_extract(q.span, '$.start')::INTEGER, a.ingested_at, a.id, q.seq"
    ).fetchall()
    return [
        Quantity(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], Span(**json.loads(r[8])), r[9], r[10], r[11])
        for r in rows
    ]
