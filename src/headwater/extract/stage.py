"""The extract stage: parse every stored article not yet extracted, store its attributions."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from headwater.config import Config
    from headwater.store import Store

Progress = Callable[[int, int], None]


def run_extract(store: Store, cfg: Config, on_progress: Progress | None = None, force: bool = False) -> int:
    """Extract attributions for articles whose current text has none yet; return how many were written.

    Idempotent: an article is skipped once its current ``text_hash`` is recorded; a changed text
    (cross-document cleaning) is extracted again and its old attributions replaced, and so is an article
    extracted with another pipeline than ``[parse] model``; ``force`` extracts every article again.
    Articles in a language the rules do not read (``lang.analysed``) are skipped. The
    pipeline must be installed (``ModelNotFound``) even when there is nothing to do. Work is committed
    batch by batch, so an interrupted run loses at most one batch.
    """
    from headwater.extract.core import extract_attributions
    from headwater.lang import analysed
    from headwater.parse import load_nlp, require_model
    from headwater.store import articles
    from headwater.store import attributions as table

    require_model(cfg.parse.model)
    skipped = {i for i, language, words in table.languages(store) if not analysed(language, words)}
    todo = [i for i in table.pending(store, cfg.parse.model, force) if i not in skipped]
    total = len(todo)
    if on_progress:
        on_progress(0, total)
    if not todo:
        return 0
    nlp = load_nlp(cfg.parse.model)
    batch = max(1, cfg.parse.batch_size)
    written = done = 0
    chunk = batch * 4
    for i in range(0, total, chunk):
        docs = list(articles.iter_documents(store, todo[i : i + chunk]))
        # A text over spaCy's limit (stored before ingest refused them) is marked done with no
        # attributions instead of failing every later run with E088.
        too_long = [d for d in docs if len(d.text) > nlp.max_length]
        docs = [d for d in docs if len(d.text) <= nlp.max_length]
        parsed = nlp.pipe((d.text for d in docs), batch_size=batch)
        extracted = [(document.id, articles.text_hash(document.text),
                      extract_attributions(doc, document, unattributed=cfg.extract.unattributed))
                     for document, doc in zip(docs, parsed, strict=True)]
        extracted += [(document.id, articles.text_hash(document.text), []) for document in too_long]
        with store.transaction():
            written += table.replace_many(store, extracted, cfg.parse.model)
        done += len(docs) + len(too_long)
        if on_progress:
            on_progress(done, total)
    return written
