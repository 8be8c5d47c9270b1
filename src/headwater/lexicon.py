"""The one loader of ``headwater/data``: the lexicon files, each read once per process.

Model level: every stage package may import it, and it imports none (``tests/test_layering.py``).
A file is parsed on first use and kept; each typed accessor is cached too, so a module may call
``words("cues.toml", "verbs.speech")`` at import time or in a hot loop at the cost of a dict look-up.

Keys are dotted paths into the TOML tables (``"verbs.speech"`` is ``[verbs] speech = [...]``). A
missing file, a missing key or a value of the wrong shape is a ``LexiconError`` naming the file and
the key.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from headwater.errors import ConfigError

__all__ = [
    "LexiconError",
    "alternation",
    "entry",
    "lines",
    "mapping",
    "pairs",
    "pattern",
    "phrases",
    "table",
    "text",
    "words",
]


class LexiconError(ConfigError):
    """A shipped word list is missing or malformed (the message names the file and the key)."""


@cache
def text(name: str) -> str:
    """The text of ``headwater/data/<name>``."""
    try:
        return resources.files("headwater.data").joinpath(name).read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"data/{name}: cannot read the lexicon file: {exc}") from exc


@cache
def lines(name: str) -> tuple[str, ...]:
    """The lines of a plain-text list in ``headwater/data``, comment lines (``#``) left out."""
    return tuple(line for line in text(name).splitlines() if not line.startswith("#"))


@cache
def table(name: str) -> dict[str, Any]:
    """The parsed TOML file ``headwater/data/<name>`` (do not modify it: it is shared)."""
    try:
        return tomllib.loads(text(name))
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"data/{name}: not valid TOML: {exc}") from exc


def entry(name: str, key: str) -> Any:
    """The value at a dotted ``key`` of a data file."""
    node: Any = table(name)
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            raise LexiconError(f"data/{name}: no entry {key!r} (missing {part!r})")
        node = node[part]
    return node


def _strings(name: str, key: str) -> list[str]:
    value = entry(name, key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"data/{name}: {key!r} must be a list of strings")
    return value


@cache
def words(name: str, key: str) -> frozenset[str]:
    """A word list as a set (for membership tests)."""
    return frozenset(_strings(name, key))


@cache
def phrases(name: str, key: str) -> tuple[str, ...]:
    """A list of strings in file order (for lists whose order matters)."""
    return tuple(_strings(name, key))


@cache
def pairs(name: str, key: str) -> frozenset[tuple[str, str]]:
    """A list of two-string lists (``[["make", "case"], ...]``) as a set of pairs."""
    value = entry(name, key)
    if not isinstance(value, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(s, str) for s in p) for p in value
    ):
        raise LexiconError(f"data/{name}: {key!r} must be a list of [word, word] pairs")
    return frozenset((a, b) for a, b in value)


@cache
def mapping(name: str, key: str) -> dict[str, Any]:
    """A table (``[section]`` of ``key = value`` lines) as a dict, in file order."""
    value = entry(name, key)
    if not isinstance(value, dict):
        raise LexiconError(f"data/{name}: {key!r} must be a table")
    return value


@cache
def pattern(name: str, key: str, flags: int = 0) -> re.Pattern[str]:
    """One regular expression stored as a string."""
    value = entry(name, key)
    if not isinstance(value, str):
        raise LexiconError(f"data/{name}: {key!r} must be a regular expression (a string)")
    try:
        return re.compile(value, flags)
    except re.error as exc:
        raise LexiconError(f"data/{name}: {key!r} is not a valid regular expression: {exc}") from exc


@cache
def alternation(
    name: str, key: str, *, escape: bool = False, before: str = "", after: str = "", flags: int = 0
) -> re.Pattern[str]:
    """A list compiled as one regex: ``before(?:a|b|...)after``, entries escaped when ``escape`` (plain
    words and phrases) or taken as regular expressions, in file order."""
    alts = "|".join(re.escape(p) if escape else p for p in _strings(name, key))
    try:
        return re.compile(f"{before}(?:{alts}){after}", flags)
    except re.error as exc:
        raise LexiconError(f"data/{name}: {key!r} is not a list of valid regular expressions: {exc}") from exc
