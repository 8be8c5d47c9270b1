"""Queries for articles, ingest errors and cross-document boilerplate."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from headwater.errors import HeadwaterError
from headwater.export import Schema, exporter
from headwater.model import ArticleSummary, Document, RemovedLine
from headwater.store import STRINGS, Store, strings

# (kept line hashes, the prose subset, cross-document removals applied) of one article
LineHashes = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]

_COLUMNS = (
    "id, doc, path, source_format, title, outlet, credited_source, url, published, language, "
    "raw_text, text, offsets, removed"
)


def text_hash(text: str) -> str:
    from headwater.offsets import text_id

    return text_id(text)


def existing_ids(store: Store, ids: Iterable[str]) -> set[str]:
    ids = list(ids)
    if not ids:
        return set()
    rows = store.con.execute(f"SELECT id FROM articles WHERE id IN (SELECT {STRINGS})", [strings(ids)]).fetchall()
    return {r[0] for r in rows}


def insert(store: Store, docs: list[Document], lines: list[LineHashes] | None = None) -> int:
    """Insert new articles (ids already stored are skipped); return how many were added.

    ``lines`` feeds cross-document boilerplate detection; without it the articles take no part in it.
    """
    known = existing_ids(store, [d.id for d in docs])
    if lines is None:
        lines = [((), (), ())] * len(docs)
    rows = []
    for doc, (hashes, prose, done) in zip(docs, lines, strict=True):
        if doc.id in known:
            continue
        known.add(doc.id)
        rows.append([*_row(doc), text_hash(doc.text), list(hashes), list(prose), list(done), len(doc.text.split())])
    if rows:
        columns = [*_COLUMNS.split(", "), "text_hash", "line_hashes", "sentence_hashes", "crossdoc_applied", "words"]
        types = {
            "line_hashes": "BIGINT[]",
            "sentence_hashes": "BIGINT[]",
            "crossdoc_applied": "BIGINT[]",
            "words": "INTEGER",
            "offsets": "JSON",
            "removed": "JSON",
        }
        _insert_columns(store, "articles", columns, rows, types)
    return len(rows)


def _insert_columns(
    store: Store,
    table: str,
    columns: list[str],
    rows: list[list[Any]],
    types: dict[str, str],
    verb: str = "INSERT INTO",
) -> None:
    """Bulk insert through a temporary NDJSON file: one C++ scan instead of per-value conversion in Python."""
    import os
    import tempfile

    fd, tmp = tempfile.mkstemp(suffix=".ndjson")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False) + "\n")
        spec = ", ".join(f"'{c}': '{types.get(c, 'VARCHAR')}'" for c in columns)
        store.con.execute(
            f"{verb} {table} ({', '.join(columns)}) SELECT {', '.join(columns)} FROM "
            f"read_json(?, format='newline_delimited', columns={{{spec}}}, maximum_object_size=268435456)",
            [tmp],
        )
    finally:
        os.unlink(tmp)


def _row(doc: Document) -> list[Any]:
    return [
        doc.id,
        doc.doc,
        doc.path,
        doc.source_format,
        doc.title,
        doc.outlet,
        doc.credited_source,
        doc.url,
        doc.published,
        doc.language,
        doc.raw_text,
        doc.text,
        [list(r) for r in doc.offsets],
        [[r.raw_start, r.raw_end, r.text, r.reason] for r in doc.removed],
    ]


def update_text(store: Store, doc: Document, applied: tuple[int, ...]) -> None:
    """Replace an article's cleaned text (after cross-document boilerplate removal)."""
    store.con.execute(
        "UPDATE articles SET text = ?, text_hash = ?, offsets = ?, removed = ?, crossdoc_applied = ?, words = ? "
        "WHERE id = ?",
        [
            doc.text,
            text_hash(doc.text),
            json.dumps(doc.offsets),
            json.dumps([[r.raw_start, r.raw_end, r.text, r.reason] for r in doc.removed], ensure_ascii=False),
            list(applied),
            len(doc.text.split()),
            doc.id,
        ],
    )


