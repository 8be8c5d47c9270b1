"""Run the ingest stage: read the input files not stored yet, clean them, store their articles.

One ``exec.stage.Stage`` like the others: ``read`` plans from the store which files to read (a file read
before and unchanged since is skipped unread) and yields one input per file, in the order the files were
listed; ``step`` reads and cleans one file (pure: no store); ``write`` stores the articles in batches of
``[ingest] batch_size``, each one transaction, so an interrupted ingest keeps what it stored. A file that
cannot be read or cleaned is an ``IngestError`` naming it and the batch goes on.

With an engine (Spark) the files are read and cleaned by the engine's tasks: ``read`` then yields each
file's result as the engine hands it over, in file order, and ``step`` passes it on.

The cross-document boilerplate is refreshed after the stage (``pipeline.refresh_boilerplate``): it
needs every article stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from headwater.model import IgnoredFile, IngestError, IngestReport

if TYPE_CHECKING:
    from headwater.config import Config
    from headwater.pipeline import CleanedArticle, FileCleaner, FileResult
    from headwater.store import Store

Tick = Callable[[int, int], None]  # (files done, files listed)


@dataclass(frozen=True, slots=True)
class _File:
    """One input of the stage: a file to read (``path``), or its result already (an engine cleaned it), or
    an error found while listing; ``key`` and ``stamp`` record the file as read. ``last``: the end of the
    input, where the stage writes what it still holds."""

    key: str = ""
    stamp: tuple[int, int] | None = None
    path: Path | None = None
    result: FileResult | None = None
    error: IngestError | None = None
    last: bool = False


@dataclass(slots=True)
class IngestStage:
    """The ingest stage over ``items`` (``pipeline.expand_inputs``); see the module's docstring."""

    cfg: Config
    items: list[Path | IngestError | IgnoredFile]
    on_progress: Tick | None = None
    cleaner: FileCleaner | None = None  # an engine's: every file to read -> its result, in order
    name = "ingest"
    _patterns: Any = None
    _crossdoc: frozenset[int] = frozenset()
    _unchanged: int = 0  # files read before and unchanged since: not read again
    _done: int = 0  # files listed and dealt with, for the progress bar
    _articles: list[CleanedArticle] = field(default_factory=list)  # the batch not stored yet
    _errors: list[IngestError] = field(default_factory=list)
    _inputs: list[tuple[str, int, int, int]] = field(default_factory=list)  # files fully read

    def read(self, store: Store) -> Iterator[_File]:
        from headwater.clean import load_patterns
        from headwater.pipeline import _resolved, _stamp
        from headwater.sources.decode import valid_name
        from headwater.store import articles

        seen = articles.seen_inputs(store)
        plan: list[_File] = []
        for item in self.items:
            if isinstance(item, IngestError):
                plan.append(_File(error=item))
            elif isinstance(item, Path):
                key, stamp = valid_name(_resolved(item)), _stamp(item)
                if stamp is not None and seen.get(key) == stamp:
                    self._unchanged += 1
                else:
                    plan.append(_File(key, stamp, item))
        self._done = len(self.items) - len(plan)
        self._patterns = load_patterns(self.cfg.clean.patterns)
        self._crossdoc = articles.boilerplate_hashes(store)
        results = self.cleaner([f.path for f in plan if f.path is not None]) if self.cleaner else None
        self._tick()
        for f in plan:
            yield f if results is None or f.path is None else _File(f.key, f.stamp, result=next(results))
        yield _File(last=True)

    def step(self, f: _File) -> _File:
        """Read and clean the file (here, unless an engine did)."""
        from headwater.pipeline import clean_file

        if f.path is None:  # an error from the listing, the end, or a file an engine cleaned
            return f
        return _File(f.key, f.stamp, result=clean_file(f.path, self.cfg, self._patterns, self._crossdoc))

    def write(self, store: Store, inputs: _File, f: _File) -> IngestReport:
        """Hold the file's articles and errors; store the batch once it is full, and at the end."""
        report = IngestReport()
        if f.error is not None:
            self._errors.append(f.error)
        if f.result is not None:
            found, report.surrogates_replaced = f.result
            errors = [a for a in found if isinstance(a, IngestError)]
            self._articles += [a for a in found if not isinstance(a, IngestError)]
            self._errors += errors
            if f.stamp is not None and not errors:
                self._inputs.append((f.key, *f.stamp, len(found)))
        if f.last or len(self._articles) + len(self._errors) >= self.cfg.ingest.batch_size:
            report.added, report.skipped, report.errors = self._flush(store)
        if not f.last:
            self._done += 1
            self._tick()
        return report

    def _flush(self, store: Store) -> tuple[int, int, list[IngestError]]:
        """Store the batch held (articles, errors, files read) in one transaction: (added, already stored,
        errors recorded)."""
        from headwater.store import articles

        docs, errors = [doc for doc, _ in self._articles], self._errors
        if docs or errors or self._inputs:
            with store.transaction():
                added = articles.insert(store, docs, [lines for _, lines in self._articles])
                for err in errors:
                    articles.record_error(store, err.path, err.reason)
                articles.record_inputs(store, self._inputs)
        else:
            added = 0
        self._articles, self._errors, self._inputs = [], [], []
        return added, len(docs) - added, errors

    def total(self, written: Iterable[IngestReport]) -> IngestReport:
        report = IngestReport()
        for part in written:  # the stage runs as this loop asks: what ``read`` counted is known after it
            report.added += part.added
            report.skipped += part.skipped
            report.surrogates_replaced += part.surrogates_replaced
            report.errors += part.errors
        report.unchanged = self._unchanged
        report.ignored = [i for i in self.items if isinstance(i, IgnoredFile)]
        return report

    def _tick(self) -> None:
        if self.on_progress:
            self.on_progress(self._done, len(self.items))
