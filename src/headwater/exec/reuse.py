"""The cross-document reuse stage: ``run_reuse(store, cfg)``.

Stages with clear intermediate data, as in datatrove's MinHash dedup:

1. sketch      one pass over the articles: exact key, MinHash signature, citations;
2. exact       articles with the same normalised text collapse onto one representative;
3. lsh         band buckets of representatives' signatures -> candidate pairs;
4. seeds       rare word n-grams joined across representatives (passim) -> matches;
5. verify      each candidate pair compared exactly (Jaccard, containment, aligned passages);
6. propagate   edge directions, reprint groups and origins; everything stored in one transaction.

Memory per million articles: ~0.6 KB each for signatures, keys and metadata (~0.6 GB),
plus the n-gram join (16 bytes per n-gram of one hash partition; partitions are added so
a partition stays near ``_NGRAMS_PER_PARTITION`` n-grams, ~0.3 GB), plus the matches,
which grow with the amount of reuse found. Verification holds one chunk of pairs' texts.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from headwater.config import Config, ReuseConfig
from headwater.model import Citation, Passage, ReuseEdge
from headwater.reuse.citations import find_citations
from headwater.reuse.minhash import band_keys, bucket_pairs, lsh_params, signatures
from headwater.reuse.ngrams import shared_ngrams, split_by_pair
from headwater.reuse.propagate import ArticleInfo, article_info, direction, groups_and_origins
from headwater.reuse.tokens import Tokens, ngram_hashes, seed_ngram_hashes, text_key, tokenize_many
from headwater.reuse.verify import char_passages, is_chrome, verify
from headwater.store import Store
from headwater.store import reuse as db
from headwater.store.articles import iter_documents

Progress = Callable[[int, int], None]  # (done, total), reported per step: sketch, seeds, verify
_NGRAMS_PER_PARTITION = 20_000_000
_CHUNK = 2000


@dataclass(frozen=True, slots=True)
class ReuseSummary:
    articles: int
    exact: int
    near_duplicate: int
    partial: int
    cites: int
    groups: int  # groups with more than one article
    citations: int
    candidates: int
    bands: int
    rows: int
    seconds: float


@dataclass(slots=True)
class _Sketch:
    keys: list[str]  # by article index
    sigs: np.ndarray | None  # (articles, num_perm) uint32; None when the signatures stay where they were made
    citations: list[Citation] = field(default_factory=list)


class ReuseBackend(Protocol):
    """Where the stage's heavy steps run (the Spark engine's ``SparkReuse``); the driver keeps the exact
    groups, the rare n-gram seeds, edge direction and propagation. Each method must return exactly what
    the local function of the same step returns."""

    def sketch(self, meta: list[db.ArticleMeta], cfg: ReuseConfig, progress: Progress) -> _Sketch: ...

    def lsh_pairs(self, sketch: _Sketch, reps: list[int], cfg: ReuseConfig) -> set[tuple[int, int]]: ...

    def verify(
        self,
        meta: list[db.ArticleMeta],
        pairs: list[tuple[int, int]],
        seeds: dict[tuple[int, int], np.ndarray],
        info: dict[str, ArticleInfo],
        cfg: ReuseConfig,
        progress: Progress,
    ) -> list[tuple[ReuseEdge, str]]: ...


def sketch_documents(docs: list, num_perm: int, shingle: int) -> tuple[list[str], np.ndarray, list[list[Citation]]]:
    """One batch of articles -> their exact keys, MinHash signatures and citations (the sketch step)."""
    tokens = tokenize_many([d.text for d in docs])
    keys = [text_key(t) for t in tokens]
    sigs = signatures([ngram_hashes(t.hashes, shingle) for t in tokens], num_perm)
    return keys, sigs, [find_citations(d) for d in docs]


def _noop(done: int, total: int) -> None:
    return None


def _sketch(store: Store, meta: list[db.ArticleMeta], cfg: ReuseConfig, progress: Progress) -> _Sketch:
    index = {m.id: i for i, m in enumerate(meta)}
    out = _Sketch([""] * len(meta), np.zeros((len(meta), cfg.num_perm), dtype=np.uint32))
    batch: list = []
    done = 0

    def flush() -> None:
        nonlocal done
        keys, sigs, cites = sketch_documents(batch, cfg.num_perm, cfg.shingle_size)
        rows = [index[d.id] for d in batch]
        for row, k in zip(rows, keys, strict=True):
            out.keys[row] = k
        assert out.sigs is not None
        out.sigs[rows] = sigs
        for c in cites:
            out.citations.extend(c)
        done += len(batch)
        progress(done, len(meta))
        batch.clear()

    for doc in iter_documents(store, [m.id for m in meta]):
        batch.append(doc)
        if len(batch) >= 500:
            flush()
    if batch:
        flush()
    return out


def _exact_groups(meta: list[db.ArticleMeta], keys: list[str], info: dict[str, ArticleInfo]) -> dict[int, list[int]]:
    """Representative index -> the other indexes with the same normalised text (earliest dated first)."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        by_key[k].append(i)
    groups: dict[int, list[int]] = {}
    for members in by_key.values():
        members.sort(key=lambda i: (info[meta[i].id].published is None, info[meta[i].id].published or "", i))
        groups[members[0]] = members[1:]
    return groups


