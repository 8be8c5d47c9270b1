"""``paused_gc()``: the cyclic garbage collector paused while a cross-article stage runs.

The claims and report stages build hundreds of thousands of small objects (signatures, candidate
pairs, records, JSON-ready dicts) that reference counting frees; almost none form cycles. With
the collector on, every few thousand allocations trigger a collection, and the full ones walk
every object alive (the spaCy pipeline, every attribution): on 1,000 articles that was a fifth
of the claims stage's time and a quarter of the report's. Pausing it changes no result; the
collector is switched back on (if it was on) when the stage ends, and collects any cycle then.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
