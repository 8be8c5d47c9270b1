"""``headwater eval claims``: the claims layer against pairwise gold checks an analyst writes.

The gold is JSON lines, one check per line. A statement is named by the file it is in (``doc`` as
``headwater articles`` lists it, or its file name) and a piece of its wording (``text``: a few words
that occur in the attributed content, compared without case and spacing)::

    {"check": "same", "a": {"doc": "01_wire.txt", "text": "signed a secret order"},
                      "b": {"doc": "05_mt.txt", "text": "signed the secret order"}}
    {"check": "different", "a": {...}, "b": {...}}
    {"check": "denial", "denial": {"doc": ..., "text": "a complete fabrication"}, "denier": "Pavel Irtenev",
                        "claim": {"doc": ..., "text": "signed a secret order"}}
    {"check": "entity", "names": ["Dragan Velkov", "Velkov", "President Velkov"]}
    {"check": "not_claim", "statement": {"doc": ..., "text": "declined to comment"}}
    {"check": "origins", "claim": {"doc": ..., "text": "..."}, "max": 1}
    {"check": "grade", "claim": {...}, "reliability": "D", "credibility": "4"}
    {"check": "reason", "claim": {...}, "contains": "named on the record", "absent": "only unnamed"}

* **same** (must-link): both statements are members of one claim.
* **different** (cannot-link): no claim holds both (a statement in no claim holds with nothing).
* **denial**: the claim holding ``claim`` lists a denial whose wording holds ``denial``'s text and
  whose speaker is ``denier`` (either name holding the other, without case).
* **entity**: every speaker written as one of ``names`` (as written or as resolved) is one entity in
  the dossier (one speaker entry).
* **not_claim**: the statement is in no claim (a fragment, question, refusal or greeting).
* **origins**: the claim holding the statement has at most ``max`` (and at least ``min``, when
  given) independent origins.
* **grade**: the claim's reliability and/or credibility are the ones given.
* **reason**: some reason of the claim's grade contains ``contains``, and none contains ``absent``.

A check whose statement cannot be found in any claim fails with the reason "not found" (except
``different`` and ``not_claim``, which hold then). Every line may carry a ``note`` for people.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from headwater.errors import ConfigError
from headwater.model import Attribution, Claim

CHECKS = ("same", "different", "denial", "entity", "not_claim", "origins", "grade", "reason")


@dataclass(slots=True)
class CheckResult:
    line: int
    check: str
    held: bool
    detail: str = ""


@dataclass(slots=True)
class ClaimsEvaluation:
    results: list[CheckResult] = field(default_factory=list)

    def by_check(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for r in self.results:
            row = out.setdefault(r.check, {"checks": 0, "held": 0})
            row["checks"] += 1
            row["held"] += int(r.held)
        return out

    def to_dict(self) -> dict[str, Any]:
        held = sum(r.held for r in self.results)
        return {
            "checks": len(self.results),
            "held": held,
            "by_check": self.by_check(),
            "failures": [{"line": r.line, "check": r.check, "detail": r.detail} for r in self.results if not r.held],
        }


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _doc_matches(spec_doc: str, doc: str) -> bool:
    return doc == spec_doc or Path(doc).name == Path(spec_doc).name or doc.split("#")[0] == spec_doc


class Index:
    """Where statements, denials and speakers are, in one store's claims."""

    def __init__(self, claims: Sequence[Claim], attributions: Sequence[Attribution]) -> None:
        self.claims = {c.id: c for c in claims}
        self.members = [(c.id, m.doc, _norm(m.content.text)) for c in claims for m in c.members]
        self.attributions = attributions

    def claims_of(self, spec: dict[str, str]) -> set[str]:
        doc, text = spec["doc"], _norm(spec["text"])
        return {cid for cid, d, t in self.members if _doc_matches(doc, d) and text and text in t}


def _name_match(a: str, b: str) -> bool:
    a, b = a.casefold().strip(), b.casefold().strip()
    return bool(a) and bool(b) and (a in b or b in a)


