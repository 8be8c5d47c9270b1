"""The one place ``check`` couples to the claims layer: the grade it would give (re-point here)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from headwater.check.index import Corpus
from headwater.model import ArticleStance, Attribution, Evidence, Grade, Origin, Span, Speaker


def _attribution(row: ArticleStance, ev: Evidence, corpus: Corpus, stance: str) -> Attribution:
    """The stored attribution behind an evidence sentence, or the article itself speaking."""
    art = corpus.find(row.article_id)
    if art is not None and ev.speaker is not None:
        for a in art.attributions:
            if a.content.start < ev.end and ev.start < a.content.end and a.speaker is not None:
                return a
    me = Speaker(row.doc, 0, 0, type="media")
    return Attribution(row.article_id, row.doc, "unattributed", stance, Span(ev.text, ev.start, ev.end), None, me)  # type: ignore[arg-type]


def _speaker_key(row: ArticleStance) -> str | None:
    ev = row.evidence[0] if row.evidence else None
    if ev is None or not ev.speaker:
        return None
    return re.sub(r"^(?:the|an?)\s+", "", ev.speaker.casefold().strip())


def origin_keys(rows: Sequence[ArticleStance]) -> list[str]:
    """Independent origins: articles of one reprint group are one origin, and so are articles
    whose evidence names the same original speaker. One key per row."""
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, row in enumerate(rows):
        for key in ("group:" + (row.group or row.article_id), "speaker:" + (_speaker_key(row) or f"#{i}")):
            j = first.setdefault(key, i)
            parent[find(i)] = find(j)
    return [f"origin:{find(i)}" for i in range(len(rows))]


def claims_grade(claim: str, rows: Sequence[ArticleStance], corpus: Corpus) -> Grade:
    """``headwater.claims.grade.grade`` on the asserting and reporting articles (members, one origin
    per independent origin) and the denying ones (denials)."""
    from headwater.claims.grade import grade

    members: list[Attribution] = []
    origins: dict[str, Origin] = {}
    denials = [_attribution(r, r.evidence[0], corpus, "deny") for r in rows if r.stance == "denies" and r.evidence]
    stating = [r for r in rows if r.stance in ("asserts", "reports") and r.evidence]
    for row, key in zip(stating, origin_keys(stating), strict=True):
        ev = row.evidence[0]
        att = _attribution(row, ev, corpus, "assert")
        members.append(att)
        sp = att.speaker
        if key in origins:
            o = origins[key]
            origins[key] = Origin(
                o.speaker, o.type, o.side, o.first_outlet, (*o.relayed_by, row.doc), (*o.articles, row.article_id)
            )
        elif sp is not None:
            origins[key] = Origin(sp.resolved or sp.text, sp.type, sp.side, row.doc, (), (row.article_id,))
    return grade(claim, members, list(origins.values()), denials, unattributed=not members)
