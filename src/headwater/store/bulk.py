"""Bulk inserts through a temporary JSON-lines file that DuckDB reads in one statement.

DuckDB 1.5.5's ``executemany`` tries to import pandas for every value (about 55 µs each when pandas
is absent), so rows go in as NDJSON: one write, one ``INSERT ... SELECT * FROM read_json``.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from headwater.store import Store


def insert(store: Store, table: str, rows: Sequence[Sequence[Any]], columns: Sequence[str] | None = None) -> None:
    """Insert ``rows`` (values in ``columns`` order, every column of the table when None). JSON
    columns take Python objects; the rest plain values."""
    if not rows:
        return
    described = {r[0]: r[1] for r in store.con.execute(f"DESCRIBE {table}").fetchall()}
    names = list(columns) if columns is not None else list(described)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{table}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) + "\n")
        spec = "{" + ", ".join(f"'{n}': '{described[n]}'" for n in names) + "}"
        store.con.execute(
            f"INSERT INTO {table} ({', '.join(names)}) SELECT * FROM read_json(?, "
            f"format = 'newline_delimited', columns = {spec})",
            [str(path)],
        )


def insert_nested(
    store: Store,
    table: str,
    files: Sequence[str],
    records: str,
    columns: Sequence[str],
    parent: dict[str, str],
    order: Sequence[str],
) -> None:
    """Insert into ``table`` the records held in the list column ``records`` of the Parquet ``files`` (one
    statement, DuckDB reading the files itself: no row passes through Python). Each record's fields are named
    as the table's ``columns``; ``parent`` adds columns from the record's row (table column -> Parquet column);
    rows go in by ``order`` (Parquet columns of the row, then record fields). A JSON column travels as JSON
    text and is parsed here (``json()`` writes the minified text ``insert``'s ``read_json`` stores)."""
    if not files:
        return
    types = {r[0]: r[1] for r in store.con.execute(f"DESCRIBE {table}").fetchall()}
    names = [*parent, *columns]
    picked = ", ".join(f"json({n})" if types[n] == "JSON" else n for n in names)
    outer = ", ".join(f"{src} AS {col}" for col, src in parent.items())
    row_keys = [k for k in order if k not in columns]
    inner = ", ".join([outer, *(f"{k} AS __{k}" for k in row_keys)])
    ordered = ", ".join(f"__{k}" if k in row_keys else k for k in order)
    store.con.execute(
        f"INSERT INTO {table} ({', '.join(names)}) SELECT {picked} FROM "
        f"(SELECT {inner}, unnest({records}, recursive := true) FROM read_parquet({sql_list(files)})) "
        f"ORDER BY {ordered}"
    )


def sql_list(files: Sequence[str]) -> str:
    """A list of file names as a SQL literal (``read_parquet`` takes no parameter list from Python cheaply)."""
    return "[" + ", ".join("'" + f.replace("'", "''") + "'" for f in files) + "]"
