"""`headwater run` against bare spaCy over the same texts, as whole processes, alternated (issue 12).

    .venv/bin/python bench/bench_parse_ratio.py [--articles 200] [--rounds 3] [--workers 1] [--keep DIR]
        [--texts FILE.jsonl[.gz]]

The texts are PolNeAR train articles written as .txt files in a temporary directory when
``../shared/eval/polnear/train.jsonl`` is there (never copied into the repo), else the example
corpus's .txt articles repeated with a varied first line so that every copy is its own article.

Each round runs, one after the other and each in a fresh Python process:

- **bare**: ``spacy.load([parse] model)`` and ``nlp.pipe(texts, batch_size=[parse] batch_size)``
  over the same files, every ``Doc`` consumed;
- **run**: ``headwater run DIR -o OUT --db NEW.duckdb`` (ingest, parse+extract, reuse, claims,
  dossier), with ``--workers`` when given.

The order alternates between rounds (bare-run, run-bare, ...) so that drift of the shared machine
falls on both. Printed: each process's wall time and peak memory, and the median ratio run/bare
of the rounds. Issue 12's target: ratio <= 1.15 with one worker.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear" / "train.jsonl"
EXAMPLES = ROOT / "examples" / "corpus"

BARE = """
import sys, pathlib, spacy
model, batch, folder = sys.argv[1], int(sys.argv[2]), pathlib.Path(sys.argv[3])
texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
nlp = spacy.load(model)
n = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch))
print(n)
"""


def write_corpus(folder: Path, articles: int, source: Path | None = None) -> str:
    """Write ``articles`` .txt files into ``folder``; return where the texts came from. ``source``: a
    JSONL file (``.gz`` too) of records with a ``text`` field (default: PolNeAR train when present)."""
    import gzip

    folder.mkdir(parents=True, exist_ok=True)
    source = source or (POLNEAR if POLNEAR.exists() else None)
    if source is not None:
        opener = gzip.open if source.suffix == ".gz" else open
        with opener(source, "rt", encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] for _, line in zip(range(articles), fh, strict=False)]
        for i in range(articles):  # past the end of train, copies with another first line
            text = texts[i % len(texts)] if i < len(texts) else f"Copy {i}\n\n{texts[i % len(texts)]}"
            (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        return f"{source.name}, first {min(articles, len(texts))} texts" + (
            f", repeated to {articles}" if articles > len(texts) else ""
        )
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    for i in range(articles):
        text = texts[i % len(texts)]
        (folder / f"{i:05d}.txt").write_text(f"Copy {i} of an example article\n\n{text}", encoding="utf-8")
    return f"example corpus .txt articles repeated ({len(texts)} distinct texts)"


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system of the process and its children) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    from headwater.config import load_config

    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    ap.add_argument("--texts", type=Path, help="JSONL[.gz] of {'text': ...} records (default: PolNeAR train)")
    args = ap.parse_args()
    cfg = load_config()
    tmp = Path(tempfile.mkdtemp(prefix="hw-ratio-"))
    folder = args.keep or tmp / "corpus"
    source = write_corpus(folder, args.articles, args.texts)
    headwater = str(Path(sys.executable).with_name("headwater"))
    bare = [sys.executable, "-c", BARE, cfg.parse.model, str(cfg.parse.batch_size), str(folder)]
    ratios: list[float] = []
    cpu_ratios: list[float] = []
    rows: list[str] = []
    try:
        for r in range(args.rounds):
            out = tmp / f"out{r}"
            run = [headwater, "run", str(folder), "-o", str(out), "--db", str(out / "hw.duckdb")]
            if args.workers != 1:
                run += ["--workers", str(args.workers)]
            order = [("bare", bare), ("run", run)] if r % 2 == 0 else [("run", run), ("bare", bare)]
            got = {name: timed(cmd) for name, cmd in order}
            shutil.rmtree(out, ignore_errors=True)
            ratios.append(got["run"][0] / got["bare"][0])
            cpu_ratios.append(got["run"][1] / got["bare"][1])
            rows.append(
                f"| {r + 1} | {' then '.join(n for n, _ in order)} | {got['bare'][0]:.1f} | {got['run'][0]:.1f} | "
                f"{ratios[-1]:.3f} | {got['bare'][1]:.1f} | {got['run'][1]:.1f} | {cpu_ratios[-1]:.3f} |"
            )
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
    print(
        f"{args.articles} articles ({source}); pipeline {cfg.parse.model}, batch {cfg.parse.batch_size}; "
        f"workers {args.workers}; {platform.python_version()}, {os.cpu_count()} cores, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )
    print(
        "\n| round | order | bare wall s | run wall s | wall ratio | bare CPU s | run CPU s | CPU ratio |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- |"
    )
    print("\n".join(rows))
    print(f"\nmedian ratio run/bare: wall {statistics.median(ratios):.3f}, CPU {statistics.median(cpu_ratios):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
