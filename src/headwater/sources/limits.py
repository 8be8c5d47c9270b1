"""Guards every reader shares: bounded JSON, bounded lines, and a human reason for any exception.

A reader never lets an exception out for one bad record: ``reason_for`` turns it into the
sentence an ``IngestError`` carries, and the pipeline goes on with the next record or file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import IO, Any

# Strings (with their escapes) and the brackets outside them.
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*+"|[\[\]{}]', re.S)


class LimitExceeded(ValueError):
    """An input over one of the ``[ingest]`` limits; the message names the limit."""


def json_depth(text: str) -> int:
    """Deepest nesting of arrays and objects in ``text`` (brackets inside strings do not count)."""
    if "[" not in text and "{" not in text:
        return 0
    depth = deepest = 0
    for m in _JSON_TOKENS.finditer(text):
        ch = m.group(0)
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def load_json(text: str, max_depth: int) -> Any:
    """``json.loads`` with nesting bounded and numbers never parsed into unbounded integers.

    Integers are read as floats (a 5,000-digit number becomes ``inf``, not a ValueError);
    metadata must be strings anyway, so no number reaches an article.
    """
    depth = json_depth(text)
    if depth > max_depth:
        raise LimitExceeded(f"JSON nested {depth} deep (max_json_depth {max_depth})")
    return json.loads(text, parse_int=float, parse_constant=float)


def bounded_lines(stream: IO[bytes], max_bytes: int, chunk: int = 1 << 20) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line of ``stream``; ``None`` for a line longer than ``max_bytes``.

    An over-long line is skipped in chunks, so memory stays bounded whatever the file holds.
    """
    lineno = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) <= max_bytes or (line.endswith(b"\n") and len(line) == max_bytes + 1):
            yield lineno, line
            continue
        while not line.endswith(b"\n"):
            line = stream.readline(chunk)
            if not line:
                break
        yield lineno, None


def reason_for(exc: BaseException) -> str:
    """A sentence for the user about an exception raised while reading one input."""
    if isinstance(exc, LimitExceeded):
        return str(exc)
    if isinstance(exc, RecursionError):
        return "nested too deeply to read (recursion limit)"
    if isinstance(exc, MemoryError):
        return "too large to read in memory"
    if isinstance(exc, UnicodeError):
        return f"invalid text encoding ({type(exc).__name__})"
    if isinstance(exc, OSError):
        return f"cannot read: {exc.strerror or exc}"
    if isinstance(exc, EOFError):
        return "file ends early (truncated)"
    text = str(exc).replace("\n", " ")
    if len(text) > 200:
        text = text[:200] + "..."
    return f"unreadable ({type(exc).__name__}: {text})" if text else f"unreadable ({type(exc).__name__})"
