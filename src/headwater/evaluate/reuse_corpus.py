"""A labelled reuse corpus generated from the example corpus (for ``headwater eval reuse`` and bench/reuse).

Source articles are written with the example corpus's vocabulary (word frequencies of
``examples/corpus``), so no two sources share a passage by accident. Each source gets
derived copies of one kind: verbatim (with other boilerplate), trimmed, paragraph-shuffled,
5-10% or 20% of words edited, or a block of paragraphs embedded in an unrelated article.
Unrelated articles are added too. ``labels.jsonl`` lists each (source, derived, kind) with
the embedded block's text for passage boundary checks.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path

KINDS = ("verbatim", "trimmed", "shuffled", "edited_light", "edited_20", "embedded")
_BOILER = (
    "Get the {o} Morning Briefing in your inbox\nWe use your sign-up to send you the stories you asked for",
    "Follow {o} on social media for the latest updates\nDownload our app",
    "Subscribe to {o} Premium\nAlready a member? Log in",
)


VOCABULARY_FILE = "reuse_vocabulary.txt"  # in headwater/data: vocabulary(examples/corpus), shipped with the package


def shipped_vocabulary() -> tuple[list[str], list[int]]:
    """The example corpus's vocabulary as shipped in the package (an installed headwater has no examples/)."""
    from headwater.lexicon import lines

    rows = [line.split("\t") for line in lines(VOCABULARY_FILE) if line]
    return [w for w, _ in rows], [int(c) for _, c in rows]


def write_vocabulary(examples: Path, out: Path) -> None:
    words, counts = vocabulary(examples)
    lines = [
        "# word frequencies of examples/corpus for `headwater eval reuse` (written by "
        "headwater.evaluate.reuse_corpus.write_vocabulary; tests/test_cli_api.py checks it is current)"
    ]
    out.write_text("\n".join(lines + [f"{w}\t{c}" for w, c in zip(words, counts, strict=True)]) + "\n", "utf-8")


def vocabulary(examples: Path | None) -> tuple[list[str], list[int]]:
    """The 3,000 commonest words of the example corpus (``None``: the copy shipped in the package)."""
    if examples is None:
        return shipped_vocabulary()
    words: Counter[str] = Counter()
    for f in sorted(examples.glob("*")):
        if f.suffix in (".txt", ".html", ".jsonl"):
            words.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", f.read_text("utf-8", "replace")))
    top = words.most_common(3000)
    return [w for w, _ in top], [c for _, c in top]


def article(rng: random.Random, vocab: tuple[list[str], list[int]], paragraphs: int) -> list[str]:
    words, weights = vocab
    out = []
    for _ in range(paragraphs):
        sents = []
        for _ in range(rng.randint(2, 4)):
            sents.append(" ".join(rng.choices(words, weights, k=rng.randint(10, 24))).capitalize() + ".")
        out.append(" ".join(sents))
    return out


def edit(rng: random.Random, paras: list[str], rate: float, vocab: tuple[list[str], list[int]]) -> list[str]:
    """Substitute, insert or delete ``rate`` of the words."""
    out = []
    for p in paras:
        ws = p.split()
        res: list[str] = []
        for w in ws:
            r = rng.random()
            if r < rate / 3:
                res.append(rng.choice(vocab[0]))
            elif r < 2 * rate / 3:
                res.extend([w, rng.choice(vocab[0])])
            elif r >= rate:
                res.append(w)
        out.append(" ".join(res))
    return out


def _derive(kind: str, rng: random.Random, src: list[str], vocab) -> tuple[list[str], str | None]:  # type: ignore[no-untyped-def]
    if kind == "verbatim":
        return list(src), None
    if kind == "trimmed":
        return src[: max(2, round(len(src) * rng.uniform(0.45, 0.8)))], None
    if kind == "shuffled":
        out = list(src)
        while out == src:
            rng.shuffle(out)
        return out, None
    if kind in ("edited_light", "edited_20"):
        return edit(rng, src, rng.uniform(0.05, 0.10) if kind == "edited_light" else 0.20, vocab), None
    host = article(rng, vocab, rng.randint(6, 10))
    i = rng.randrange(len(src) - 1)
    block = src[i : i + rng.randint(1, 2)]
    at = rng.randint(1, len(host) - 1)
    return host[:at] + block + host[at:], "\n\n".join(block)


def _write(path: Path, title: str, paras: list[str], outlet: str, rng: random.Random) -> None:
    banner = rng.choice(_BOILER).format(o=outlet)
    head, tail = (banner, "") if rng.random() < 0.5 else ("", banner)
    parts = [title] + ([head] if head else []) + paras + ([tail] if tail else [])
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")


def make_corpus(examples: Path | None, out: Path, sources: int = 60, unrelated: int = 40, seed: int = 7) -> int:
    """Write the corpus and labels.jsonl into ``out``; return the number of labelled pairs.
    ``examples`` None: the vocabulary shipped in the package (the same words)."""
    rng = random.Random(seed)
    vocab = vocabulary(examples)
    out.mkdir(parents=True, exist_ok=True)
    labels = []
    for s in range(sources):
        src = article(rng, vocab, rng.randint(6, 10))
        kind = KINDS[s % len(KINDS)]
        name = f"src{s:03d}.txt"
        _write(out / name, f"Source story {s}", src, "Origin Wire", rng)
        for c in range(2):
            derived, block = _derive(kind, rng, src, vocab)
            dname = f"src{s:03d}_{kind}_{c}.txt"
            _write(out / dname, f"Copy {c} of story {s}", derived, f"Outlet {rng.randint(1, 9)}", rng)
            labels.append({"source": name, "target": dname, "kind": kind, "passage": block})
    for u in range(unrelated):
        _write(out / f"other{u:03d}.txt", f"Other story {u}", article(rng, vocab, rng.randint(4, 10)), "Elsewhere", rng)
    with open(out / "labels.jsonl", "w", encoding="utf-8") as fh:
        for row in labels:
            fh.write(json.dumps(row) + "\n")
    return len(labels)
