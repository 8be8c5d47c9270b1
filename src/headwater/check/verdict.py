"""The verdict line: how many articles assert, report and deny a claim, from how many independent origins."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from headwater.check.grading import origin_keys
from headwater.model import ArticleStance, Grade


@dataclass(frozen=True, slots=True)
class Side:
    stance: str
    articles: int
    origins: tuple[str, ...]  # one label per independent origin (speaker, or the article of a reprint group)


@dataclass(frozen=True, slots=True)
class Verdict:
    claim: str
    sides: tuple[Side, ...]  # asserts, reports, denies
    unrelated: int
    grade: Grade | None = None

    def side(self, stance: str) -> Side:
        return next(s for s in self.sides if s.stance == stance)

    def line(self) -> str:
        parts = []
        for s, verb in zip(self.sides, ("asserted", "reported", "denied"), strict=True):
            if not s.articles:
                continue
            n = len(s.origins)
            names = ", ".join(s.origins[:4]) + (", …" if n > 4 else "")
            art = "article" if s.articles == 1 else "articles"
            origin = "independent origin" if n == 1 else "independent origins"
            if s.stance == "denies":
                parts.append(f"{verb} by {s.articles} ({names})")
            else:
                parts.append(f"{verb} by {s.articles} {art} from {n} {origin} ({names})")
        parts.append(f"{self.unrelated} article{'s' if self.unrelated != 1 else ''} unrelated")
        return "; ".join(parts)


def _label(row: ArticleStance) -> str:
    ev = row.evidence[0] if row.evidence else None
    return ev.speaker if ev is not None and ev.speaker else row.doc


def verdict(claim: str, rows: Sequence[ArticleStance], grade: Grade | None = None) -> Verdict:
    sides = []
    for stance in ("asserts", "reports", "denies"):
        mine = [r for r in rows if r.stance == stance]
        labels: dict[str, str] = {}
        for r, key in zip(mine, origin_keys(mine), strict=True):
            labels.setdefault(key, _label(r))
        sides.append(Side(stance, len(mine), tuple(labels.values())))
    return Verdict(claim, tuple(sides), sum(1 for r in rows if r.stance == "unrelated"), grade)
