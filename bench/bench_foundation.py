"""Foundation benchmarks: start-up time and ingest throughput.

    .venv/bin/python bench/bench_foundation.py [--articles 2000]

Start-up: `import headwater` and `headwater --help` wall time (median of 5 runs).
Ingest: N synthetic .txt articles (paragraphs of the example corpus shuffled and
re-mixed, with a shared banner) ingested into a fresh store; articles/s and MB/s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def wall(cmd: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def make_corpus(folder: Path, n: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    paras = []
    for f in sorted((ROOT / "examples" / "corpus").glob("*.txt")):
        paras += [p for p in f.read_text(encoding="utf-8").split("\n\n") if len(p.split()) > 12]
    size = 0
    for i in range(n):
        body = rng.sample(paras, k=min(10, len(paras)))
        words = " ".join(body).split()
        rng.shuffle(words)  # break reprint structure: every article is different
        text = (
            f"Synthetic article {i}\n\nWe use cookies to improve your experience.\n\n"
            + "\n\n".join(" ".join(words[j : j + 60]) for j in range(0, len(words), 60))
            + f"\n\nSource: Outlet {i % 20}\n"
        )
        (folder / f"a{i:06d}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    args = ap.parse_args()
    py = sys.executable
    exe = str(Path(py).with_name("headwater"))
    print(f"import headwater: {wall([py, '-c', 'import headwater']):.3f} s")
    print(f"headwater --help: {wall([exe, '--help']):.3f} s")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        size = make_corpus(folder, args.articles)
        db = Path(tmp) / "b.duckdb"
        t = time.perf_counter()
        subprocess.run([exe, "ingest", str(folder), "--db", str(db), "--quiet"], check=True)
        first = time.perf_counter() - t
        t = time.perf_counter()
        subprocess.run([exe, "ingest", str(folder), "--db", str(db), "--quiet"], check=True)
        again = time.perf_counter() - t
    print(
        f"ingest {args.articles} articles ({size / 1e6:.1f} MB): {first:.1f} s "
        f"= {args.articles / first:.0f} articles/s, {size / 1e6 / first:.2f} MB/s; re-ingest (adds 0): {again:.1f} s"
    )


if __name__ == "__main__":
    main()
