"""The DuckDB store: the one place with SQL.

One writer at a time (DuckDB takes a file lock). The schema is versioned: each file in
``migrations/`` is applied once, in order, inside a transaction, and recorded in
``schema_version``. Domain modules (``store.articles``, ``store.attributions``, ...)
hold the queries for their tables.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from headwater.errors import ConfigError, StoreError, StoreLocked

if TYPE_CHECKING:
    import duckdb

_MIGRATION = re.compile(r"^(\d{3})_[\w-]+\.sql$")

# A list of strings as one query parameter: ``WHERE id IN (SELECT {STRINGS})`` with
# ``[strings(ids)]``. DuckDB 1.5 converts a Python list parameter element by element and tries to
# import pandas for each (two failed imports per element when pandas is not installed: ~0.1 s a
# thousand ids); a JSON string is converted in C. Any string round-trips.
STRINGS = "unnest(from_json(?, '[\"VARCHAR\"]'))"


def strings(values: Iterable[str]) -> str:
    return json.dumps(list(values))


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every shipped migration, in order."""
    folder = resources.files("headwater.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        m = _MIGRATION.match(entry.name)
        if m:
            found.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


# A DuckDB database file carries these bytes at offset 8 (after the header checksum).
DUCKDB_MAGIC = b"DUCK"


def check_store_path(path: str) -> None:
    """Refuse, before DuckDB sees it, a path that cannot be a store: a folder, a file under a regular
    file, a folder we cannot write to (ConfigError, exit 2), or an existing file that is not a DuckDB
    database (StoreError; DuckDB would try to load an extension for it, over the network for an SQLite
    file)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        shown = path.encode("utf-8", "replace").decode("utf-8")
        raise ConfigError(f"{shown}: DuckDB needs a database path that is valid UTF-8; rename it") from None
    p = Path(path)
    parent = p.parent
    for folder in (parent, *parent.parents):
        if folder.exists():
            if not folder.is_dir():
                raise ConfigError(f"{path}: cannot create the database: {folder} is a file, not a folder")
            break
    if p.is_dir():
        raise ConfigError(f"{path}: is a folder; give a database file with --db PATH")
    if p.exists():
        if not p.is_file():
            raise ConfigError(f"{path}: not a regular file, so not a headwater database")
        try:
            with p.open("rb") as fh:
                head = fh.read(16)
        except OSError as exc:
            raise StoreError(f"{path}: cannot read the database: {exc.strerror or exc}") from exc
        if head and head[8:12] != DUCKDB_MAGIC:
            kind = "an SQLite database" if head.startswith(b"SQLite format") else "not a DuckDB database"
            raise StoreError(f"{path}: {kind}, so not a headwater store; give another file with --db PATH")
        return
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot create the database folder: {exc.strerror or exc}") from exc
    try:  # os.access says yes to root on a read-only file system: try it
        with tempfile.TemporaryFile(dir=parent):
            pass
    except OSError as exc:
        raise ConfigError(f"{path}: cannot create the database in {parent}: {exc.strerror or exc}") from None


class Store:
    """An open DuckDB store. Use ``Store.open(path)`` or as a context manager."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self.con = con
        self.path = path

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False) -> Store:
        import duckdb

        path = str(path)
        if path != ":memory:":
            if read_only and not Path(path).exists():
                raise StoreError(f"{path}: no such database. Run `headwater ingest PATH --db {path}` first.")
            check_store_path(path)  # creates the folder of a new store; a read-only open creates nothing
        if read_only and path != ":memory:":
            cls._migrate_file(path)
        try:
            con = duckdb.connect(path, read_only=read_only, config={"python_enable_replacements": False})
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreLocked(path, str(exc).splitlines()[0]) from exc
            raise StoreError(f"{path}: cannot open database: {exc}") from exc
        except duckdb.Error as exc:
            raise StoreError(f"{path}: not a headwater database ({exc})") from exc
        store = cls(con, path)
        if not read_only:
            store.migrate()
        return store

    @classmethod
    def _migrate_file(cls, path: str) -> None:
        """Bring an older database up to date before opening it read-only."""
        import duckdb

        try:
            con = duckdb.connect(path, read_only=True)
        except duckdb.Error:
            return  # locked or unreadable: the read-only open below reports it
        try:
            tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
            current: set[int] = set()
            if "schema_version" in tables:
                current = {r[0] for r in con.execute("SELECT version FROM schema_version").fetchall()}
        finally:
            con.close()
        if current != {m[0] for m in migrations()}:
            cls.open(path).close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    @property
    def version(self) -> int:
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR, "
            "applied_at TIMESTAMP DEFAULT current_timestamp)"
        )
        row = self.con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
        return int(row[0]) if row else 0

    def migrate(self) -> list[str]:
        """Apply every migration not yet recorded (not only those above the highest); return their names."""
        self.version  # noqa: B018 - creates schema_version when missing
        done = {r[0] for r in self.con.execute("SELECT version FROM schema_version").fetchall()}
        applied = []
        for version, name, sql in migrations():
            if version in done:
                continue
            with self.transaction():
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)", [version, name])
            applied.append(name)
        if applied:
            # Schema changes go to the database file now, not the write-ahead log: DuckDB 1.5.5 can fail
            # to replay some DDL from the WAL after a crash ("GetDefaultDatabase with no default database").
            self.con.execute("CHECKPOINT")
        return applied

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        else:
            self.con.execute("COMMIT")

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
