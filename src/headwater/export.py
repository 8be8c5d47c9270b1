"""Exports: every table the user can take away, in JSONL, CSV or Parquet.

A domain module registers a row iterator with ``@exporter("name", schema)``; rows are plain
JSON-able dicts (nested dicts allowed). The schema declares each column's type, so the columns
and their types are the same whatever the data: CSV writes the schema's columns (nested records
as dotted columns, lists as JSON text), Parquet the schema's types (nested records as structs).
Dates stay text (``published`` is always VARCHAR: an ISO 8601 date or datetime as the input gave
it), never a DATE in one export and a VARCHAR in the next.
"""

from __future__ import annotations

import csv
import importlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Union

from headwater.atomic import atomic_open, atomic_path
from headwater.errors import HeadwaterError, UsageError

Exporter = Callable[..., Iterator[dict[str, Any]]]
# A column's type: a DuckDB scalar type name ("VARCHAR", "INTEGER", "DOUBLE", "BOOLEAN", "JSON",
# "VARCHAR[]"), a nested record (a Schema: a STRUCT) or a one-element list [type] (a list of it).
ColumnType = Union[str, "Schema", list[Any]]
Schema = tuple[tuple[str, ColumnType], ...]
EXPORTERS: dict[str, Exporter] = {}
SCHEMAS: dict[str, Schema] = {}
FORMATS = ("jsonl", "csv", "parquet")

SPAN: Schema = (
    ("text", "VARCHAR"),
    ("start", "INTEGER"),
    ("end", "INTEGER"),
    ("raw_start", "INTEGER"),
    ("raw_end", "INTEGER"),
)

# Modules that register exporters; imported on first use so the CLI starts fast.
_PROVIDERS = (
    "headwater.store.articles",
    "headwater.store.attributions",
    "headwater.store.reuse",
    "headwater.views.claims",
    "headwater.api",
)


def exporter(name: str, schema: Schema) -> Callable[[Exporter], Exporter]:
    def register(fn: Exporter) -> Exporter:
        EXPORTERS[name] = fn
        SCHEMAS[name] = schema
        return fn

    return register


def available() -> dict[str, Exporter]:
    for module in _PROVIDERS:
        importlib.import_module(module)
    return EXPORTERS


def duckdb_type(t: ColumnType) -> str:
    if isinstance(t, str):
        return t
    if isinstance(t, list):
        return duckdb_type(t[0]) + "[]"
    return "STRUCT(" + ", ".join(f'"{n}" {duckdb_type(c)}' for n, c in t) + ")"


def csv_columns(schema: Schema, prefix: str = "") -> list[str]:
    out: list[str] = []
    for name, t in schema:
        if isinstance(t, tuple):
            out.extend(csv_columns(t, f"{prefix}{name}."))
        else:
            out.append(prefix + name)
    return out


def _flatten(row: dict[str, Any] | None, schema: Schema, prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    row = row or {}
    for name, t in schema:
        value = row.get(name)
        if isinstance(t, tuple):
            out.update(_flatten(value, t, f"{prefix}{name}."))
        elif isinstance(value, (list, tuple, dict)):
            out[prefix + name] = json.dumps(value, ensure_ascii=False)
        else:
            out[prefix + name] = value
    return out


def write_rows(rows: Iterable[dict[str, Any]], fmt: str, out: str | Path | None, schema: Schema) -> int:
    """Write rows to ``out`` (stdout when None) with the columns of ``schema``; return how many were written."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format '{fmt}': choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if out is None:
            raise UsageError("parquet is binary: give a file with -o FILE")
        return _write_parquet(rows, Path(out), schema)
    if not out:
        return _write_jsonl(rows, sys.stdout) if fmt == "jsonl" else _write_csv(rows, sys.stdout, schema)
    # Written to a temporary file beside ``out`` and renamed: a kill never leaves half an export.
    with atomic_open(out, newline="") as stream:
        return _write_jsonl(rows, stream) if fmt == "jsonl" else _write_csv(rows, stream, schema)


def _write_jsonl(rows: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    n = 0
    for row in rows:
        stream.write(json_text(json.dumps(row, ensure_ascii=False, default=str)) + "\n")
        n += 1
    return n


def _write_csv(rows: Iterable[dict[str, Any]], stream: IO[str], schema: Schema) -> int:
    writer = csv.DictWriter(stream, fieldnames=csv_columns(schema), extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(_flatten(row, schema))
        n += 1
    return n


def _write_parquet(rows: Iterable[dict[str, Any]], out: Path, schema: Schema) -> int:
    import duckdb

    try:
        str(out).encode("utf-8")
    except UnicodeEncodeError:
        shown = str(out).encode("utf-8", "replace").decode("utf-8")
        raise HeadwaterError(f"{shown}: DuckDB writes Parquet only to a path that is valid UTF-8") from None
    fd, tmp = tempfile.mkstemp(suffix=".jsonl")
    columns = "{" + ", ".join(f"'{n}': '{duckdb_type(t)}'" for n, t in schema) + "}"
    names = ", ".join(f'"{n}"' for n, _ in schema)
    try:
        with open(fd, "w", encoding="utf-8") as fh:
            n = _write_jsonl(rows, fh)
        if not out.parent.is_dir():
            raise UsageError(f"cannot write {out}: no such directory {out.parent}")
        con = duckdb.connect()
        try:
            with atomic_path(out) as part:
                if n == 0:
                    empty = ", ".join(f'NULL::{duckdb_type(t)} AS "{c}"' for c, t in schema)
                    con.execute(f"COPY (SELECT {empty} LIMIT 0) TO '{_sql_path(part)}' (FORMAT parquet)")
                else:
                    con.execute(
                        f"COPY (SELECT {names} FROM read_json('{_sql_path(Path(tmp))}', format='newline_delimited', "
                        f"columns={columns}, maximum_object_size=268435456)) TO '{_sql_path(part)}' (FORMAT parquet)"
                    )
        finally:
            con.close()
        return n
    finally:
        os.unlink(tmp)


_C1 = re.compile(r"[\x7f-\x9f]")


def json_text(text: str) -> str:
    """JSON dumped with ``ensure_ascii=False``, with C1 controls written as ``\\u`` escapes (json escapes
    C0 itself): the same JSON, harmless on a terminal."""
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
