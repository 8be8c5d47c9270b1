"""The thin loader: read what ``check`` needs from the store (extracting first when needed)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

from headwater.check.index import Corpus, build_corpus, index_article
from headwater.model import Attribution

if TYPE_CHECKING:
    from headwater.config import Config
    from headwater.store import Store

Progress = Callable[[int, int], None]


def ensure_extracted(store: Store, cfg: Config, on_progress: Progress | None = None) -> int:
    """Run the extract stage on every article without attributions yet; return how many were written."""
    from headwater.exec.extract import run_extract
    from headwater.store import attributions

    if not attributions.pending(store):
        return 0
    return run_extract(store, cfg, on_progress).written


def load_corpus(store: Store) -> Corpus:
    """Every stored article indexed, with its attributions and its reprint group (when reuse ran)."""
    from headwater.store.attributions import load_attributions
    from headwater.store.reuse import load_groups

    by_article: dict[str, list[Attribution]] = defaultdict(list)
    for a in load_attributions(store):
        by_article[a.article_id].append(a)
    groups = load_groups(store)
    rows = store.con.execute("SELECT id, doc, text FROM articles ORDER BY ingested_at, doc, id").fetchall()
    return build_corpus(index_article(i, d, t, by_article.get(i, ()), groups.get(i)) for i, d, t in rows)