def _check(gold: dict[str, Any], idx: Index, entities: dict[str, set[str]]) -> tuple[bool, str]:
    kind = gold.get("check")
    if kind in ("same", "different"):
        a, b = idx.claims_of(gold["a"]), idx.claims_of(gold["b"])
        if kind == "same":
            if not a or not b:
                return False, f"not found: {'a' if not a else 'b'}"
            return bool(a & b), "" if a & b else "in different claims"
        return not a & b, "" if not a & b else "merged into one claim"
    if kind == "not_claim":
        found = idx.claims_of(gold["statement"])
        return not found, "" if not found else f"is a claim ({', '.join(sorted(found))})"
    if kind == "entity":
        names = [n.casefold() for n in gold["names"]]
        seen = {e for n in names for e in entities.get(n, set())}
        missing = [n for n in names if n not in entities]
        if missing:
            return False, f"no speaker written as {missing}"
        return len(seen) == 1, "" if len(seen) == 1 else f"{len(seen)} entries: {sorted(seen)}"
    found = idx.claims_of(gold["claim"])
    if not found:
        return False, "not found: claim"
    claims = [idx.claims[c] for c in sorted(found)]
    if kind == "denial":
        text = _norm(gold["denial"]["text"])
        for c in claims:
            for d in c.denials:
                who = (d.speaker.resolved or d.speaker.text) if d.speaker else ""
                if text in _norm(d.content.text) and _name_match(who, gold["denier"]):
                    return True, ""
        return False, "no such denial on the claim"
    if kind == "origins":
        n = max(c.independent_origins for c in claims)
        ok = n <= gold.get("max", n) and n >= gold.get("min", 0)
        return ok, "" if ok else f"{n} independent origins"
    if kind == "grade":
        for c in claims:
            g = c.grade
            if (
                g
                and gold.get("reliability", g.reliability) == g.reliability
                and gold.get("credibility", g.credibility) == g.credibility
            ):
                return True, ""
        return False, "grades: " + ", ".join(f"{c.grade.reliability}{c.grade.credibility}" for c in claims if c.grade)
    if kind == "reason":
        for c in claims:
            reasons = c.grade.reasons if c.grade else ()
            has = any(gold.get("contains", "") in r for r in reasons)
            bad = "absent" in gold and any(gold["absent"] in r for r in reasons)
            if has and not bad:
                return True, ""
        return False, "reasons: " + " | ".join(r for c in claims for r in (c.grade.reasons if c.grade else ()))
    raise ConfigError(f"unknown check {kind!r} (one of {', '.join(CHECKS)})")


def speaker_entities(attributions: Sequence[Attribution]) -> dict[str, set[str]]:
    """Speaker name as written or as the extractor resolved it (lower case) -> the entity names it
    has in the dossier (after :func:`headwater.claims.build.prepare`)."""
    from headwater.claims.build import prepare

    out: dict[str, set[str]] = {}
    for raw, mapped in zip(attributions, prepare(attributions), strict=True):
        if raw.speaker is None or mapped.speaker is None or raw.kind == "unattributed":
            continue
        entity = (mapped.speaker.resolved or mapped.speaker.text).casefold()
        for name in {raw.speaker.text, raw.speaker.resolved or ""}:
            if name:
                out.setdefault(name.casefold().strip(), set()).add(entity)
    return out


def read_gold(path: Path) -> list[tuple[int, dict[str, Any]]]:
    if not path.is_file():
        raise ConfigError(f"gold file {path} does not exist")
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}:{n}: not JSON ({exc.msg})") from None
        if row.get("check") not in CHECKS:
            raise ConfigError(f"{path}:{n}: check must be one of {', '.join(CHECKS)}")
        out.append((n, row))
    return out


def evaluate(
    gold: Iterable[tuple[int, dict[str, Any]]], claims: Sequence[Claim], attributions: Sequence[Attribution]
) -> ClaimsEvaluation:
    """Every gold check against the claims (and the attributions the claims were built from)."""
    idx = Index(claims, attributions)
    entities = speaker_entities(attributions)
    result = ClaimsEvaluation()
    for line, row in gold:
        held, detail = _check(row, idx, entities)
        result.results.append(CheckResult(line, row["check"], held, detail))
    return result


def evaluate_store(gold_path: Path, store: Any) -> ClaimsEvaluation:
    from headwater.store.attributions import load_attributions
    from headwater.store.claims import load_claims

    return evaluate(read_gold(gold_path), load_claims(store), load_attributions(store))
