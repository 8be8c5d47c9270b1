"""Speed of attribution extraction against the spaCy parse it runs on (one run, both figures).

    PYTHONPATH=src python bench/attributions/speed.py [--gold ../shared/eval/polnear/dev.jsonl] [--repeat 1]

Texts: the PolNeAR dev articles when present, else the bundled example corpus. Parse time is
``nlp.pipe`` over all texts (batch 32); extraction time is ``extract_attributions`` over the parsed
docs. Prints words/s for both and the overhead extraction adds to the parse.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def texts(gold: Path) -> list[str]:
    if gold.is_file():
        return [json.loads(line)["text"] for line in gold.open(encoding="utf-8")]
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "corpus").glob("*.txt"))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "eval" / "polnear" / "dev.jsonl")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    from headwater.extract import extract_attributions
    from headwater.parse import load_nlp

    nlp = load_nlp()
    corpus = texts(args.gold) * args.repeat
    words = sum(len(t.split()) for t in corpus)
    list(nlp.pipe(corpus[:5]))  # warm up
    t0 = time.perf_counter()
    docs = list(nlp.pipe(corpus, batch_size=32))
    parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    n = sum(len(extract_attributions(d)) for d in docs)
    extract = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "articles": len(corpus),
                "words": words,
                "attributions": n,
                "parse_s": round(parse, 2),
                "extract_s": round(extract, 2),
                "parse_words_per_s": round(words / parse),
                "extract_words_per_s": round(words / extract),
                "overhead_pct": round(100 * extract / parse, 1),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
