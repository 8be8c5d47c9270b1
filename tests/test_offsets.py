"""offsets.runs_from_indices against the definition, character by character."""

from __future__ import annotations

import random

from headwater.offsets import OffsetMap, runs_from_indices


def _by_definition(indices: list[int]) -> tuple[tuple[int, int, int], ...]:
    """A run is a longest stretch of kept characters (raw index >= 0) whose raw indices go up by one."""
    runs: list[tuple[int, int, int]] = []
    i = 0
    while i < len(indices):
        if indices[i] < 0:
            i += 1
            continue
        j = i + 1
        while j < len(indices) and indices[j] >= 0 and indices[j] == indices[j - 1] + 1:
            j += 1
        runs.append((i, indices[i], j - i))
        i = j
    return tuple(runs)


def test_runs_match_the_definition() -> None:
    rng = random.Random(3)
    assert runs_from_indices([]) == ()
    assert runs_from_indices([-1, -1]) == ()
    assert runs_from_indices([5, 6, 7, -1, 9, 3, 4]) == ((0, 5, 3), (4, 9, 1), (5, 3, 2))
    for _ in range(5000):
        indices, at = [], rng.randint(0, 5)
        for _ in range(rng.randint(0, 40)):
            roll = rng.random()
            at = -1 if roll < 0.15 else rng.randint(0, 60) if roll < 0.3 else max(at, 0) + 1
            indices.append(at)
        runs = runs_from_indices(indices)
        assert runs == _by_definition(indices), indices
        offsets = OffsetMap(runs)
        for k, raw in enumerate(indices):
            if raw >= 0:
                assert offsets.to_raw(k) == raw