def _document(row: tuple[Any, ...]) -> Document:
    (id_, doc, path, fmt, title, outlet, credited, url, published, language, raw, text, offsets, removed) = row
    return Document(
        id=id_,
        doc=doc,
        path=path,
        source_format=fmt,
        title=title,
        outlet=outlet,
        credited_source=credited,
        url=url,
        published=published,
        language=language,
        raw_text=raw,
        text=text,
        offsets=tuple(tuple(r) for r in json.loads(offsets)),  # type: ignore[misc]
        removed=tuple(RemovedLine(*r) for r in json.loads(removed)),
    )


def count(store: Store) -> int:
    row = store.con.execute("SELECT count(*) FROM articles").fetchone()
    return int(row[0]) if row else 0


def iter_documents(store: Store, ids: Iterable[str] | None = None, batch: int = 500) -> Iterator[Document]:
    """Every stored article (or those with the given ids), in ingest order."""
    if ids is not None:
        wanted = list(ids)
        for i in range(0, len(wanted), batch):
            cur = store.con.execute(
                f"SELECT {_COLUMNS} FROM articles WHERE id IN (SELECT {STRINGS}) ORDER BY ingested_at, id",
                [strings(wanted[i : i + batch])],
            )
            yield from (_document(r) for r in cur.fetchall())
        return
    all_ids = [r[0] for r in store.con.execute("SELECT id FROM articles ORDER BY ingested_at, doc, id").fetchall()]
    yield from iter_documents(store, all_ids, batch)


def resolve_ref(store: Store, ref: str) -> str:
    """An article id from an id, a unique id prefix, or a doc (file) name."""
    if not ref.strip():
        raise HeadwaterError("give an article id, an id prefix or a file name (an empty one matches every article)")
    rows = store.con.execute(
        "SELECT id FROM articles WHERE id = ? OR doc = ? OR id LIKE ? || '%' OR doc LIKE ? || '%' "
        "ORDER BY (id = ? OR doc = ?) DESC",
        [ref, ref, ref, ref, ref, ref],
    ).fetchall()
    ids = list(dict.fromkeys(r[0] for r in rows))
    if not ids:
        raise HeadwaterError(f"no article matches '{ref}' (give an id, an id prefix or a file name)")
    exact = store.con.execute("SELECT id FROM articles WHERE id = ? OR doc = ?", [ref, ref]).fetchall()
    if len(exact) == 1:
        return exact[0][0]
    if len(ids) > 1:
        raise HeadwaterError(f"'{ref}' matches {len(ids)} articles: give more of the id")
    return ids[0]


def get(store: Store, ref: str) -> Document:
    return next(iter_documents(store, [resolve_ref(store, ref)]))


def summaries(store: Store) -> list[ArticleSummary]:
    """Every article's summary record, by file name."""
    return [ArticleSummary(**row) for row in summary_rows(store)]


def summary_rows(store: Store) -> list[dict[str, Any]]:
    return store.query(
        "SELECT id, doc, outlet, credited_source, title, published, language, words, "
        "json_array_length(removed) AS removed_lines FROM articles ORDER BY doc, id"
    )


def seen_inputs(store: Store) -> dict[str, tuple[int, int]]:
    """path -> (size, mtime_ns) of every input file read before."""
    return {r[0]: (r[1], r[2]) for r in store.con.execute("SELECT path, size, mtime_ns FROM inputs").fetchall()}


def record_inputs(store: Store, inputs: list[tuple[str, int, int, int]]) -> None:
    if inputs:
        _insert_columns(
            store,
            "inputs",
            ["path", "size", "mtime_ns", "articles"],
            [list(i) for i in inputs],
            {"size": "BIGINT", "mtime_ns": "BIGINT", "articles": "INTEGER"},
            verb="INSERT OR REPLACE INTO",
        )


