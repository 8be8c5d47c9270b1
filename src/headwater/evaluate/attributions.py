"""``headwater eval attributions``: score the extractor on the seed gold or on PolNeAR.

Seed gold (``seed_attributions.jsonl``, one attribution a line with ``doc``/``aliases``/``content``/
``content_start``): the seeds are read through headwater's own cleaner; figures as its README defines.
PolNeAR (one article a line with ``text`` and ``attributions``): the extractor runs on ``text`` directly
and the figures are those of ``score_attributions_polnear.py``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from headwater.errors import HeadwaterError
from headwater.model import Attribution, Document

_QUOTES = re.compile(r"[\"'“”‘’„‚«»‹›`]")


def detect_format(path: Path) -> str:
    with path.open(encoding="utf-8") as fh:
        first = fh.readline()
    try:
        row = json.loads(first)
    except json.JSONDecodeError as exc:
        raise HeadwaterError(f"{path}: not a JSONL gold file ({exc})") from exc
    if "text" in row and "attributions" in row:
        return "polnear"
    if "doc" in row and "content" in row and "aliases" in row:
        return "seed"
    raise HeadwaterError(f"{path}: unknown gold format (expected the seed gold or PolNeAR JSONL)")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", _QUOTES.sub("", text)).strip().casefold()


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", _norm(text))


def content_matches(snippet: str, content: str) -> bool:
    """The README's rule: content holds the snippet (normalised) or 70% of its words."""
    if _norm(snippet) in _norm(content):
        return True
    words = _words(snippet)
    have = set(_words(content))
    return bool(words) and sum(w in have for w in words) / len(words) >= 0.7


def speaker_right(aliases: list[str], att: Attribution) -> bool:
    if att.speaker is None:
        return False
    name = (att.speaker.resolved or att.speaker.text).casefold()
    if name in ("he", "she", "they", "him", "her", "it"):
        return False
    return any(a.casefold() in name for a in aliases)


@dataclass
class SeedResult:
    required: int = 0
    found: int = 0
    right: int = 0
    predicted: int = 0
    matched_predictions: int = 0
    unattributed: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    extras: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        req = self.required or 1
        return {
            "required": self.required,
            "found": self.found,
            "found_right_speaker": self.right,
            "found_share": self.found / req,
            "right_speaker_share": self.right / req,
            "predicted": self.predicted,
            "precision": self.matched_predictions / (self.predicted or 1),
            "unattributed_predicted": self.unattributed,
            "misses": self.misses,
            "extras": self.extras,
        }


def _seed_documents(docs: list[str], seeds: Path) -> list[Document]:
    from headwater.clean import clean_document

    out = []
    for name in docs:
        path = seeds / name
        if not path.is_file():
            raise HeadwaterError(f"{path}: seed file not found (give --seeds DIR)")
        raw = path.read_text(encoding="utf-8")
        c = clean_document(raw)
        out.append(Document(id=c.id, doc=name, path=str(path), raw_text=raw, text=c.text, offsets=c.offsets))
    return out


def _att_dict(a: Attribution) -> dict[str, Any]:
    sp = a.speaker
    return {
        "kind": a.kind,
        "speaker": sp.text if sp else None,
        "resolved": sp.resolved if sp else None,
        "cue": a.cue.text if a.cue else None,
        "content": a.content.text[:160],
    }


def _score_doc(res: SeedResult, items: list[dict[str, Any]], atts: list[Attribution]) -> None:
    scored = [a for a in atts if a.kind != "unattributed"]
    res.unattributed += len(atts) - len(scored)
    res.predicted += len(scored)
    used: set[int] = set()
    for g in items:
        hits = [i for i, a in enumerate(scored) if content_matches(g["content"], a.content.text)]
        used.update(hits)
        right = [i for i in hits if speaker_right(g["aliases"], scored[i])]
        if not g.get("required", True):
            continue
        res.required += 1
        res.found += bool(hits)
        res.right += bool(right)
        if not right:
            res.misses.append(
                {
                    "doc": g["doc"],
                    "gold_speaker": g["speaker"],
                    "content": g["content"],
                    "found": bool(hits),
                    "predicted": [_att_dict(scored[i]) for i in hits],
                }
            )
    res.matched_predictions += len(used)
    res.extras += [dict(_att_dict(a), doc=a.doc) for i, a in enumerate(scored) if i not in used]


