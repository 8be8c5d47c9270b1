"""Seeded, time-bounded fuzzing of the readers and the cleaner (the full run: bench/fuzz_ingest.py)."""

from __future__ import annotations

import contextlib
import random
import time

from headwater.clean import clean_document
from headwater.config import load_config
from headwater.evaluate.hostile import KINDS, cases, unaccounted, write_cases
from headwater.model import IngestError, RawArticle
from headwater.offsets import OffsetMap
from headwater.pipeline import ingest_paths
from headwater.sources import read_file
from headwater.sources.decode import DecodeError, decode_bytes

SEED = 20261202
BUDGET_S = 3.0  # each fuzz loop stops after this long; what it covers depends on the machine, not what it checks


def test_hostile_batch_is_stored_or_named(store, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    written = write_cases(folder, list(cases(SEED, 120)))
    report = ingest_paths(store, load_config(cwd=tmp_path), [folder])
    assert report.added > 0 and report.errors
    missing_good, silent = unaccounted(store, written)
    assert missing_good == [] and silent == []


def _mutate(rng: random.Random, text: str) -> str:
    chars = list(text)
    pool = [
        "\ud800",
        "\udfff",
        "\x00",
        "\x1b[2J",
        "\u202e",
        "ﬁ",
        "Ａ",
        "Ã©",
        "â€œ",
        "\r",
        "\n\n",
        "<p>",
        "&amp;",
        "\ufeff",
        "\u3000",
        "  ",
        "\t",
        "©",
        "By ",
        "Source: ",
    ]
    for _ in range(rng.randint(1, 30)):
        i = rng.randrange(len(chars) + 1)
        if rng.random() < 0.7:
            chars[i:i] = rng.choice(pool)
        else:
            chars[i:i] = chr(rng.randrange(0x20, 0x2FFFF))
    return "".join(chars)


def test_cleaner_fuzz_keeps_offsets_inside_the_raw_text():
    rng = random.Random(SEED)
    end = time.monotonic() + BUDGET_S
    n = 0
    while time.monotonic() < end or n < 20:
        raw = _mutate(
            rng,
            rng.choice(("Title\n\n", ""))
            + "\n\n".join(
                f"Mara Velkov said on Monday that the bridge {i} would reopen." for i in range(rng.randint(1, 8))
            ),
        )
        cleaned = clean_document(raw)
        om = OffsetMap(cleaned.offsets)
        for start in range(0, len(cleaned.text), 7):
            a, b = om.span_to_raw(start, min(start + 5, len(cleaned.text)))
            assert 0 <= a <= b <= len(raw)
        n += 1


def test_reader_fuzz_yields_records_or_errors_never_raises(tmp_path):
    rng = random.Random(SEED + 1)
    cfg = load_config(cwd=tmp_path).ingest
    end = time.monotonic() + BUDGET_S
    n = 0
    names = list(KINDS)
    while time.monotonic() < end or n < 20:
        suffix, data, _ = KINDS[rng.choice(names)][0](rng)
        path = tmp_path / f"f{n}{suffix}"
        path.write_bytes(data)
        for item in read_file(path, cfg):
            assert isinstance(item, (RawArticle, IngestError))
            # Every failure has a reason written for it, not the catch-all for an unexpected exception.
            assert not (isinstance(item, IngestError) and "unreadable (" in item.reason), (path.name, item.reason)
        with contextlib.suppress(DecodeError):
            decode_bytes(rng.randbytes(rng.randint(1, 64)))
        n += 1