def record_error(store: Store, path: str, reason: str) -> None:
    store.con.execute("INSERT INTO ingest_errors (path, reason) VALUES (?, ?)", [path, reason])


def recurring_lines(store: Store, sample: int) -> list[tuple[int, int, list[tuple[str, str | None]], bool]]:
    """(line_hash, articles keeping it, a sample of (id, outlet), is prose) for every line kept in 2+ articles."""
    rows = store.con.execute(
        """
        WITH e AS (SELECT DISTINCT id, outlet, unnest(line_hashes) AS h FROM articles),
        c AS (SELECT h, count(*) AS n FROM e GROUP BY h HAVING count(*) >= 2),
        p AS (SELECT DISTINCT unnest(sentence_hashes) AS h FROM articles),
        s AS (SELECT e.h, c.n, e.id, e.outlet, row_number() OVER (PARTITION BY e.h ORDER BY e.id) AS rn
              FROM e JOIN c USING (h))
        SELECT s.h, n, list(id ORDER BY id), list(outlet ORDER BY id), bool_or(p.h IS NOT NULL)
        FROM s LEFT JOIN p ON s.h = p.h WHERE rn <= ? GROUP BY s.h, n
        """,
        [sample],
    ).fetchall()
    return [(h, n, list(zip(ids, outlets, strict=True)), bool(prose)) for h, n, ids, outlets, prose in rows]


def line_sets(store: Store, ids: set[str]) -> dict[str, set[int]]:
    if not ids:
        return {}
    rows = store.con.execute(
        f"SELECT id, line_hashes FROM articles WHERE id IN (SELECT {STRINGS})", [strings(sorted(ids))]
    ).fetchall()
    return {r[0]: set(r[1]) for r in rows}


def save_boilerplate(store: Store, found: dict[int, tuple[str, int, str]]) -> None:
    store.con.execute("DELETE FROM boilerplate_lines")
    if found:
        store.con.executemany("INSERT INTO boilerplate_lines VALUES (?, ?, ?, ?)", [[h, *v] for h, v in found.items()])


def boilerplate_hashes(store: Store) -> frozenset[int]:
    return frozenset(r[0] for r in store.con.execute("SELECT line_hash FROM boilerplate_lines").fetchall())


def stale_crossdoc(store: Store, hashes: frozenset[int]) -> list[str]:
    """Articles whose applied cross-document removals differ from ``hashes`` ∩ their lines."""
    return [
        r[0]
        for r in store.con.execute(
            "SELECT id FROM articles WHERE list_sort(list_intersect(line_hashes, ?)) <> list_sort(crossdoc_applied)",
            [sorted(hashes)],
        ).fetchall()
    ]


ARTICLES_SCHEMA: Schema = (
    *(
        (c, "VARCHAR")
        for c in (
            "id",
            "doc",
            "path",
            "title",
            "outlet",
            "credited_source",
            "url",
            "published",
            "language",
            "text",
            "raw_text",
        )
    ),
    ("words", "INTEGER"),
    ("removed_lines", "INTEGER"),
)


@exporter("articles", ARTICLES_SCHEMA)
def export_articles(store: Store) -> Iterator[dict[str, Any]]:
    cur = store.con.execute(
        "SELECT id, doc, path, title, outlet, credited_source, url, published, language, text, raw_text, words, "
        "json_array_length(removed) AS removed_lines FROM articles ORDER BY doc, id"
    )
    cols = [d[0] for d in cur.description]
    while rows := cur.fetchmany(500):
        for row in rows:
            yield dict(zip(cols, row, strict=True))


def ingest_errors(store: Store) -> list[dict[str, Any]]:
    """Every stored ingest error, once per (path, reason): when it was last met and how many times."""
    return store.query(
        "SELECT path, reason, CAST(max(failed_at) AS VARCHAR) AS last_seen, count(*) AS times FROM ingest_errors "
        "GROUP BY path, reason ORDER BY max(failed_at) DESC, path"
    )
