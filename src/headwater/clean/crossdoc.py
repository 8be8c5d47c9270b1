"""Cross-document boilerplate: a line that recurs across articles that otherwise share little.

A reprint repeats real lines too, so recurrence alone proves nothing. A recurring line
is boilerplate when the articles it appears in are otherwise unlike each other (the
Jaccard similarity of their other lines is low): in at least ``min_articles`` articles,
or in 2 when both come from the same named outlet (its header and footer lines). A line
of running prose (a story paragraph quoted or embedded in other pieces) needs
``min_articles_prose`` articles: a paragraph shared by a few unrelated articles is reuse,
which the reuse stage must see, not boilerplate.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True, slots=True)
class LineEvidence:
    line_hash: int
    articles: int  # how many articles keep this line
    sample: tuple[tuple[str, str | None], ...]  # (article id, outlet) for a sample of them
    prose: bool = False  # the line reads as running prose in at least one article


def _jaccard(a: set[int], b: set[int]) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def is_boilerplate(
    ev: LineEvidence,
    lines: dict[str, set[int]],
    *,
    min_articles: int,
    min_articles_prose: int,
    max_similarity: float,
    sample_pairs: int,
) -> bool:
    """Decide one recurring line from the line sets of the articles that carry it."""
    if ev.prose and ev.articles < min_articles_prose:
        return False
    outlets = {outlet for _, outlet in ev.sample}
    same_outlet = len(outlets) == 1 and None not in outlets
    if ev.articles < min_articles and not (same_outlet and ev.articles >= 2):
        return False
    pairs = list(combinations([aid for aid, _ in ev.sample], 2))[:sample_pairs]
    if not pairs:
        return False
    unlike = 0
    for a, b in pairs:
        rest_a = lines.get(a, set()) - {ev.line_hash}
        rest_b = lines.get(b, set()) - {ev.line_hash}
        if _jaccard(rest_a, rest_b) < max_similarity:
            unlike += 1
    return unlike * 2 > len(pairs)
