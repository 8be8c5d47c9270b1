"""clean/text.py: lines that skip ftfy are the lines ftfy would return unchanged."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import ftfy
import pytest

from headwater.clean.text import TYPOGRAPHIC, _ftfy_config, ftfy_unchanged

SHARED = Path(__file__).resolve().parents[2] / "shared"
# The typographic characters beside ASCII of every class ftfy's tests look at (letters, digits, space,
# tab, punctuation, an entity's "&", a control character), and characters that must not skip ftfy.
ALPHABET = [*TYPOGRAPHIC, "a", "Z", " ", "\t", ".", "0", "'", '"', "-", "&", "\x07", "é", "Ã", "€", "\u00a0"]


def _check(text: str) -> None:
    if ftfy_unchanged(text):
        assert ftfy.fix_text(text, _ftfy_config()) == text, repr(text)


def test_every_short_string_that_skips_ftfy_is_left_alone_by_it() -> None:
    skipped = 0
    for size in (1, 2, 3):
        for chars in itertools.product(ALPHABET, repeat=size):
            text = "".join(chars)
            _check(text)
            skipped += ftfy_unchanged(text)
    assert skipped > 1000  # the fast path is taken
    rng = random.Random(7)
    for _ in range(3000):
        _check("".join(rng.choice(ALPHABET) for _ in range(rng.randint(4, 40))))


def test_lines_ftfy_would_change_do_not_skip_it() -> None:
    for text in (
        "Itâ€™s",
        "caf\u00e9 \u2019",
        "Tom &amp; Jerry \u2019",
        "a\x07b \u2019",
        "\uff21\u2019",
        "\u2019\u00a0",
    ):
        assert not ftfy_unchanged(text)


def test_real_lines_when_available() -> None:
    path = SHARED / "eval" / "polnear" / "dev.jsonl"
    if not path.exists():
        pytest.skip("../shared is absent (users do not have it); the synthetic tests above stand alone")
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            for text in json.loads(line)["text"].split("\n"):
                _check(text)
