"""``headwater eval stance``: check FNC-1-style pairs against their bodies and score with the FNC-1 measures.

The bodies go into a store of their own (a temporary one unless ``keep`` names it), one ``.txt``
file per body named as its ``doc``, so that the pairs' ``doc`` finds them as ``headwater articles``
lists them. Should two bodies ever be stored as one article (ids that are a hash of the text
alone), the others find it by the id of their cleaned text.

The measures (our own implementation of the FNC-1 scorer): the FNC-1 score as a share of the best
possible (0.25 for a right related/unrelated call, 0.75 more for the right stance of a related
pair), macro-F1 over the four classes, per-class precision/recall/F1, the confusion matrix.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from headwater.config import Config

LABELS = ("asserts", "denies", "reports", "unrelated")
FNC_NAMES = {"agree": "asserts", "disagree": "denies", "discuss": "reports", "unrelated": "unrelated"}
Progress = Callable[[str, int, int | None], None]


def _noop(stage: str, done: int, total: int | None) -> None:
    return None


def label(name: str | None) -> str:
    """A stance in headwater's names (FNC-1's agree/disagree/discuss accepted)."""
    name = (name or "unrelated").lower()
    return FNC_NAMES.get(name, name)


def _points(gold: str, pred: str) -> float:
    s = 0.25 if gold == pred else 0.0
    if gold == pred and gold != "unrelated":
        s += 0.5
    if gold != "unrelated" and pred != "unrelated":
        s += 0.25
    return s


@dataclass(frozen=True, slots=True)
class Scores:
    pairs: int
    fnc: float
    macro_f1: float
    related_accuracy: float
    per_class: dict[str, tuple[float, float, float, int]]  # label -> (precision, recall, f1, gold count)
    confusion: dict[str, dict[str, int]]


def score(pairs: list[tuple[str, str]]) -> Scores:
    """(gold, predicted) labels -> the FNC-1 measures."""
    best = sum(_points(g, g) for g, _ in pairs) or 1.0
    conf = Counter(pairs)
    per = {}
    for c in LABELS:
        tp = conf[(c, c)]
        fp = sum(conf[(g, c)] for g in LABELS if g != c)
        fn = sum(conf[(c, p)] for p in LABELS if p != c)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        per[c] = (pr, rc, 2 * pr * rc / (pr + rc) if pr + rc else 0.0, tp + fn)
    related = sum((g == "unrelated") == (p == "unrelated") for g, p in pairs) / max(len(pairs), 1)
    return Scores(
        len(pairs),
        sum(_points(g, p) for g, p in pairs) / best,
        sum(v[2] for v in per.values()) / 4,
        related,
        per,
        {g: {p: conf[(g, p)] for p in LABELS} for g in LABELS},
    )


def topic_split(pairs: list[dict[str, Any]]) -> dict[str, str]:
    """claim -> "dev" | "train". Topics are the connected groups of claims and bodies over related
    pairs; a topic is dev when the hash of its first claim (sorted) is 0 mod 5 (about a fifth)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        a = find("c:" + p["claim"])
        if label(p.get("stance")) != "unrelated":
            b = find("d:" + p["doc"])
            if a != b:
                parent[a] = b
    topics: dict[str, list[str]] = {}
    for p in pairs:
        topics.setdefault(find("c:" + p["claim"]), []).append(p["claim"])
    out = {}
    for claims in topics.values():
        dev = int(hashlib.sha1(min(claims).encode()).hexdigest(), 16) % 5 == 0
        out.update(dict.fromkeys(claims, "dev" if dev else "train"))
    return out


