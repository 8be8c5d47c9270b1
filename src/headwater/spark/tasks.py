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
from headwater.model import IngestError

# Columns of the Parquet files the tasks write (Spark DDL).
CLEANED_SCHEMA = "file INT, seq INT, id STRING, doc STRING, path STRING, error STRING, payload BINARY"
EXTRACTED_SCHEMA = "rank INT, id STRING, text_hash STRING, n INT, payload BINARY"


@dataclass(frozen=True, slots=True)
class ExtractPlan:
    """What the extract job needs besides the cleaned articles: which articles to extract (id -> rank in
    the local engine's order, and the hash of the text the store holds) and the final cross-document
    boilerplate, with which the driver re-cleaned the articles it recurs in."""

    todo: dict[str, tuple[int, str]]
    boilerplate: frozenset[int]


def read_clean(rows: Iterable[tuple[int, str]], cfg: Config, crossdoc: frozenset[int]) -> Iterator[tuple]:
    """(file index, path) -> one row per article or error of each file, in reading order."""
    from headwater.clean import load_patterns
    from headwater.pipeline import clean_file

    patterns = load_patterns(cfg.clean.patterns)
    for index, path in rows:
        for seq, one in enumerate(clean_file(Path(path), cfg, patterns, crossdoc)):
            if isinstance(one, IngestError):
                yield (index, seq, None, None, one.path, one.reason, None)
            else:
                doc = one[0]
                yield (index, seq, doc.id, doc.doc, doc.path, None, pickle.dumps(one, protocol=5))


def parse_extract(rows: Iterable[tuple[str, bytes]], cfg: Config, plan: ExtractPlan) -> Iterator[tuple]:
    """(article id, cleaned payload) of the articles to extract -> (rank, id, text hash, n, attributions)."""
    from headwater.clean import clean_document, load_patterns
    from headwater.extract.core import extract_attributions
    from headwater.parse import load_nlp
    from headwater.store.articles import text_hash

    patterns = None
    docs = []
    for article_id, payload in rows:
        doc = pickle.loads(payload)[0]
        rank, expected = plan.todo[article_id]
        if text_hash(doc.text) != expected:  # re-cleaned on the driver for cross-document boilerplate: same call
            patterns = patterns or load_patterns(cfg.clean.patterns)
            cleaned = clean_document(
                doc.raw_text, patterns=patterns, title=doc.title, outlet=doc.outlet, crossdoc=plan.boilerplate
            )
            doc = doc.with_(text=cleaned.text, offsets=cleaned.offsets, removed=cleaned.removed)
        if text_hash(doc.text) == expected:  # else left pending: the driver's extract stage does it
            docs.append((rank, doc))
    if not docs:
        return
    nlp = load_nlp(cfg.parse.model)
    batch = max(1, cfg.parse.batch_size)
    for (rank, doc), parsed in zip(docs, nlp.pipe((d.text for _, d in docs), batch_size=batch), strict=True):
        atts = extract_attributions(parsed, doc, unattributed=cfg.extract.unattributed)
        yield (rank, doc.id, text_hash(doc.text), len(atts), pickle.dumps(atts, protocol=5))
