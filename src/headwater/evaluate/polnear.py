"""PolNeAR scoring, faithful to ``../shared/tools/score_attributions_polnear.py``: content P/R/F1 at
``theta`` and exact, attribution (content + source + cue overlap) P/R/F1, source and cue accuracy."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

TRIM = set(" \t\n\r\"'“”‘’„‚«»‹›`")
Spans = list[list[int]]


_GAP = set(" \t\n\r,;:—–-()")


def content_spans(text: str, s: int, e: int, holes: Spans) -> Spans:
    """[s, e) without the ``holes`` (the cue and source inside it); gap punctuation around a hole goes too."""
    pieces = [(s, e)]
    for hs, he in sorted(holes):
        nxt = []
        for a, b in pieces:
            if he <= a or hs >= b:
                nxt.append((a, b))
                continue
            while hs > a and text[hs - 1] in _GAP:
                hs -= 1
            while he < b and text[he] in _GAP:
                he += 1
            nxt += [(a, hs), (he, b)]
        pieces = nxt
    out = [[a, b] for a, b in pieces if b - a >= 2]
    return out or [[s, e]]


def charset(spans: Iterable[Iterable[int]], text: str) -> set[int]:
    out: set[int] = set()
    for s, e in spans:
        out.update(i for i in range(s, e) if text[i] not in TRIM)
    return out


def f1(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    if inter == 0:
        return 0.0
    p, r = inter / len(b), inter / len(a)
    return 2 * p * r / (p + r)


def assign(weights: list[list[float]]) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one pairs (scipy when installed, else greedy, as the reference scorer)."""
    if not weights or not weights[0]:
        return []
    try:
        import numpy as np
        from scipy.optimize import linear_sum_assignment

        rows, cols = linear_sum_assignment(np.array(weights), maximize=True)
        return list(zip(rows.tolist(), cols.tolist(), strict=True))
    except ImportError:
        cells = sorted(((w, i, j) for i, row in enumerate(weights) for j, w in enumerate(row)), reverse=True)
        used_i: set[int] = set()
        used_j: set[int] = set()
        pairs = []
        for _w, i, j in cells:
            if i not in used_i and j not in used_j:
                used_i.add(i)
                used_j.add(j)
                pairs.append((i, j))
        return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _count_doc(
    c: dict[str, int], text: str, gold: list[dict[str, Any]], pred: list[dict[str, Any]], theta: float
) -> None:
    keys = ("source", "cue", "content")
    G = [{k: charset(a.get(k, []), text) for k in keys} for a in gold]
    P = [{k: charset(a.get(k, []), text) for k in keys} for a in pred]
    c["n_gold"] += len(G)
    c["n_pred"] += len(P)
    if not G or not P:
        return
    w = [[f1(ga["content"], pa["content"]) for pa in P] for ga in G]
    for i, j in assign(w):
        if w[i][j] < theta:
            continue
        ga, pa = G[i], P[j]
        c["content"] += 1
        c["content_exact"] += ga["content"] == pa["content"]
        s_over = bool(ga["source"] & pa["source"]) or (not ga["source"] and not pa["source"])
        q_over = bool(ga["cue"] & pa["cue"]) or (not ga["cue"] and not pa["cue"])
        c["src_exact"] += ga["source"] == pa["source"]
        c["src_overlap"] += s_over
        c["cue_exact"] += ga["cue"] == pa["cue"]
        c["cue_overlap"] += q_over
        c["full"] += s_over and q_over


def score(gold: dict[str, dict[str, Any]], pred: dict[str, list[dict[str, Any]]], theta: float = 0.5) -> dict[str, Any]:
    """``gold``: doc_id -> gold record (with ``text``); ``pred``: doc_id -> predicted attributions."""
    c = dict.fromkeys(
        (
            "n_gold",
            "n_pred",
            "content",
            "content_exact",
            "src_exact",
            "src_overlap",
            "cue_exact",
            "cue_overlap",
            "full",
        ),
        0,
    )
    for doc_id, g in gold.items():
        _count_doc(c, g["text"], g["attributions"], pred.get(doc_id, []), theta)
    n_p, n_g, m = c["n_pred"], c["n_gold"], c["content"] or 1
    return {
        "gold": n_g,
        "predicted": n_p,
        "theta": theta,
        "content": prf(c["content"], n_p, n_g),
        "content_exact": prf(c["content_exact"], n_p, n_g),
        "attribution": prf(c["full"], n_p, n_g),
        "source_exact": c["src_exact"] / m,
        "source_overlap": c["src_overlap"] / m,
        "cue_exact": c["cue_exact"] / m,
        "cue_overlap": c["cue_overlap"] / m,
    }
