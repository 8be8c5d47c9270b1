"""``headwater eval reuse``: pair precision and recall by kind, and passage boundary accuracy."""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from headwater.config import Config


@dataclass
class ReuseEval:
    corpus: str
    pairs: int
    recall: dict[str, float] = field(default_factory=dict)
    precision: dict[str, float] = field(default_factory=dict)
    kind_agreement: dict[str, float] = field(
        default_factory=dict
    )  # derived copies named near_duplicate/exact or partial as expected
    boundary: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def render(self) -> str:
        lines = [
            f"reuse evaluation on {self.corpus} ({self.pairs} labelled pairs, {self.seconds:.1f}s)",
            f"{'kind':<14}{'precision':>10}{'recall':>10}{'kind ok':>10}",
        ]
        for kind in sorted(k for k in self.recall if k != "all"):
            lines.append(
                f"{kind:<14}{self.precision.get(kind, 1.0):>10.3f}{self.recall[kind]:>10.3f}"
                f"{self.kind_agreement.get(kind, 0.0):>10.3f}"
            )
        lines.append(f"{'all':<14}{self.precision.get('all', 1.0):>10.3f}{self.recall.get('all', 0.0):>10.3f}")
        lines.append("passage boundaries: " + ", ".join(f"{k} {v}" for k, v in self.boundary.items()))
        return "\n".join(lines)


def _families(labels: list[dict[str, Any]]) -> dict[str, str]:
    fam = {}
    for row in labels:
        fam[row["source"]] = row["source"]
        fam[row["target"]] = row["source"]
    return fam


def _boundary(errors: list[int]) -> dict[str, float]:
    if not errors:
        return {"boundaries": 0}
    return {
        "boundaries": len(errors),
        "mean_abs_chars": round(sum(errors) / len(errors), 2),
        "within_5_chars": round(sum(e <= 5 for e in errors) / len(errors), 3),
    }


def score(store, labels: list[dict[str, Any]]) -> ReuseEval:  # type: ignore[no-untyped-def]
    from headwater.store import reuse as db

    docs = {i: d[0] for i, d in db.docs_by_id(store).items()}
    texts = dict(store.con.execute("SELECT doc, text FROM articles").fetchall())
    fam = _families(labels)
    gold = {frozenset((r["source"], r["target"])): r for r in labels}
    exact_of: dict[str, str] = {}
    found: dict[frozenset[str], Any] = {}
    for e in db.load_edges(store):
        a, b = docs[e.source_article], docs[e.target_article]
        found[frozenset((a, b))] = e
        if e.kind == "exact":
            exact_of[b] = a
    tp: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    for pair in found:
        a, b = sorted(pair)
        kind = (
            gold[pair]["kind"]
            if pair in gold
            else next((r["kind"] for r in labels if r["target"] in pair), "unrelated")
        )
        ok = fam.get(a) is not None and fam.get(a) == fam.get(b)
        (tp if ok else fp)[kind] += 1
    res = ReuseEval(corpus="", pairs=len(labels))
    hits: dict[str, list[bool]] = defaultdict(list)
    agree: dict[str, list[bool]] = defaultdict(list)
    errors: list[int] = []
    for key, row in gold.items():
        s, t = row["source"], row["target"]
        edge = found.get(key) or found.get(frozenset((exact_of.get(s, s), exact_of.get(t, t))))
        hits[row["kind"]].append(edge is not None)
        expected = "partial" if row["kind"] == "embedded" else "copy"
        got = None if edge is None else ("partial" if edge.kind == "partial" else "copy")
        agree[row["kind"]].append(got == expected)
        if row["passage"] and edge is not None:
            errors.extend(_passage_errors(edge, docs, texts, s, t, row["passage"]))
    for kind, h in hits.items():
        res.recall[kind] = round(sum(h) / len(h), 4)
        res.kind_agreement[kind] = round(sum(agree[kind]) / len(agree[kind]), 4)
    for kind in set(tp) | set(fp):
        res.precision[kind] = round(tp[kind] / (tp[kind] + fp[kind]), 4)
    res.recall["all"] = round(sum(sum(h) for h in hits.values()) / max(1, len(gold)), 4)
    res.precision["all"] = round(sum(tp.values()) / max(1, sum(tp.values()) + sum(fp.values())), 4)
    res.boundary = _boundary(errors)
    return res


def _passage_errors(edge, docs, texts, s: str, t: str, block: str) -> list[int]:  # type: ignore[no-untyped-def]
    """Boundary errors (chars) of the predicted passage overlapping the gold block, both sides."""
    out = []
    for side_doc, attr in ((s, "source"), (t, "target")):
        is_source = docs[edge.source_article] == side_doc
        start_key = "source" if is_source else "target"
        text = texts[side_doc]
        g0 = text.find(block)
        if g0 < 0:
            continue
        g1 = g0 + len(block)
        spans = [(getattr(p, f"{start_key}_start"), getattr(p, f"{start_key}_end")) for p in edge.passages]
        overlap = [sp for sp in spans if sp[0] < g1 and sp[1] > g0]
        if overlap:
            best = max(overlap, key=lambda sp: min(sp[1], g1) - max(sp[0], g0))
            out.extend([abs(best[0] - g0), abs(best[1] - g1)])
        else:
            out.extend([len(block), len(block)])
        del attr
    return out


def evaluate_reuse(corpus: Path | None, cfg: Config) -> ReuseEval:
    """Ingest a labelled corpus into a scratch store, run the reuse stage and score it."""
    import time

    from headwater.evaluate.reuse_corpus import make_corpus
    from headwater.exec.reuse import run_reuse
    from headwater.pipeline import ingest_paths
    from headwater.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        if corpus is None:
            corpus = Path(tmp) / "corpus"
            make_corpus(None, corpus)  # the example corpus's vocabulary, shipped in the package
        labels = [json.loads(line) for line in (corpus / "labels.jsonl").read_text("utf-8").splitlines() if line]
        files = [p for p in sorted(corpus.iterdir()) if p.name != "labels.jsonl"]
        t0 = time.perf_counter()
        with Store.open(Path(tmp) / "eval.duckdb") as store:
            ingest_paths(store, cfg, files)
            run_reuse(store, cfg)
            result = score(store, labels)
        result.seconds = round(time.perf_counter() - t0, 2)
        result.corpus = "generated from examples/corpus" if corpus.parent == Path(tmp) else str(corpus)
        return result
