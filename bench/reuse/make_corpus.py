"""Write the labelled reuse corpus: python bench/reuse/make_corpus.py OUT_DIR [--sources N]."""

from __future__ import annotations

import argparse
from pathlib import Path

from headwater.evaluate.reuse_corpus import make_corpus

ROOT = Path(__file__).resolve().parents[2]

if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--sources", type=int, default=60)
    ap.add_argument("--unrelated", type=int, default=40)
    args = ap.parse_args()
    n = make_corpus(ROOT / "examples" / "corpus", args.out, args.sources, args.unrelated)
    print(f"{n} labelled pairs written to {args.out}")
