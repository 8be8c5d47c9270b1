"""A private, refreshable copy of the store that ``headwater serve`` reads.

The source file is never opened by DuckDB here, so the server never holds its lock: a
``headwater run`` on the same store can start at any time. The copy is taken only when no writer
holds the source's lock (asked with ``F_GETLK``, which takes no lock) and kept only when the file's
size and mtime did not change while it was copied. On the copy (our own file) the app builds
``web_claims`` (one row per claim with what the index and the filters need), ``web_claim_articles``
and a DuckDB full-text index (the ``fts`` extension from the pinned ``duckdb-extension-fts``
package, loaded from disk; without it search falls back to ILIKE).
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import os
import shutil
import struct
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from headwater.errors import StoreError
from headwater.store import Store

_FLOCK = "hhqqi4x"  # struct flock on 64-bit Linux: l_type, l_whence, l_start, l_len, l_pid


def writer_active(path: Path) -> bool:
    """Whether another process holds a write lock on ``path`` (DuckDB's writer); takes no lock."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        asked = struct.pack(_FLOCK, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, asked)
        return struct.unpack(_FLOCK, answer)[0] == fcntl.F_WRLCK
    except OSError:
        return False
    finally:
        os.close(fd)


def _stamp(path: Path) -> tuple[int, int, int]:
    """(mtime, size, WAL mtime) of the store file: what changes when a run writes."""
    st = path.stat()
    wal = Path(str(path) + ".wal")
    return st.st_mtime_ns, st.st_size, wal.stat().st_mtime_ns if wal.exists() else 0


def fts_extension() -> str | None:
    """Path of the fts extension shipped by the duckdb-extension-fts package (None if absent)."""
    try:
        import duckdb_extension_fts
    except ImportError:
        return None
    found = glob.glob(os.path.join(os.path.dirname(duckdb_extension_fts.__file__), "extensions", "*", "fts.*"))
    return found[0] if found else None


@dataclass
class Snapshot:
    store: Store
    stamp: tuple[int, int, int]
    fts: bool
    taken_at: float
    cache: dict[str, Any]

    def cursor(self) -> Store:
        """A store over a new cursor of the snapshot's connection (one per request thread)."""
        return Store(self.store.con.cursor(), self.store.path)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.store.close()
        shutil.rmtree(Path(self.store.path).parent, ignore_errors=True)


def take(source: Path, folder: Path) -> Snapshot | None:
    """Copy ``source`` into ``folder`` and prepare it; None while a writer holds the source."""
    if writer_active(source):
        return None
    before = _stamp(source)
    dest = Path(tempfile.mkdtemp(dir=folder)) / "snapshot.duckdb"
    shutil.copyfile(source, dest)
    wal = Path(str(source) + ".wal")
    if wal.exists():
        shutil.copyfile(wal, str(dest) + ".wal")
    if _stamp(source) != before or writer_active(source):
        shutil.rmtree(dest.parent, ignore_errors=True)
        return None
    try:
        store = Store.open(dest)
    except StoreError as exc:
        shutil.rmtree(dest.parent, ignore_errors=True)
        raise StoreError(f"{source}: not a DuckDB database that headwater can read") from exc
    fts = prepare(store)
    return Snapshot(store, before, fts, time.time(), {})


def _columns(store: Store, table: str) -> set[str]:
    return {r[0] for r in store.con.execute(f"DESCRIBE {table}").fetchall()}


def prepare(store: Store) -> bool:
    """Build the app's tables on a snapshot; return whether the full-text index is there."""
    con = store.con
    kind = "coalesce(c.type, '')" if "type" in _columns(store, "claims") else "''"
    con.execute("DROP TABLE IF EXISTS web_claim_articles")
    con.execute(
        "CREATE TABLE web_claim_articles AS SELECT DISTINCT c.id AS claim_id, m.article_id FROM claims c, "
        "unnest(json_extract_string(c.members, '$[*].article_id')) AS m(article_id)"
    )
    con.execute("DROP TABLE IF EXISTS web_claims")
    con.execute(f"""
        CREATE TABLE web_claims AS
        WITH arts AS (
            SELECT ca.claim_id, count(*) AS articles,
                   list_sort(list_distinct(list(coalesce(a.outlet, a.credited_source)))) AS outlets,
                   min(left(a.published, 10)) AS first_date, max(left(a.published, 10)) AS last_date
            FROM web_claim_articles ca LEFT JOIN articles a ON a.id = ca.article_id
            GROUP BY ca.claim_id)
        SELECT c.id, c.rank, c.text, {kind} AS type, c.reliability, c.credibility,
               c.independent_origins AS origins, coalesce(arts.articles, 0) AS articles,
               json_array_length(c.members)::INTEGER AS statements, json_array_length(c.denials) > 0 AS denied,
               list_sort(list_distinct(list_filter(json_extract_string(c.origins, '$[*].side'),
                                                   x -> x IS NOT NULL AND x <> 'unknown'))) AS sides,
               c.unattributed, coalesce(arts.outlets, []) AS outlets, arts.first_date, arts.last_date,
               array_to_string(json_extract_string(c.origins, '$[*].speaker'), ' ') AS speakers,
               lower(c.text || ' ' || coalesce(array_to_string(json_extract_string(c.origins, '$[*].speaker'), ' '),
                                               '')) AS haystack,
               NULL::BIGINT AS docid
        FROM claims c LEFT JOIN arts ON arts.claim_id = c.id
        ORDER BY c.rank""")
    con.execute("CREATE INDEX IF NOT EXISTS web_claims_id ON web_claims (id)")
    con.execute("CREATE INDEX IF NOT EXISTS web_claim_articles_article ON web_claim_articles (article_id)")
    ext = fts_extension()
    if ext is None:
        return False
    try:
        con.execute("SET autoinstall_known_extensions = false")
        con.execute(f"LOAD '{ext}'")
        con.execute("PRAGMA create_fts_index('web_claims', 'id', 'text', 'speakers', overwrite = 1)")
    except Exception:  # an extension built for another DuckDB: search falls back to substrings
        return False
    # Postings with their term frequency, sorted by term (a query reads only its terms' blocks),
    # and each claim's fts document id: search scores without touching the per-token table.
    con.execute("DROP TABLE IF EXISTS web_postings")
    con.execute(
        "CREATE TABLE web_postings AS SELECT t.termid, t.docid, count(*)::INTEGER AS tf, any_value(d.len) AS len "
        "FROM fts_main_web_claims.terms t JOIN fts_main_web_claims.docs d ON d.docid = t.docid "
        "GROUP BY t.termid, t.docid ORDER BY t.termid"
    )
    con.execute("UPDATE web_claims SET docid = d.docid FROM fts_main_web_claims.docs d WHERE d.name = web_claims.id")
    con.execute("CHECKPOINT")
    return True


class Snapshots:
    """The current snapshot of ``source``, refreshed in the background when the source changes
    (checked at most every ``interval`` seconds, when a request comes)."""

    def __init__(self, source: Path, interval: float = 1.0) -> None:
        if not source.exists():
            raise StoreError(f"{source}: no such database. Run `headwater run PATH --db {source}` first.")
        self.source = source
        self.interval = interval
        self.folder = Path(tempfile.mkdtemp(prefix="headwater-serve-"))
        self._lock = threading.Lock()
        self._checked = 0.0
        self._building = False
        self._old: list[Snapshot] = []
        try:
            self.current = self._first()
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise

    def _first(self) -> Snapshot:
        for _ in range(600):  # a run in progress: wait for it (up to ten minutes)
            snap = take(self.source, self.folder)
            if snap is not None:
                return snap
            time.sleep(1.0)
        raise StoreError(f"{self.source}: a writer held the store for ten minutes; try again after the run")

    def get(self) -> Snapshot:
        now = time.monotonic()
        if now - self._checked >= self.interval:
            self._checked = now
            self._maybe_refresh()
        return self.current

    def _maybe_refresh(self) -> None:
        try:
            stamp = _stamp(self.source)
        except OSError:
            return
        with self._lock:
            if stamp == self.current.stamp or self._building or writer_active(self.source):
                return
            self._building = True
        threading.Thread(target=self._refresh, daemon=True).start()

    def _refresh(self) -> None:
        try:
            snap = take(self.source, self.folder)
        except Exception:  # a copy caught mid-write: the next request tries again
            snap = None
        with self._lock:
            self._building = False
            if snap is not None:
                for old in self._old:  # the one before last: no request still reads it
                    old.close()
                self._old = [self.current]
                self.current = snap

    def refresh_now(self) -> bool:
        """Refresh in this thread (tests, and after startup); True when a new snapshot was taken."""
        before = self.current
        with self._lock:
            self._building = True
        self._refresh()
        return self.current is not before

    def close(self) -> None:
        for snap in [*self._old, self.current]:
            snap.close()
        shutil.rmtree(self.folder, ignore_errors=True)