@dataclass
class StanceEval:
    split: str
    scores: Scores
    seconds_check: float
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        s = self.scores
        return {
            "split": self.split,
            "pairs": s.pairs,
            "fnc_score": round(s.fnc, 4),
            "macro_f1": round(s.macro_f1, 4),
            "related_accuracy": round(s.related_accuracy, 4),
            "per_class": {
                c: {"precision": round(v[0], 4), "recall": round(v[1], 4), "f1": round(v[2], 4), "gold": v[3]}
                for c, v in s.per_class.items()
            },
            "confusion": s.confusion,
            "seconds_check": round(self.seconds_check, 2),
            "errors": len(self.errors),
        }

    def render(self) -> str:
        s = self.scores
        lines = [f"stance ({self.split}): {s.pairs} pairs, checked in {self.seconds_check:.1f}s"]
        for c, (p, r, f, n) in s.per_class.items():
            lines.append(f"  {c:10s} P {p:.3f} R {r:.3f} F1 {f:.3f}  (gold {n})")
        lines.append("  confusion (rows gold, columns predicted): " + " ".join(LABELS))
        for g in LABELS:
            lines.append(f"    {g:10s} " + " ".join(f"{s.confusion[g][p]:6d}" for p in LABELS))
        lines.append(f"related/unrelated accuracy {s.related_accuracy:.4f}")
        lines.append(
            f"FNC score {s.fnc:.4f}  macro-F1 {s.macro_f1:.4f}  denies (disagree) F1 {s.per_class['denies'][2]:.4f}"
        )
        return "\n".join(lines)


def _read(path: Path) -> list[Any]:
    from headwater.check.batch import open_text

    with open_text(path) as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _write_bodies(bodies: list[dict[str, Any]], folder: Path, cfg: Config) -> dict[str, str]:
    """One file per body; returns doc -> the id its cleaned text gets (bodies whose cleaned text is
    the same are stored once, under the name read first)."""
    from headwater.clean import clean_document, load_patterns

    patterns = load_patterns(cfg.clean.patterns)
    ids = {}
    for b in bodies:
        doc, text = Path(str(b["doc"])).name, str(b["text"])
        path = folder / doc
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        ids[doc] = clean_document(text, patterns=patterns).id
    return ids


def _ref(doc: str, corpus: Any, ids: dict[str, str]) -> str:
    """The stored article of a body: by its name, else by the id of its cleaned text."""
    return doc if corpus.find(doc) is not None else ids.get(doc, doc)


def evaluate_stance(
    pairs_path: Path,
    bodies_path: Path,
    cfg: Config,
    *,
    split: str = "all",
    keep: Path | None = None,
    predictions: Path | None = None,
    on_progress: Progress = _noop,
) -> StanceEval:
    import time

    from headwater.check.batch import Pair, run_batch
    from headwater.check.load import ensure_extracted, load_corpus
    from headwater.pipeline import ingest_paths
    from headwater.store import Store

    gold = _read(pairs_path)
    bodies = _read(bodies_path)
    if split != "all":
        part = topic_split(gold)
        gold = [g for g in gold if part[g["claim"]] == split]
    with tempfile.TemporaryDirectory(prefix="headwater-stance-") as tmp:
        # a kept store keeps its bodies beside it: article ids include the file's path
        folder = keep.with_name(keep.name + ".bodies") if keep else Path(tmp) / "bodies"
        folder.mkdir(exist_ok=True)
        ids = _write_bodies(bodies, folder, cfg)
        db = keep or Path(tmp) / "stance.duckdb"
        with Store.open(db) as store:
            ingest_paths(store, cfg, [folder], on_progress)
            ensure_extracted(store, cfg, lambda d, t: on_progress("extract", d, t))
            corpus = load_corpus(store)
    start = time.perf_counter()
    items = [Pair(str(g["id"]), g["claim"], _ref(g["doc"], corpus, ids)) for g in gold]
    out = list(run_batch(items, corpus, cfg.check))
    seconds = time.perf_counter() - start
    if predictions is not None:
        with predictions.open("w", encoding="utf-8") as fh:
            for record, _ in out:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    labelled = [(label(g.get("stance")), rec["stance"]) for g, (rec, _) in zip(gold, out, strict=True)]
    return StanceEval(split, score(labelled), seconds, [e for _, e in out if e])
