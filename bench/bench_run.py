"""`headwater run` on a 1,000-article corpus: how much of the time the cross-article stages take.

    .venv/bin/python bench/bench_run.py [--articles 1000] [--seed 11] [--corpus news|recombined] [--keep DIR]

Two corpora, built in a temporary directory (never committed):

- ``--corpus news`` (default): a newsroom-like corpus. Every article takes 6-10 paragraphs of the
  example corpus and replaces their content words with pseudo-words drawn for that article (function
  words, punctuation, quote marks, reporting verbs and cue phrases stay, so parsing and extraction do
  the same work as on real news), and 10% of the articles are reprints of an earlier one (verbatim
  with other boilerplate, or trimmed), the rest unrelated: reuse in the proportion a news crawl has.
- ``--corpus recombined`` (stress test): paragraphs of the example corpus recombined, so every
  article shares passages with hundreds of others; the reuse stage's worst case.

In the recombined corpus, each article takes each article takes a headline, a dateline, a byline with one of 40 outlets and
6-10 paragraphs, each a run of sentences of an example paragraph, sometimes trimmed by a
sentence or followed by a sentence from elsewhere (quotes, cues and figures mostly stay intact,
so articles have attributions, claims, denials and estimates; passages recur across articles as
reprinted wire copy does, but rarely line for line, so the cleaner keeps them). The whole pipeline then runs once
(`headwater.pipeline.run_pipeline`, the function behind `headwater run`) and its per-stage
timings (``RunResult.timings``) are printed as markdown for bench/RESULTS.md.

Issue 5's target: the cross-article stages (reuse + claims + report) take at most a tenth of the
total time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"
CROSS = ("reuse", "claims", "report")


def paragraphs() -> list[tuple[str, str]]:
    """(source name, paragraph) for every body paragraph of the example .txt and .jsonl articles."""
    out: list[tuple[str, str]] = []
    for f in sorted(EXAMPLES.glob("*.txt")):
        body = f.read_text(encoding="utf-8").split("\n\n")[1:]
        out += [(f.stem, p.strip()) for p in body if len(p.split()) >= 12]
    for f in sorted(EXAMPLES.glob("*.jsonl")):
        for i, line in enumerate(f.read_text(encoding="utf-8").splitlines()):
            text = json.loads(line)["text"]
            out += [(f"{f.stem}#{i}", p.strip()) for p in text.split("\n\n") if len(p.split()) >= 12]
    return out


_SENTENCE = re.compile(r"(?<=[.!?”»“])\s+(?=[A-Z“«„\"])")


def recombined_paragraph(pool: list[tuple[str, str]], rng: random.Random) -> str:
    """A run of sentences of one example paragraph (sometimes without its first or last sentence),
    sometimes followed by a sentence of another: paragraphs recur, but rarely line for line, so
    the cleaner does not take them for boilerplate."""
    sents = _SENTENCE.split(rng.choice(pool)[1])
    if len(sents) > 2 and rng.random() < 0.5:
        sents = sents[1:] if rng.random() < 0.5 else sents[:-1]
    if rng.random() < 0.5:
        sents.append(rng.choice(_SENTENCE.split(rng.choice(pool)[1])))
    return " ".join(sents)


_WORD = re.compile(r"[A-Za-z][a-z]{3,}")
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ar", "en", "ol")]


def _protected() -> set[str]:
    """Words kept as they are: function words and every word of the cue lexicon."""
    from spacy.lang.en.stop_words import STOP_WORDS

    cues = (ROOT / "src" / "headwater" / "data" / "cues.toml").read_text(encoding="utf-8")
    irregular = {
        "told",
        "said",
        "says",
        "thought",
        "wrote",
        "spoke",
        "knew",
        "heard",
        "felt",
        "meant",
        "held",
        "found",
        "gave",
        "made",
        "saw",
        "went",
        "according",
        "reportedly",
        "allegedly",
    }
    return set(STOP_WORDS) | irregular | {w.lower() for w in re.findall(r"[A-Za-z]+", cues)}


def _kept(word: str, keep: set[str]) -> bool:
    low = word.lower()
    return low in keep or any(low.endswith(sfx) and low[: -len(sfx)] in keep for sfx in ("s", "es", "d", "ed", "ing"))


def _pseudo(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))


def disguised_paragraph(text: str, keep: set[str], rng: random.Random, table: dict[str, str]) -> str:
    """The paragraph with every content word swapped for this article's pseudo-word (case kept)."""

    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        if _kept(word, keep):
            return word
        new = table.setdefault(word.lower(), _pseudo(rng))
        return new.capitalize() if word[0].isupper() else new

    text = re.sub(r"\d[\d,]*", lambda m: f"{rng.randint(2, 9000):,}", text)
    return _WORD.sub(swap, text)


