"""The batch form: ``{"id", "claim", "doc"}`` lines in, ``{"id", "stance", "score", "evidence"}`` lines out."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from headwater.check import check_pairs
from headwater.check.index import Corpus
from headwater.config import CheckConfig
from headwater.model import ArticleStance, Evidence


@dataclass(frozen=True, slots=True)
class Pair:
    id: str
    claim: str
    doc: str


def open_text(path: Path):  # type: ignore[no-untyped-def]
    return gzip.open(path, "rt", encoding="utf-8") if path.name.endswith(".gz") else path.open(encoding="utf-8")


def read_pairs(path: Path) -> tuple[list[Pair], list[str]]:
    """The pairs of a JSONL(.gz) file, and one error line per unusable line (file, line, reason)."""
    pairs: list[Pair] = []
    errors: list[str] = []
    try:
        with open_text(path) as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                item = _pair(line)
                if isinstance(item, str):
                    errors.append(f"{path}:{n}: {item}")
                else:
                    pairs.append(item)
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        errors.append(f"{path}: cannot read: {exc}")
    return pairs, errors


def _pair(line: str) -> Pair | str:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return f"malformed JSON line: {exc.msg}"
    if not isinstance(obj, dict):
        return "line is not a JSON object"
    missing = [k for k in ("id", "claim", "doc") if obj.get(k) in (None, "")]
    if missing:
        return f"missing {', '.join(missing)}"
    if not isinstance(obj["claim"], str) or not isinstance(obj["doc"], str):
        return "'claim' and 'doc' must be strings"
    return Pair(str(obj["id"]), obj["claim"], obj["doc"])


def evidence_json(ev: Evidence) -> dict[str, Any]:
    return {
        "text": ev.text,
        "start": ev.start,
        "end": ev.end,
        "speaker": ev.speaker,
        "cue": ev.cue,
        "kind": ev.kind,
        "signal": ev.signal,
    }


def stance_json(row: ArticleStance) -> dict[str, Any]:
    return {
        "article_id": row.article_id,
        "doc": row.doc,
        "stance": row.stance,
        "score": row.score,
        "group": row.group,
        "evidence": [evidence_json(e) for e in row.evidence],
    }


def run_batch(pairs: list[Pair], corpus: Corpus, cfg: CheckConfig) -> Iterator[tuple[dict[str, Any], str | None]]:
    """One output record per pair, in input order, and an error when its article is not stored
    (that pair is then predicted unrelated, so that every pair has a prediction)."""
    results = check_pairs(((p.claim, p.doc) for p in pairs), corpus, cfg)
    for pair, row in zip(pairs, results, strict=True):
        if row is None:
            yield (
                {"id": pair.id, "stance": "unrelated", "score": 0.0, "evidence": []},
                f"pair {pair.id}: no stored article '{pair.doc}' (predicted unrelated)",
            )
            continue
        yield (
            {
                "id": pair.id,
                "stance": row.stance,
                "score": row.score,
                "evidence": [evidence_json(e) for e in row.evidence],
            },
            None,
        )
