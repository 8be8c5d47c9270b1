"""What runs on the executors: plain functions over one partition's rows, no Spark objects inside.

Each Python worker process loads the spaCy pipeline once (``headwater.parse.load_nlp`` caches it) the
first time a partition of the extract job reaches it, and keeps it while Spark reuses the worker.
Rows carry their payload pickled (a ``Document`` with its line hashes, a list of ``Attribution``):
the frozen dataclasses of model.py travel whole, so what the driver stores is what the local engine stores.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from headwater.config import Config
from headwater.model import Document, IngestError

# Columns of the Parquet files the tasks write (Spark DDL).
CLEANED_SCHEMA = "file INT, seq INT, id STRING, doc STRING, path STRING, error STRING, replaced INT, payload BINARY"
EXTRACTED_SCHEMA = "rank INT, id STRING, text_hash STRING, n INT, payload BINARY"


@dataclass(frozen=True, slots=True)
class ExtractPlan:
    """What the extract job needs besides the cleaned articles: which articles to extract (id -> rank in
    the local engine's order, and the hash of the text the store holds) and the final cross-document
    boilerplate, with which the driver re-cleaned the articles it recurs in."""

    todo: dict[str, tuple[int, str]]
    boilerplate: frozenset[int]


def read_clean(rows: Iterable[tuple[int, str]], cfg: Config, crossdoc: frozenset[int]) -> Iterator[tuple]:
    """(file index, path) -> one row per article or error of each file, in reading order; the file's count
    of replaced lone surrogates rides on its first row."""
    from headwater.clean import load_patterns
    from headwater.pipeline import clean_file

    patterns = load_patterns(cfg.clean.patterns)
    for index, path in rows:
        articles, replaced = clean_file(Path(path), cfg, patterns, crossdoc)
        for seq, one in enumerate(articles):
            n = replaced if seq == 0 else 0
            if isinstance(one, IngestError):
                yield (index, seq, None, None, one.path, one.reason, n, None)
            else:
                doc = one[0]
                yield (index, seq, doc.id, doc.doc, doc.path, None, n, pickle.dumps(one, protocol=5))


def parse_extract(rows: Iterable[tuple[str, bytes]], cfg: Config, plan: ExtractPlan) -> Iterator[tuple]:
    """(article id, cleaned payload) of the articles to extract -> (rank, id, text hash, n, attributions),
    parsed in chunks as the local stage does (``[parse] batch_size`` × 4), so a partition's memory is bounded."""
    chunk: list[tuple[int, Document]] = []
    size = max(1, cfg.parse.batch_size) * 4
    for article_id, payload in rows:
        doc = _as_stored(pickle.loads(payload)[0], cfg, plan)
        if doc is not None:
            chunk.append((plan.todo[article_id][0], doc))
        if len(chunk) >= size:
            yield from _extract(chunk, cfg)
            chunk = []
    yield from _extract(chunk, cfg)


def _as_stored(doc: Document, cfg: Config, plan: ExtractPlan) -> Document | None:
    """The article as the store holds it now: re-cleaned with the cross-document boilerplate when the
    driver did so (the same call as ``refresh_boilerplate``); None when its text is not the store's
    (the driver's extract stage then does it)."""
    from headwater.clean import clean_document, load_patterns
    from headwater.store.articles import text_hash

    expected = plan.todo[doc.id][1]
    if text_hash(doc.text) != expected:
        cleaned = clean_document(
            doc.raw_text,
            patterns=load_patterns(cfg.clean.patterns),
            title=doc.title,
            outlet=doc.outlet,
            crossdoc=plan.boilerplate,
        )
        doc = doc.with_(text=cleaned.text, offsets=cleaned.offsets, removed=cleaned.removed)
    return doc if text_hash(doc.text) == expected else None


def _extract(chunk: list[tuple[int, Document]], cfg: Config) -> Iterator[tuple]:
    """The extract stage's own step (``extract.batch.extract_batch``, as ``headwater.exec.extract`` runs it)."""
    from headwater.extract.batch import extract_batch
    from headwater.parse import load_nlp
    from headwater.store.articles import text_hash

    if not chunk:
        return
    nlp = load_nlp(cfg.parse.model)  # once per Python worker: cached, and the worker is reused
    docs = [doc for _, doc in chunk]
    found = extract_batch(nlp, docs, cfg.parse.batch_size, cfg.extract.unattributed)
    for (rank, doc), atts in zip(chunk, found, strict=True):
        yield (rank, doc.id, text_hash(doc.text), len(atts), pickle.dumps(atts, protocol=5))