def make_news_corpus(folder: Path, n: int, seed: int) -> int:
    """``n`` unrelated disguised articles, 10% of them reprints of an earlier one; return bytes written."""
    rng, pool, keep = random.Random(seed), paragraphs(), _protected()
    size, written = 0, []
    for i in range(n):
        day = dt.date(2025, 3, 1) + dt.timedelta(days=rng.randint(0, 30))
        if written and rng.random() < 0.1:
            body = rng.choice(written)
            if rng.random() < 0.5:
                body = "\n\n".join(body.split("\n\n")[: max(3, len(body.split("\n\n")) * 2 // 3)])
            text = f"Published: {day.isoformat()}\nShare This Post\n\n{body}\n\nSource: Outlet {i % 40}\n"
        else:
            table: dict[str, str] = {}
            picked = [disguised_paragraph(rng.choice(pool)[1], keep, rng, table) for _ in range(rng.randint(6, 10))]
            body = " ".join(picked[0].split()[:10]).rstrip(",.;:") + "\n\n" + "\n\n".join(picked)
            written.append(body)
            text = (
                f"{body.split(chr(10))[0]}\n\nPublished: {day.isoformat()}\nBy Staff Reporter, Outlet {i % 40}\n\n"
                + "\n\n".join(body.split("\n\n")[1:])
                + "\n"
            )
        (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


def make_corpus(folder: Path, n: int, seed: int) -> int:
    """Write ``n`` recombined articles as .txt files; return the bytes written."""
    rng = random.Random(seed)
    pool = paragraphs()
    size = 0
    for i in range(n):
        picked = [recombined_paragraph(pool, rng) for _ in range(rng.randint(6, 10))]
        headline = " ".join(picked[0].split()[:10]).rstrip(",.;:")
        day = dt.date(2025, 3, 1) + dt.timedelta(days=rng.randint(0, 30))
        text = (
            f"{headline}\n\nPublished: {day.isoformat()}\nBy Staff Reporter, Outlet {i % 40}\n\n"
            + "\n\n".join(picked)
            + "\n"
        )
        (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


def run(folder: Path, work: Path) -> tuple[dict[str, float], dict[str, str], float]:
    from headwater.config import load_config
    from headwater.pipeline import run_pipeline

    cfg = load_config().override("store", db=str(work / "bench.duckdb"))
    t = time.perf_counter()
    result = run_pipeline([str(folder)], cfg, work / "out")
    return dict(result.timings), dict(result.stages), time.perf_counter() - t


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.machine()}, {cpu}, {os.cpu_count()} cores; Python {platform.python_version()}"
    )


def report(args: argparse.Namespace, size: int, timings: dict[str, float], stages: dict[str, str], wall: float) -> str:
    total = sum(timings.values())
    cross = sum(timings.get(s, 0.0) for s in CROSS)
    rows = "\n".join(f"| {name} | {sec:.2f} | {100 * sec / total:.1f}% |" for name, sec in timings.items())
    verdict = "met" if cross <= total / 10 else "NOT met"
    return f"""## `headwater run` on {args.articles:,} articles, `--corpus {args.corpus}`

Command: `.venv/bin/python bench/bench_run.py --articles {args.articles} --seed {args.seed} --corpus {args.corpus}`
Date: {dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")}
Machine: {machine()}

Corpus: {args.articles:,} articles ({size / 1e6:.1f} MB), `--corpus {args.corpus}` (see the script's
docstring; generated in a temporary directory, not committed). One run of `run_pipeline` (what
`headwater run` calls), fresh store.

| stage | seconds | share |
|---|---|---|
{rows}
| **total (stages)** | **{total:.2f}** | 100% |

Wall time of the whole run: {wall:.2f} s.
Cross-article stages (reuse + claims + report): **{cross:.2f} s = {100 * cross / total:.1f}%** of the
stage total. Target (at most 10%): **{verdict}**.

Stage summaries:

- claims: `{stages.get("claims", "")}`
- reuse: `{stages.get("reuse", "")}`
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--corpus", choices=("news", "recombined"), default="news")
    ap.add_argument("--keep", type=Path, help="build the corpus and store here instead of a temporary directory")
    ap.add_argument("--write", type=Path, help="also write the results (markdown) to this file")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        folder = work / "corpus"
        folder.mkdir(parents=True, exist_ok=True)
        build = make_news_corpus if args.corpus == "news" else make_corpus
        size = build(folder, args.articles, args.seed)
        timings, stages, wall = run(folder, work)
    text = report(args, size, timings, stages, wall)
    print(text)
    if args.write:
        args.write.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
