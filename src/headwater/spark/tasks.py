"""What runs on the executors: plain functions over one partition's rows, no Spark objects inside.

Each Python worker process loads the spaCy pipeline once (``headwater.parse.load_nlp`` caches it) the
first time a partition of the extract job reaches it, and keeps it while Spark reuses the worker.
The cleaned articles travel pickled (a ``Document`` with its line hashes: the frozen dataclass of model.py
whole); the extract job writes each article's attributions and quantities as lists of the store's own
records (``store.attributions.record``, ``store.quantities.record``: the columns ``replace_many`` stores), so
the driver loads them into DuckDB straight from the Parquet (``load_parquet``).
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from headwater.config import Config
from headwater.model import Document, IngestError

# Columns of the Parquet files the tasks write (Spark DDL).
CLEANED_SCHEMA = (
    "file INT, seq INT, id STRING, doc STRING, path STRING, error STRING, replaced INT, payload BINARY, "
    "outlet STRING, lines ARRAY<BIGINT>, prose ARRAY<BIGINT>"  # what the boilerplate group-by reads
)
_SPARK_TYPES = {"VARCHAR": "STRING", "JSON": "STRING", "INTEGER": "INT", "DOUBLE": "DOUBLE"}


def _struct(record: tuple[tuple[str, str], ...]) -> str:
    return "ARRAY<STRUCT<" + ", ".join(f"{c}: {_SPARK_TYPES[t]}" for c, t in record) + ">>"


def _extracted_schema() -> str:
    from headwater.store import attributions, quantities

    return (
        f"rank INT, id STRING, text_hash STRING, n INT, attributions {_struct(attributions.RECORD)}, "
        f"quantities {_struct(quantities.RECORD)}"
    )


# One row per article extracted: the order to store in, its attributions and quantities as the store's records.
EXTRACTED_SCHEMA = _extracted_schema()
# The reuse stage's sketch of each article (its index in the stage, text as stored, exact key, MinHash
# signature as uint32 bytes, citations pickled); the LSH and verify jobs read it.
SKETCH_SCHEMA = "idx INT, id STRING, text STRING, key STRING, sig BINARY, cites BINARY"
BANDS_SCHEMA = "band INT, bucket BIGINT, idx INT"
PAIRS_SCHEMA = "pos INT, a INT, b INT, seed BINARY, info_a BINARY, info_b BINARY"
VERIFIED_SCHEMA = "pos INT, edge BINARY"


@dataclass(frozen=True, slots=True)
class ExtractPlan:
    """What the extract job needs besides the cleaned articles: which articles to extract (id -> rank in
    the local engine's order, and the hash of the text the store holds) and the final cross-document
    boilerplate, with which the driver re-cleaned the articles it recurs in."""

    todo: dict[str, tuple[int, str]]
    boilerplate: frozenset[int]


def read_clean(rows: Iterable[tuple[int, str, bytes | None]], cfg: Config, crossdoc: frozenset[int]) -> Iterator[tuple]:
    """(file index, path, content) -> one row per article or error of each file, in reading order; the
    file's count of replaced lone surrogates rides on its first row. ``content``: the bytes of a file
    named by a Hadoop URI (read here as a local copy with the same name; the URI is its path)."""
    from headwater.clean import load_patterns
    from headwater.pipeline import clean_file

    patterns = load_patterns(cfg.clean.patterns)
    for index, path, content in rows:
        if content is None:
            articles, replaced = clean_file(Path(path), cfg, patterns, crossdoc)
        else:
            articles, replaced = _clean_copy(path, content, cfg, patterns, crossdoc)
        for seq, one in enumerate(articles):
            n = replaced if seq == 0 else 0
            if isinstance(one, IngestError):
                yield (index, seq, None, None, one.path, one.reason, n, None, None, None, None)
            else:
                doc, (lines, prose, _) = one
                payload = pickle.dumps(one, protocol=5)
                yield (index, seq, doc.id, doc.doc, doc.path, None, n, payload, doc.outlet, list(lines), list(prose))


def _clean_copy(uri: str, content: bytes, cfg: Config, patterns, crossdoc: frozenset[int]):  # type: ignore[no-untyped-def]
    """``clean_file`` over a local copy of a remote file, every path in what it returns set to ``uri``."""
    import tempfile

    from headwater.pipeline import clean_file

    with tempfile.TemporaryDirectory(prefix="headwater-") as tmp:
        copy = Path(tmp, uri.rstrip("/").rsplit("/", 1)[-1])
        copy.write_bytes(content)
        articles, replaced = clean_file(copy, cfg, patterns, crossdoc)
    local = str(copy)
    out: list = []
    for one in articles:
        if isinstance(one, IngestError):
            out.append(IngestError(one.path.replace(local, uri), one.reason.replace(local, uri)))
        else:
            doc, lines = one
            out.append((doc.with_(path=doc.path.replace(local, uri)), lines))
    return out, replaced


def parse_extract(rows: Iterable[tuple[str, bytes]], cfg: Config, plan: ExtractPlan) -> Iterator[tuple]:
    """(article id, cleaned payload) of the articles to extract -> ``EXTRACTED_SCHEMA`` rows,
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
    return stored_text(doc, cfg, plan.todo[doc.id][1], plan.boilerplate)


def stored_text(doc: Document, cfg: Config, expected: str, boilerplate: frozenset[int]) -> Document | None:
    """``doc`` with the text whose hash is ``expected`` (re-cleaned with ``boilerplate`` if need be), or None."""
    from headwater.clean import clean_document, load_patterns
    from headwater.store.articles import text_hash

    if text_hash(doc.text) != expected:
        cleaned = clean_document(
            doc.raw_text,
            patterns=load_patterns(cfg.clean.patterns),
            title=doc.title,
            outlet=doc.outlet,
            crossdoc=boilerplate,
        )
        doc = doc.with_(text=cleaned.text, offsets=cleaned.offsets, removed=cleaned.removed)
    return doc if text_hash(doc.text) == expected else None


def _extract(chunk: list[tuple[int, Document]], cfg: Config) -> Iterator[tuple]:
    """The extract stage's own step (``exec.extract``'s: ``extract.batch.extract_batch`` and each article's
    quantities), its output as the store's records."""
    from headwater.exec.extract import _Job, _load, _step
    from headwater.store import attributions, quantities
    from headwater.store.articles import text_hash

    if not chunk:
        return
    _load(cfg.parse.model)  # once per Python worker: cached, and the worker is reused
    docs = [doc for _, doc in chunk]
    found = _step(_Job(docs, max(1, cfg.parse.batch_size), cfg.extract.unattributed))
    for (rank, doc), (atts, qs) in zip(chunk, found, strict=True):
        yield (
            rank,
            doc.id,
            text_hash(doc.text),
            len(atts),
            [attributions.record(a, i) for i, a in enumerate(atts)],
            [quantities.record(q, i) for i, q in enumerate(qs)],
        )


# -- the reuse stage ------------------------------------------------------------------------------------
def sketch_rows(
    rows: Iterable[tuple[int, str, str, bytes]], cfg: Config, boilerplate: frozenset[int], batch: int = 500
) -> Iterator[tuple]:
    """(index, id, stored text hash, cleaned payload) -> ``SKETCH_SCHEMA`` rows of the articles whose text is
    the store's, sketched in batches by the reuse stage's own step (``exec.reuse.sketch_documents``)."""
    docs: list[tuple[int, Document]] = []
    for idx, _, expected, payload in rows:
        doc = stored_text(pickle.loads(payload)[0], cfg, expected, boilerplate)
        if doc is not None:
            docs.append((idx, doc))
        if len(docs) >= batch:
            yield from sketch_docs(docs, cfg)
            docs = []
    yield from sketch_docs(docs, cfg)


def sketch_docs(docs: list[tuple[int, Document]], cfg: Config) -> Iterator[tuple]:
    from headwater.exec.reuse import sketch_documents

    if not docs:
        return
    keys, sigs, cites = sketch_documents([d for _, d in docs], cfg.reuse.num_perm, cfg.reuse.shingle_size)
    for (idx, doc), key, sig, cite in zip(docs, keys, sigs, cites, strict=True):
        yield (idx, doc.id, doc.text, key, sig.astype("<u4").tobytes(), pickle.dumps(cite, protocol=5))


def band_rows(rows: Iterable[tuple[int, bytes]], num_perm: int, bands: int, rows_per_band: int) -> Iterator[tuple]:
    """(index, signature bytes) -> (band, bucket key, index) for every band (``reuse.minhash.band_keys``)."""
    import numpy as np

    from headwater.reuse.minhash import LshParams, band_keys

    batch = list(rows)
    if not batch:
        return
    sigs = np.stack([np.frombuffer(sig, dtype="<u4") for _, sig in batch]).reshape(len(batch), num_perm)
    keys = band_keys(sigs, LshParams(bands, rows_per_band)).view(np.int64)  # Spark's BIGINT is signed
    for i, (idx, _) in enumerate(batch):
        for band in range(bands):
            yield (band, int(keys[i, band]), idx)


def bucket_members_pairs(members: list[int]) -> list[tuple[int, int]]:
    """One bucket's members -> its candidate pairs, as ``reuse.minhash.bucket_pairs`` links them."""
    import numpy as np

    from headwater.reuse.minhash import _pairs_of

    return [(int(a), int(b)) for a, b in _pairs_of(np.array(members, dtype=np.int64)).tolist()]


def verify_rows(rows: Iterable[tuple], cfg: Config) -> Iterator[tuple[int, bytes]]:
    """(pos, seed, info a, info b, text a, text b) of candidate pairs -> (pos, pickled (edge, label)) of
    the related ones: the reuse stage's own per-pair step (``exec.reuse.verify_pair``)."""
    from headwater.exec.reuse import verify_pair
    from headwater.reuse.tokens import tokenize_many

    for pos, seed, info_a, info_b, text_a, text_b in rows:
        ta, tb = tokenize_many([text_a, text_b])
        found = verify_pair(
            pickle.loads(info_a),
            pickle.loads(info_b),
            text_a,
            text_b,
            ta,
            tb,
            pickle.loads(seed) if seed is not None else None,
            cfg.reuse,
        )
        if found is not None:
            yield (pos, pickle.dumps(found, protocol=5))


# -- the claims stage -----------------------------------------------------------------------------------
# The claims stage's units: the flags that decide which candidate pairs are scored, and the pickled facts.
UNITS_SCHEMA = "idx INT, small BOOLEAN, named BOOLEAN, sized BOOLEAN, common BOOLEAN, loose BOOLEAN, facts BINARY"
SCORED_SCHEMA = "a INT, b INT, score DOUBLE, unsigned DOUBLE"


def score_rows(rows: Iterable[tuple], weights: dict[str, float], floor: float) -> Iterator[tuple]:
    """(a, b, rare terms shared, facts a, common a, facts b, common b) of candidate pairs -> ``SCORED_SCHEMA``
    rows of those scoring ``floor``: the claims stage's own per-pair step (``claims.cluster.worth_scoring``,
    ``score_pair``), with one matcher per partition (its profiles are computed once per unit)."""
    from headwater.claims.cluster import score_pair, worth_scoring
    from headwater.claims.match import matcher

    m = matcher(weights)
    facts: dict[int, object] = {}  # each unit unpickled once per partition

    def of(idx: int, blob: bytes):  # type: ignore[no-untyped-def]
        f = facts.get(idx)
        if f is None:
            f = facts[idx] = pickle.loads(blob)
        return f

    for a, b, n, blob_a, common_a, blob_b, common_b in rows:
        fa, fb = of(a, blob_a), of(b, blob_b)
        if worth_scoring(fa, fb, n, common_a and common_b, floor):  # type: ignore[arg-type]
            pair = score_pair(m, fa, fb, floor)  # type: ignore[arg-type]
            if pair is not None:
                yield (a, b, pair.score, pair.unsigned)
