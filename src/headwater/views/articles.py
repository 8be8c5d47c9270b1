"""Articles as the dossier and the app show them: metadata, reprint group, text and attributions
(each ``Attribution.to_dict``, the one record -> plain-data converter)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from headwater.lang import analysed
from headwater.model import Attribution, Document


@dataclass(slots=True)
class ArticleView:
    id: str
    doc: str
    title: str | None
    outlet: str | None
    credited_source: str | None
    published: str | None
    url: str | None
    reuse_group: str | None
    origin: str | None
    words: int
    text: str
    attributions: list[dict[str, Any]] = field(default_factory=list)
    language: str | None = None
    analysed: bool = True  # False: a language extraction does not read (``lang.analysed``)


def article_views(
    docs: Sequence[Document],
    attributions: Sequence[Attribution],
    groups: dict[str, str],
    origins: dict[str, str | None],
) -> list[ArticleView]:
    by_article: dict[str, list[Attribution]] = defaultdict(list)
    for a in attributions:
        by_article[a.article_id].append(a)
    return [
        ArticleView(
            id=d.id,
            doc=d.doc,
            title=d.title,
            outlet=d.outlet,
            credited_source=d.credited_source,
            published=d.published,
            url=d.url,
            reuse_group=groups.get(d.id),
            origin=origins.get(d.id),
            words=len(d.text.split()),
            text=d.text,
            language=d.language,
            analysed=analysed(d.language, len(d.text.split())),
            attributions=[a.to_dict() for a in sorted(by_article.get(d.id, []), key=lambda a: a.content.start)],
        )
        for d in sorted(docs, key=lambda d: d.doc)
    ]
