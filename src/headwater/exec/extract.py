"""Run the extract stage: read articles still to extract, parse + extract them (here or in worker
processes), write their attributions and numeric estimates (quantities, per article: ``quantities_of``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from headwater.model import Attribution, Document, Quantity

if TYPE_CHECKING:
    from spacy.language import Language

    from headwater.config import Config
    from headwater.store import Store

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class ExtractSummary:
    """What one extract run did."""

    articles: int  # articles parsed and extracted
    written: int  # attributions written
    quantities: int = 0  # quantities written (of the articles extracted, and of any whose quantities were pending)

    def __str__(self) -> str:
        return f"{self.written} attributions written"


@dataclass(frozen=True, slots=True)
class _Job:
    docs: list[Document]
    batch_size: int
    unattributed: bool


_NLP: dict[str, Language] = {}


def _load(model: str) -> None:
    """Load the pipeline once per process (a worker's initializer)."""
    from headwater.parse import load_nlp

    _NLP["nlp"] = load_nlp(model)


def quantities_of(document: Document, attributions: list[Attribution]) -> list[Quantity]:
    """The numeric estimates of one article, their speakers' sides filled in from the article itself
    (``claims.sides.resolve_sides`` reads one article at a time: nothing here depends on other articles)."""
    from headwater.claims.sides import resolve_sides
    from headwater.extract.quantities import extract_quantities

    return extract_quantities(document, resolve_sides(attributions))


def _step(job: _Job) -> list[tuple[list[Attribution], list[Quantity]]]:
    """The stage's pure step over one batch: each document's attributions and quantities."""
    from headwater.extract.batch import extract_batch

    found = extract_batch(_NLP["nlp"], job.docs, job.batch_size, job.unattributed)
    return [(atts, quantities_of(d, atts)) for d, atts in zip(job.docs, found, strict=True)]


def run_quantities(store: Store, chunk: int = 500) -> int:
    """Extract the quantities of every article whose current text has none yet from its stored attributions
    (no parse: a store from before quantities were kept per article, an engine that stores attributions only,
    an article in a language extraction skips); return how many were written."""
    from headwater.store import articles, quantities
    from headwater.store.attributions import load_attributions

    todo = quantities.pending(store)
    written = 0
    for i in range(0, len(todo), chunk):
        ids = todo[i : i + chunk]
        by_article: dict[str, list[Attribution]] = {}
        for a in load_attributions(store, ids=ids):
            by_article.setdefault(a.article_id, []).append(a)
        found = [
            (d.id, articles.text_hash(d.text), quantities_of(d, by_article.get(d.id, [])))
            for d in articles.iter_documents(store, ids)
        ]
        with store.transaction():
            written += quantities.replace_many(store, found)
    return written


def run_extract(
    store: Store, cfg: Config, on_progress: Progress | None = None, force: bool = False, workers: int | None = None
) -> ExtractSummary:
    """Extract attributions for articles whose current text has none yet.

    Idempotent: an article is skipped once its current ``text_hash`` is recorded; a changed text
    (cross-document cleaning) is extracted again and its old attributions replaced, and so is an article
    extracted with another pipeline than ``[parse] model``; ``force`` extracts every article again.
    Articles in a language the rules do not read (``lang.analysed``) are skipped. The
    pipeline must be installed (``ModelNotFound``) even when there is nothing to do. Work is committed
    batch by batch, so an interrupted run loses at most one batch. With ``workers`` > 1 (default
    ``[parse] workers``) documents are parsed and extracted in that many processes, one pipeline each;
    the attributions written are the same as with one.
    """
    from headwater.exec.workers import ordered_map
    from headwater.lang import analysed
    from headwater.parse import require_model
    from headwater.store import articles, quantities
    from headwater.store import attributions as table

    require_model(cfg.parse.model)
    skipped = {i for i, language, words in table.languages(store) if not analysed(language, words)}
    todo = [i for i in table.pending(store, cfg.parse.model, force) if i not in skipped]
    total = len(todo)
    if on_progress:
        on_progress(0, total)
    if not todo:
        return ExtractSummary(0, 0, run_quantities(store))
    batch = max(1, cfg.parse.batch_size)
    chunk = batch * 4
    workers = max(1, cfg.parse.workers if workers is None else workers)

    def jobs() -> Iterator[_Job]:
        for i in range(0, total, chunk):
            yield _Job(list(articles.iter_documents(store, todo[i : i + chunk])), batch, cfg.extract.unattributed)

    written = done = counted = 0
    queued: list[_Job] = []

    def tracked() -> Iterator[_Job]:  # the documents of each job, to write its results with
        for job in jobs():
            queued.append(job)
            yield job

    for found in ordered_map(_step, tracked(), workers, _load, (cfg.parse.model,)):
        docs = queued.pop(0).docs
        hashes = [articles.text_hash(d.text) for d in docs]
        with store.transaction():
            written += table.replace_many(
                store, [(d.id, h, a) for d, h, (a, _) in zip(docs, hashes, found, strict=True)], cfg.parse.model
            )
            counted += quantities.replace_many(
                store, [(d.id, h, q) for d, h, (_, q) in zip(docs, hashes, found, strict=True)]
            )
        done += len(docs)
        if on_progress:
            on_progress(done, total)
    return ExtractSummary(done, written, counted + run_quantities(store))
