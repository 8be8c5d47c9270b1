"""Exports: every table the user can take away, in JSONL, CSV or Parquet.

A domain module registers a row iterator with ``@exporter("name")``; rows are plain
JSON-able dicts (nested dicts allowed: CSV flattens them to dotted columns, Parquet
keeps them as structs).
"""

from __future__ import annotations

import csv
import importlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from headwater.atomic import atomic_open, atomic_path
from headwater.errors import HeadwaterError

Exporter = Callable[..., Iterator[dict[str, Any]]]
EXPORTERS: dict[str, Exporter] = {}
FORMATS = ("jsonl", "csv", "parquet")

# Modules that register exporters; imported on first use so the CLI starts fast.
_PROVIDERS = (
    "headwater.store.articles",
    "headwater.store.attributions",
    "headwater.store.reuse",
    "headwater.store.claims",
)


def exporter(name: str) -> Callable[[Exporter], Exporter]:
    def register(fn: Exporter) -> Exporter:
        EXPORTERS[name] = fn
        return fn

    return register


def available() -> dict[str, Exporter]:
    for module in _PROVIDERS:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
    return EXPORTERS


def _flatten(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, name + "."))
        elif isinstance(value, (list, tuple)):
            out[name] = json.dumps(value, ensure_ascii=False)
        else:
            out[name] = value
    return out


def write_rows(rows: Iterable[dict[str, Any]], fmt: str, out: str | Path | None) -> int:
    """Write rows to ``out`` (stdout when None); return how many were written."""
    if fmt not in FORMATS:
        raise HeadwaterError(f"unknown format '{fmt}': choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if out is None:
            raise HeadwaterError("parquet is binary: give a file with -o FILE")
        return _write_parquet(rows, Path(out))
    write = _write_jsonl if fmt == "jsonl" else _write_csv
    if not out:
        return write(rows, sys.stdout)
    with atomic_open(out, newline="") as stream:
        return write(rows, stream)


def _write_jsonl(rows: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    n = 0
    for row in rows:
        stream.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def _write_csv(rows: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    writer: csv.DictWriter[str] | None = None
    n = 0
    for row in rows:
        flat = _flatten(row)
        if writer is None:
            writer = csv.DictWriter(stream, fieldnames=list(flat), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(flat)
        n += 1
    return n


def _write_parquet(rows: Iterable[dict[str, Any]], out: Path) -> int:
    import duckdb

    try:
        str(out).encode("utf-8")
    except UnicodeEncodeError:
        shown = str(out).encode("utf-8", "replace").decode("utf-8")
        raise HeadwaterError(f"{shown}: DuckDB writes Parquet only to a path that is valid UTF-8") from None
    fd, tmp = tempfile.mkstemp(suffix=".jsonl")
    try:
        with open(fd, "w", encoding="utf-8") as fh:
            n = _write_jsonl(rows, fh)
        con = duckdb.connect()
        try:
            with atomic_path(out) as part:
                if n == 0:
                    con.execute(f"COPY (SELECT NULL::VARCHAR AS empty LIMIT 0) TO '{_sql_path(part)}' (FORMAT parquet)")
                else:
                    con.execute(
                        f"COPY (SELECT * FROM read_json('{_sql_path(Path(tmp))}', format='newline_delimited', "
                        f"sample_size=-1)) TO '{_sql_path(part)}' (FORMAT parquet)"
                    )
        finally:
            con.close()
        return n
    finally:
        os.unlink(tmp)


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
