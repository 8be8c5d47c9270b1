"""`headwater check --pairs` speed: 25,000 claim/article pairs over 900 stored articles.

    .venv/bin/python bench/bench_check.py [--articles 900] [--pairs 25000] [--keep DB]

Needs ../shared/eval/fnc1 (FNC-1 train bodies and pairs; evaluation data, never committed). The
first 900 distinct bodies are ingested and extracted into a store (not timed; ``--keep DB`` keeps
it for the next run); the pairs are FNC-1 train pairs whose bodies are among them, their claims
paired again with further stored bodies until there are 25,000. Timed: loading and indexing the
store (``check.load.load_corpus``) and the batch (``check.batch.run_batch``), i.e. what
``headwater check --pairs`` does after ingest and extraction. Target: under 60 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FNC = Path(os.environ.get("HEADWATER_SHARED", ROOT.parent / "shared")) / "eval" / "fnc1"


def _read(name: str) -> list[dict]:
    with gzip.open(FNC / name, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=900)
    ap.add_argument("--pairs", type=int, default=25_000)
    ap.add_argument("--keep", type=Path, default=None)
    args = ap.parse_args()
    if not FNC.is_dir():
        raise SystemExit(f"{FNC} is absent: this benchmark needs the FNC-1 train split")

    from headwater.check.batch import Pair, run_batch
    from headwater.check.load import ensure_extracted, load_corpus
    from headwater.config import load_config
    from headwater.pipeline import ingest_paths
    from headwater.store import Store

    seen: set[str] = set()
    bodies = []
    for b in _read("train_bodies.jsonl.gz"):
        key = " ".join(b["text"].split())
        if key not in seen:
            seen.add(key)
            bodies.append(b)
        if len(bodies) == args.articles:
            break
    docs = [b["doc"] for b in bodies]
    stored = set(docs)
    pairs = [p for p in _read("train_pairs.jsonl.gz") if p["doc"] in stored]
    claims = sorted({p["claim"] for p in pairs})
    i = 0
    while len(pairs) < args.pairs:
        pairs.append({"id": f"extra{i}", "claim": claims[i % len(claims)], "doc": docs[(i * 7) % len(docs)]})
        i += 1
    pairs = pairs[: args.pairs]

    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp:
        # a kept store keeps its bodies beside it: article ids include the file's path
        folder = args.keep.with_name(args.keep.name + ".bodies") if args.keep else Path(tmp) / "bodies"
        folder.mkdir(exist_ok=True)
        for b in bodies:
            if not (folder / b["doc"]).is_file():
                (folder / b["doc"]).write_text(b["text"], encoding="utf-8")
        db = args.keep or Path(tmp) / "bench.duckdb"
        cfg = load_config().override("store", db=str(db))
        t0 = time.perf_counter()
        with Store.open(db) as store:
            ingest_paths(store, cfg, [folder])
            ensure_extracted(store, cfg)
        prepare = time.perf_counter() - t0
        t1 = time.perf_counter()
        with Store.open(db, read_only=True) as store:
            corpus = load_corpus(store)
        load = time.perf_counter() - t1
        t2 = time.perf_counter()
        items = [Pair(str(p["id"]), p["claim"], p["doc"]) for p in pairs]
        out = list(run_batch(items, corpus, cfg.check))
        batch = time.perf_counter() - t2
    missing = sum(1 for _, e in out if e)
    print(f"## bench_check ({dt.date.today()}, {platform.machine()}, {os.cpu_count()} cores)")
    print(
        f"- articles stored: {len(corpus.articles)}; pairs: {len(items)} ({len({p.claim for p in items})} distinct "
        f"claims); pairs without a stored article: {missing}"
    )
    print(f"- ingest + extract (not timed for the target): {prepare:.1f} s")
    print(f"- load and index the store: {load:.1f} s; batch: {batch:.1f} s; total {load + batch:.1f} s (target < 60 s)")


if __name__ == "__main__":
    main()
