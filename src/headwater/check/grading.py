"""The one place ``check`` couples to the claims layer: the grade it would give (re-point here)."""

from __future__ import annotations

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


def origin_key(row: ArticleStance) -> str:
    """Independent origins: the original speaker when the evidence names one, else the reprint group."""
    ev = row.evidence[0] if row.evidence else None
    if ev is not None and ev.speaker:
        return "speaker:" + ev.speaker.casefold()
    return "group:" + (row.group or row.article_id)


def claims_grade(claim: str, rows: Sequence[ArticleStance], corpus: Corpus) -> Grade:
    """``headwater.claims.grade.grade`` on the asserting and reporting articles (members, one origin
    per independent origin) and the denying ones (denials)."""
    from headwater.claims.grade import grade

    members: list[Attribution] = []
    origins: dict[str, Origin] = {}
    denials: list[Attribution] = []
    for row in rows:
        if not row.evidence or row.stance == "unrelated":
            continue
        ev = row.evidence[0]
        if row.stance == "denies":
            denials.append(_attribution(row, ev, corpus, "deny"))
            continue
        att = _attribution(row, ev, corpus, "assert")
        members.append(att)
        key = origin_key(row)
        sp = att.speaker
        if key in origins:
            o = origins[key]
            origins[key] = Origin(
                o.speaker, o.type, o.side, o.first_outlet, (*o.relayed_by, row.doc), (*o.articles, row.article_id)
            )
        elif sp is not None:
            origins[key] = Origin(sp.resolved or sp.text, sp.type, sp.side, row.doc, (), (row.article_id,))
    return grade(claim, members, list(origins.values()), denials, unattributed=not members)
