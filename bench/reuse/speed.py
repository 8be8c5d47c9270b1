"""Signatures + LSH throughput on one core: python bench/reuse/speed.py [--docs N]."""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import numpy as np

from headwater.evaluate.reuse_corpus import article, vocabulary
from headwater.reuse.minhash import band_keys, bucket_pairs, lsh_params, signatures
from headwater.reuse.tokens import ngram_hashes, tokenize_many

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=20000)
    args = ap.parse_args()
    rng = random.Random(1)
    vocab = vocabulary(ROOT / "examples" / "corpus")
    texts = ["\n\n".join(article(rng, vocab, rng.randint(4, 12))) for _ in range(args.docs)]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    params = lsh_params(0.5, 128)
    t0 = time.perf_counter()
    sigs = []
    for i in range(0, len(texts), 500):
        toks = tokenize_many(texts[i : i + 500])
        sigs.append(signatures([ngram_hashes(t.hashes, 5) for t in toks], 128))
    t1 = time.perf_counter()
    matrix = np.concatenate(sigs)
    pairs = bucket_pairs(band_keys(matrix, params), np.arange(len(texts)))
    t2 = time.perf_counter()
    print(
        f"{args.docs} docs, {mb:.1f} MB: signatures {mb / (t1 - t0):.1f} MB/s, "
        f"signatures+LSH {mb / (t2 - t0):.1f} MB/s ({t2 - t0:.2f}s, {len(pairs)} candidate pairs, "
        f"{params.bands} bands x {params.rows} rows)"
    )


if __name__ == "__main__":
    main()
