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
