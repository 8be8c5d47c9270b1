"""Per-document work in worker processes, results in input order, memory bounded by a window of batches.

Each worker process runs ``init(*init_args)`` once (for parsing: load the spaCy pipeline) and then
``step(batch)`` for every batch it is given. Processes are started with the ``spawn`` method: a fresh
interpreter, with no copy of the parent's open store or threads. At most ``2 * workers`` batches are in
flight, so a corpus of any size streams through with flat memory.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

In = TypeVar("In")
Out = TypeVar("Out")


def ordered_map(
    step: Callable[[In], Out],
    batches: Iterable[In],
    workers: int,
    init: Callable[..., None] | None = None,
    init_args: tuple[object, ...] = (),
) -> Iterator[Out]:
    """``step(batch)`` for every batch, in order; in this process when ``workers`` <= 1, else in
    ``workers`` processes. ``step`` and ``init`` must be module-level functions (they are pickled)."""
    if workers <= 1:
        if init is not None:
            init(*init_args)
        yield from map(step, batches)
        return
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers, initializer=init, initargs=init_args) as pool:
        pending: deque = deque()  # type: ignore[type-arg]
        for batch in batches:
            pending.append(pool.apply_async(step, (batch,)))
            if len(pending) >= 2 * workers:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
