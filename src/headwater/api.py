"""The Python API: ``headwater.run(paths, db=..., output=...)`` and ``headwater.open(db)``.

``open`` returns a read-only :class:`Reader` (it works beside other readers, such as the CLI's
read-only commands) whose methods yield the typed records of ``headwater.model``. Also home of
the ``groups`` and ``speakers`` exports, which the reader and ``headwater export`` share.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from headwater.export import Schema, exporter
from headwater.model import Attribution, Claim, Document, Quantity, ReprintGroup, SpeakerSummary, plain
from headwater.store import Store

if TYPE_CHECKING:
    from headwater.pipeline import RunResult


def run(
    paths: str | Path | Iterable[str | Path],
    db: str | Path = "headwater.duckdb",
    output: str | Path | None = "headwater-out",
    config: str | Path | None = None,
    model: str | None = None,
) -> RunResult:
    """Every stage, as ``headwater run``: ingest ``paths``, extract, reuse, claims, and (unless
    ``output`` is None) write ``output/dossier.html`` and ``dossier.json``. Returns the run summary;
    raises a ``headwater.errors.HeadwaterError`` (``NothingToRead``, ``ModelNotFound``, ...)."""
    from headwater.config import load_config
    from headwater.pipeline import run_pipeline

    if isinstance(paths, (str, Path)):
        paths = [paths]
    cfg = load_config(Path(config) if config else None).override("store", db=str(db)).override("parse", model=model)
    return run_pipeline(list(paths), cfg, Path(output) if output is not None else None)


class Reader:
    """A read-only view of a store. Use as a context manager, or call :meth:`close`."""

    def __init__(self, db: str | Path) -> None:
        self.store = Store.open(db, read_only=True)

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def articles(self) -> Iterator[Document]:
        from headwater.store.articles import iter_documents

        yield from iter_documents(self.store)

    def attributions(self, article: str | None = None) -> Iterator[Attribution]:
        """Every attribution, or those of one article (an id, an id prefix or a file name)."""
        from headwater.store.articles import resolve_ref
        from headwater.store.attributions import load_attributions

        yield from load_attributions(self.store, resolve_ref(self.store, article) if article else None)

    def claims(self) -> Iterator[Claim]:
        from headwater.store.claims import load_claims

        yield from load_claims(self.store)

    def estimates(self) -> Iterator[Quantity]:
        from headwater.store.claims import load_quantities

        yield from load_quantities(self.store)

    def groups(self) -> Iterator[ReprintGroup]:
        yield from reprint_groups(self.store)

    def speakers(self) -> Iterator[SpeakerSummary]:
        yield from speakers(self.store)


def open(db: str | Path = "headwater.duckdb") -> Reader:
    """Open a store read-only."""
    return Reader(db)


def reprint_groups(store: Store) -> list[ReprintGroup]:
    """Groups of two or more articles (copies and derivatives of one story), biggest first."""
    from headwater.store import reuse
    from headwater.views.reuse import reprint_groups as groups_of

    docs = reuse.docs_by_id(store)
    out = []
    for g in groups_of(reuse.load_groups(store), reuse.load_origins(store)):
        ids = sorted(g.members, key=lambda i: (docs[i][3] is None, docs[i][3] or "", docs[i][0]))
        origin_doc = docs[g.origin][0] if g.origin else None
        out.append(ReprintGroup(g.id, g.origin, origin_doc, tuple(ids), tuple(docs[i][0] for i in ids)))
    return sorted(out, key=lambda g: (-len(g.members), g.docs[0]))


def speakers(store: Store) -> list[SpeakerSummary]:
    """Every named speaker with their type, side, statements, denials, articles and claims."""
    from headwater.store.claims import load_speakers

    return [
        SpeakerSummary(
            v["speaker"],
            v["type"],
            v["side"],
            v["role"],
            v["statements"],
            v["denials"],
            tuple(v["articles"]),
            tuple(v["claims"]),
        )
        for v in load_speakers(store)
    ]


GROUPS_SCHEMA: Schema = (
    ("id", "VARCHAR"),
    ("origin", "VARCHAR"),
    ("origin_doc", "VARCHAR"),
    ("size", "INTEGER"),
    ("members", "VARCHAR[]"),
    ("docs", "VARCHAR[]"),
)
SPEAKERS_SCHEMA: Schema = (
    *((c, "VARCHAR") for c in ("speaker", "type", "side", "role")),
    ("statements", "INTEGER"),
    ("denials", "INTEGER"),
    ("articles", "VARCHAR[]"),
    ("claims", "VARCHAR[]"),
)


@exporter("groups", GROUPS_SCHEMA)
def export_groups(store: Store) -> Iterator[dict[str, Any]]:
    for g in reprint_groups(store):
        yield {**plain(g), "size": len(g.members)}


@exporter("speakers", SPEAKERS_SCHEMA)
def export_speakers(store: Store) -> Iterator[dict[str, Any]]:
    for s in speakers(store):
        yield plain(s)