def eval_seed(gold: Path, model: str | None = None, seeds: Path | None = None) -> dict[str, Any]:
    from headwater.extract import extract_attributions
    from headwater.parse import load_nlp

    rows = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
    names = list(dict.fromkeys(r["doc"] for r in rows))
    docs = _seed_documents(names, seeds or gold.resolve().parent.parent / "corpus" / "seeds")
    nlp = load_nlp(model)
    res = SeedResult()
    for document, parsed in zip(docs, nlp.pipe([d.text for d in docs]), strict=True):
        atts = extract_attributions(parsed, document)
        _score_doc(res, [r for r in rows if r["doc"] == document.doc], atts)
    return {"format": "seed", "gold": str(gold), "documents": len(docs), **res.to_dict()}


def polnear_prediction(att: Attribution, text: str = "") -> dict[str, list[list[int]]]:
    """Speaker as written (PolNeAR has no coreference); an unattributed item has no source. The content
    leaves out the attribution's own cue and speaker when they sit inside it ("X, he said, would ...")."""
    from headwater.evaluate.polnear import content_spans

    src = [[att.speaker.start, att.speaker.end]] if att.speaker is not None else []
    cue = [[att.cue.start, att.cue.end]] if att.cue is not None else []
    content = [[att.content.start, att.content.end]]
    if text:
        content = content_spans(text, att.content.start, att.content.end, src + cue)
    return {"source": src, "cue": cue, "content": content}


def merge_continuations(preds: list[dict[str, list[list[int]]]]) -> list[dict[str, list[list[int]]]]:
    """PolNeAR keeps one attribution per cue: quotes continuing under the same cue and speaker are joined,
    in the same paragraph and in the paragraphs that follow (a quoted paragraph with no cue of its own is
    part of the attribution it continues)."""
    out: list[dict[str, list[list[int]]]] = []
    index: dict[tuple[tuple[int, ...], ...], dict[str, list[list[int]]]] = {}
    for p in preds:
        key = (tuple(x for s in p["cue"] for x in s), tuple(x for s in p["source"] for x in s))
        if p["cue"] and key in index:
            prev = index[key]["content"]
            index[key]["content"] = prev + p["content"]
            continue
        index[key] = p
        out.append(p)
    return out


def predict_polnear(records: list[dict[str, Any]], model: str | None = None) -> dict[str, list[dict[str, Any]]]:
    from headwater.extract import extract_attributions
    from headwater.parse import load_nlp

    nlp = load_nlp(model)
    out: dict[str, list[dict[str, Any]]] = {}
    texts = (r["text"] for r in records)
    for rec, parsed in zip(records, nlp.pipe(texts, batch_size=16), strict=True):
        document = Document(id=rec["doc_id"], doc=rec["doc_id"], path="", raw_text=rec["text"], text=rec["text"])
        atts = extract_attributions(parsed, document)
        out[rec["doc_id"]] = merge_continuations([polnear_prediction(a, rec["text"]) for a in atts])
    return out


def eval_polnear(gold: Path, model: str | None = None, theta: float = 0.5, limit: int | None = None) -> dict[str, Any]:
    from headwater.evaluate.polnear import score

    records = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
    if limit:
        records = records[:limit]
    pred = predict_polnear(records, model)
    gold_map = {r["doc_id"]: r for r in records}
    return {"format": "polnear", "gold": str(gold), "documents": len(records), **score(gold_map, pred, theta)}


def evaluate(gold: Path, model: str | None = None, theta: float = 0.5, seeds: Path | None = None) -> dict[str, Any]:
    if not gold.is_file():
        raise HeadwaterError(f"{gold}: gold file not found")
    if detect_format(gold) == "seed":
        return eval_seed(gold, model, seeds)
    return eval_polnear(gold, model, theta)
