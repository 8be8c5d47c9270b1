"""The Spark LSH job (band keys per partition, a group-by on (band, bucket), each bucket's pairs) finds
exactly the candidate pairs of the local reuse stage (``exec.reuse.lsh_pairs``) on a fictional corpus
with reprints, edited copies, unrelated articles and one bucket larger than ``MAX_BUCKET``."""

from __future__ import annotations

import random

import numpy as np
import pytest

from headwater.config import load_config
from headwater.exec.reuse import lsh_pairs
from headwater.reuse.minhash import MAX_BUCKET, signatures
from headwater.reuse.tokens import ngram_hashes, tokenize_many
from headwater.spark.engine import java_missing

pytestmark = pytest.mark.skipif(java_missing() is not None, reason=f"Spark needs Java: {java_missing()}")

WORDS = [
    "harbour",
    "council",
    "ferry",
    "lantern",
    "orchard",
    "quarry",
    "tannery",
    "meadow",
    "brewer",
    "ledger",
    "archive",
    "signal",
    "beacon",
    "canal",
    "granary",
    "mill",
    "tower",
    "square",
    "market",
    "bridge",
    "river",
    "valley",
    "festival",
    "mayor",
    "clerk",
    "warden",
    "pilot",
    "baker",
    "weaver",
    "smith",
    "mason",
    "fisher",
    "tailor",
    "ranger",
    "courier",
    "opened",
    "closed",
    "delayed",
    "approved",
    "rejected",
    "announced",
    "said",
    "argued",
    "promised",
    "warned",
    "reported",
    "yesterday",
    "tomorrow",
    "morning",
    "evening",
    "north",
    "south",
    "east",
    "west",
]


def _corpus() -> list[str]:
    """Fictional articles: originals, near-verbatim reprints, edited copies, and a wire story carried
    word for word by more outlets than one bucket links pair by pair."""
    rng = random.Random(13)
    originals = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 160))) for _ in range(60)]
    texts = list(originals)
    for text in originals[:20]:  # reprints with one word changed
        words = text.split()
        words[rng.randrange(len(words))] = "Halden"
        texts.append(" ".join(words))
    for text in originals[20:30]:  # trimmed copies
        words = text.split()
        texts.append(" ".join(words[: len(words) * 2 // 3]))
    wire = " ".join(rng.choice(WORDS) for _ in range(120))
    texts.extend(wire + f" Filed by desk {i % 3}." for i in range(MAX_BUCKET + 6))
    return texts


@pytest.fixture(scope="module")
def spark():  # type: ignore[no-untyped-def]
    from headwater.spark.engine import _session

    session = _session("local[2]", "headwater-test-lsh")
    yield session
    session.stop()


def test_spark_lsh_finds_the_local_candidate_pairs(spark) -> None:  # type: ignore[no-untyped-def]
    from headwater.spark import tasks
    from headwater.spark.engine import lsh_candidates

    cfg = load_config().reuse
    texts = _corpus()
    tokens = tokenize_many(texts)
    sigs = signatures([ngram_hashes(t.hashes, cfg.shingle_size) for t in tokens], cfg.num_perm)
    reps = [i for i in range(len(texts)) if i % 7 != 3]  # the stage passes representatives only
    rows = [(i, f"a{i}", texts[i], "", sigs[i].astype("<u4").tobytes(), b"") for i in range(len(texts))]
    sketch = spark.createDataFrame(rows, tasks.SKETCH_SCHEMA)

    expected = lsh_pairs(sigs, reps, cfg)
    found = lsh_candidates(spark, sketch, reps, cfg, partitions=5)

    assert found == expected
    assert len(expected) > MAX_BUCKET  # reprints and the wire's bucket (star plus chain) are there
    assert all(a < b and a in reps and b in reps for a, b in found)
    reprinted = {(i, 60 + i) for i in range(20) if i in reps and 60 + i in reps}
    assert len(reprinted & found) >= len(reprinted) - 1  # near-verbatim copies share a bucket
    wire = np.arange(90, len(texts))
    assert not any((int(a), int(b)) in found for a in range(60) for b in wire)  # unrelated never paired
