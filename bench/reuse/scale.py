"""100,000-article synthetic scale run (generated, not committed): python bench/reuse/scale.py DB [--docs N].

Articles are written straight into a scratch store (cleaned text = generated text) so the
run measures the reuse stage; ~10% of articles are copies, trims, edits or embeds.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from pathlib import Path

from headwater.config import load_config
from headwater.evaluate.reuse_corpus import _derive, article, vocabulary
from headwater.exec.reuse import run_reuse
from headwater.model import Document
from headwater.store import Store, articles

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("verbatim", "trimmed", "shuffled", "edited_light", "edited_20", "embedded")


def build(store: Store, n: int) -> None:
    from headwater.clean import text_id

    rng = random.Random(3)
    vocab = vocabulary(ROOT / "examples" / "corpus")
    batch: list[Document] = []
    sources: list[list[str]] = []
    for i in range(n):
        if sources and rng.random() < 0.1:
            paras, _ = _derive(rng.choice(KINDS), rng, rng.choice(sources), vocab)
        else:
            paras = article(rng, vocab, rng.randint(4, 12))
            if len(sources) < 5000:
                sources.append(paras)
        text = "\n\n".join(paras)
        batch.append(
            Document(
                id=text_id(text),
                doc=f"a{i:06d}.txt",
                path="synthetic",
                raw_text=text,
                text=text,
                published=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
            )
        )
        if len(batch) == 2000:
            articles.insert(store, batch)
            batch = []
    if batch:
        articles.insert(store, batch)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db", type=Path)
    ap.add_argument("--docs", type=int, default=100_000)
    args = ap.parse_args()
    with Store.open(args.db) as store:
        t0 = time.perf_counter()
        if articles.count(store) == 0:
            build(store, args.docs)
        t1 = time.perf_counter()
        mb = store.con.execute("SELECT sum(strlen(text)) FROM articles").fetchone()[0] / 1e6
        summary = run_reuse(store, load_config())
        t2 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"built in {t1 - t0:.1f}s; {mb:.0f} MB of text; reuse stage {t2 - t1:.1f}s; peak RSS {peak:.0f} MB")
    print(summary)


if __name__ == "__main__":
    main()