def _ngram_stream(
    store: Store, meta: list[db.ArticleMeta], reps: list[int], n: int, min_content: int
) -> Callable[[], Iterator]:
    def stream() -> Iterator[tuple[int, np.ndarray]]:
        ids = [meta[i].id for i in reps]
        texts: list[str] = []
        for start in range(0, len(ids), 500):
            texts = [t for _, t in db.iter_texts(store, ids[start : start + 500])]
            for j, tokens in enumerate(tokenize_many(texts)):
                yield reps[start + j], seed_ngram_hashes(tokens.hashes, n, min_content)

    return stream


def lsh_pairs(sigs: np.ndarray, reps: list[int], cfg: ReuseConfig) -> set[tuple[int, int]]:
    """Pairs of representatives sharing an LSH band bucket."""
    params = lsh_params(cfg.threshold, cfg.num_perm)
    rep_arr = np.array(reps, dtype=np.int64)
    return {(int(a), int(b)) for a, b in bucket_pairs(band_keys(sigs[rep_arr], params), rep_arr).tolist()}


def _candidates(
    pairs: set[tuple[int, int]], matches: np.ndarray, cfg: ReuseConfig
) -> tuple[list[tuple[int, int]], dict[tuple[int, int], np.ndarray]]:
    """The LSH pairs plus the pairs sharing enough rare n-grams (with those as alignment seeds), sorted."""
    seeds: dict[tuple[int, int], np.ndarray] = {}
    for a, b, pos in split_by_pair(matches, cfg.min_matches):
        if len(pos) >= cfg.min_matches:
            seeds[(a, b)] = pos
            pairs.add((a, b))
    return sorted(pairs), seeds


def _edge(
    a: ArticleInfo, b: ArticleInfo, kind: str, sim: float, cont: float, passages: list[tuple[int, ...]]
) -> ReuseEdge:
    """The stored edge, oriented source -> target (passages given as (a_start, a_end, b_start, b_end))."""
    source, target, how = direction(a, b)
    if source.id != a.id:
        passages = [(p[2], p[3], p[0], p[1]) for p in passages]
    return ReuseEdge(
        source.id,
        target.id,
        kind,
        sim,
        cont,
        tuple(Passage(*p) for p in sorted(passages)),
        how,  # type: ignore[arg-type]
    )


def _credit_link(a: ArticleInfo, b: ArticleInfo) -> bool:
    return bool((a.outlet and a.outlet in b.credits) or (b.outlet and b.outlet in a.credits))


def _verify_chunk(
    store: Store, meta: list[db.ArticleMeta], pairs: list[tuple[int, int]], seeds: dict, info: dict, cfg: ReuseConfig
) -> list[tuple[ReuseEdge, str]]:
    needed = sorted({i for p in pairs for i in p})
    texts = dict(db.iter_texts(store, [meta[i].id for i in needed]))
    tokens: dict[int, Tokens] = dict(zip(needed, tokenize_many([texts[meta[i].id] for i in needed]), strict=True))
    out = []
    for a, b in pairs:
        ia, ib = info[meta[a].id], info[meta[b].id]
        found = verify_pair(ia, ib, texts[ia.id], texts[ib.id], tokens[a], tokens[b], seeds.get((a, b)), cfg)
        if found is not None:
            out.append(found)
    return out


