"""One small interface for every stage run by ``headwater.pipeline``: read -> pure step -> write.

``read(store)`` yields the stage's inputs: a per-document stage (extract) one batch of documents at a
time, so that memory stays flat in corpus size; a cross-document stage (claims, report) one input, the
whole corpus as it needs it. ``step(inputs)`` computes from records alone (no store): the executor may run
it in worker processes (``exec.workers.ordered_map``), so for those stages it is a module-level function.
``write(store, inputs, outputs)`` stores what the step returned and says what it wrote (a typed summary);
``total`` sums those into the stage's summary.

``run_stage`` is the local executor. Reuse (``exec/reuse.py``) keeps its own multi-pass runner: its
sketch, n-gram and verify passes stream the article texts from the store chunk by chunk, which one
read-everything step would not; it is run the same way (``Runner``) and returns its typed summary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from headwater.exec.workers import ordered_map

if TYPE_CHECKING:
    from headwater.store import Store

In = TypeVar("In")
Out = TypeVar("Out")
S = TypeVar("S")


class Stage(Protocol[In, Out, S]):
    name: str

    def read(self, store: Store) -> Iterator[In]:
        """The stage's inputs, from the store, in the order they are to be written."""
        ...

    def step(self, inputs: In) -> Out:
        """The pure computation over one input (no store)."""
        ...

    def write(self, store: Store, inputs: In, outputs: Out) -> S:
        """Store what ``step`` returned for ``inputs``; say what was written."""
        ...

    def total(self, written: Iterable[S]) -> S:
        """The stage's summary from what each ``write`` said."""
        ...


@dataclass(frozen=True, slots=True)
class Runner(Generic[S]):
    """A stage that reads and writes in its own passes (reuse); ``run(store)`` returns its summary."""

    name: str
    run: Callable[[Store], S]


@dataclass(frozen=True, slots=True)
class Planned(Generic[S]):
    """A stage ready to run: in how many processes its step runs and what sets each up (``init(*init_args)``,
    for parsing: load the spaCy pipeline), and whether the garbage collector pauses meanwhile (stages that
    build many objects and free none: ``gcpause``)."""

    stage: Stage[Any, Any, S] | Runner[S]
    workers: int = 1
    init: Callable[..., None] | None = None
    init_args: tuple[object, ...] = ()
    pause_gc: bool = False

    @property
    def name(self) -> str:
        return self.stage.name

    def run(self, store: Store) -> S:
        if not self.pause_gc:
            return run_stage(self.stage, store, self.workers, self.init, self.init_args)
        from headwater.gcpause import paused_gc

        with paused_gc():
            return run_stage(self.stage, store, self.workers, self.init, self.init_args)


def run_stage(
    stage: Stage[Any, Any, S] | Runner[S],
    store: Store,
    workers: int = 1,
    init: Callable[..., None] | None = None,
    init_args: tuple[object, ...] = (),
) -> S:
    """Run ``stage`` here: every input read, stepped (in ``workers`` processes when > 1, each set up by
    ``init(*init_args)``) and written in read order; return its summary."""
    if isinstance(stage, Runner):
        return stage.run(store)
    queued: list[Any] = []

    def tracked() -> Iterator[Any]:  # the inputs of each step, to write its outputs with
        for inputs in stage.read(store):
            queued.append(inputs)
            yield inputs

    steps = ordered_map(stage.step, tracked(), workers, init, init_args)
    return stage.total(stage.write(store, queued.pop(0), outputs) for outputs in steps)