def verify_pair(
    ia: ArticleInfo,
    ib: ArticleInfo,
    text_a: str,
    text_b: str,
    ta: Tokens,
    tb: Tokens,
    seed: np.ndarray | None,
    cfg: ReuseConfig,
) -> tuple[ReuseEdge, str] | None:
    """One candidate pair verified: its edge and label, or None when the texts are not related."""
    v = verify(ta, tb, seed, cfg)
    passages = char_passages(text_a, ta, text_b, tb, v.spans)
    if v.kind == "partial":
        passages = [p for p in passages if not is_chrome(text_a, text_b, p)]
    kind, label = (v.kind, v.label) if passages or v.kind != "partial" else (None, "unrelated")
    if kind is None and _credit_link(ia, ib):
        kind, label = "cites", "cites its source"
    if kind is None:
        return None
    return _edge(ia, ib, kind, v.similarity, v.containment, passages), label


def _exact_edges(
    meta: list[db.ArticleMeta], groups: dict[int, list[int]], info: dict[str, ArticleInfo]
) -> list[tuple[ReuseEdge, str]]:
    out = []
    for rep, others in groups.items():
        for o in others:
            full = [(0, meta[rep].chars, 0, meta[o].chars)]
            out.append((_edge(info[meta[rep].id], info[meta[o].id], "exact", 1.0, 1.0, full), "exact copy"))
    return out


def _partitions(meta: list[db.ArticleMeta], reps: list[int]) -> int:
    return max(1, math.ceil(sum(meta[i].words for i in reps) / _NGRAMS_PER_PARTITION))


def _reuse_config(cfg: Config | ReuseConfig) -> ReuseConfig:
    return cfg if isinstance(cfg, ReuseConfig) else cfg.reuse


def run_reuse(
    store: Store, cfg: Config | ReuseConfig, on_progress: Progress | None = None, backend: ReuseBackend | None = None
) -> ReuseSummary:
    """Recompute reuse over every stored article and replace the stored edges, groups and citations;
    ``backend`` runs the sketch, LSH and verify steps elsewhere (default: here)."""
    rcfg, progress, t0 = _reuse_config(cfg), on_progress or _noop, time.perf_counter()
    meta = db.article_meta(store)
    sketch = backend.sketch(meta, rcfg, progress) if backend else _sketch(store, meta, rcfg, progress)
    by_article: dict[str, list[Citation]] = defaultdict(list)
    for c in sketch.citations:
        by_article[c.article_id].append(c)
    info = {m.id: article_info(m.id, m.published, m.outlet, by_article[m.id]) for m in meta}
    groups = _exact_groups(meta, sketch.keys, info)
    reps = sorted(groups)
    progress(0, 1)
    matches = shared_ngrams(
        _ngram_stream(store, meta, reps, rcfg.ngram, rcfg.min_content_words), rcfg.max_df, _partitions(meta, reps)
    )
    progress(1, 1)
    if backend:
        lsh = backend.lsh_pairs(sketch, reps, rcfg)
    else:
        assert sketch.sigs is not None
        lsh = lsh_pairs(sketch.sigs, reps, rcfg)
    pairs, seeds = _candidates(lsh, matches, rcfg)
    del matches
    edges = _exact_edges(meta, groups, info)
    if backend:
        edges.extend(backend.verify(meta, pairs, seeds, info, rcfg, progress))
    else:
        for start in range(0, len(pairs), _CHUNK):
            edges.extend(_verify_chunk(store, meta, pairs[start : start + _CHUNK], seeds, info, rcfg))
            progress(min(start + _CHUNK, len(pairs)), len(pairs))
    group_of, origins = groups_and_origins([m.id for m in meta], [e for e, _ in edges], info, rcfg.group_containment)
    db.save(store, edges, group_of, origins, sketch.citations)
    return _summary(meta, edges, group_of, sketch.citations, len(pairs), rcfg, time.perf_counter() - t0)


def _summary(meta, edges, group_of, citations, candidates: int, cfg: ReuseConfig, seconds: float) -> ReuseSummary:  # type: ignore[no-untyped-def]
    kinds: dict[str, int] = defaultdict(int)
    for e, _ in edges:
        kinds[e.kind] += 1
    sizes: dict[str, int] = defaultdict(int)
    for g in group_of.values():
        sizes[g] += 1
    params = lsh_params(cfg.threshold, cfg.num_perm)
    return ReuseSummary(
        articles=len(meta),
        exact=kinds["exact"],
        near_duplicate=kinds["near_duplicate"],
        partial=kinds["partial"],
        cites=kinds["cites"],
        groups=sum(1 for n in sizes.values() if n > 1),
        citations=len(citations),
        candidates=candidates,
        bands=params.bands,
        rows=params.rows,
        seconds=round(seconds, 3),
    )
