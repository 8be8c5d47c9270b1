"""The boilerplate pattern list (``data/boilerplate.toml``, read through ``headwater.lexicon``, or a user's file), compiled once."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from headwater import lexicon
from headwater.errors import ConfigError


@dataclass(frozen=True)
class Patterns:
    names: tuple[str, ...]
    regex: re.Pattern[str]

    def match(self, line: str) -> str | None:
        """Name of the pattern the whole line matches, or None."""
        m = self.regex.fullmatch(line)
        if not m:
            return None
        return m.lastgroup


@lru_cache(maxsize=8)
def load_patterns(path: str = "boilerplate.toml") -> Patterns:
    """Load a pattern file: a name in ``headwater/data`` or a path."""
    p = Path(path)
    try:
        if p.is_absolute() or (p.exists() and p.parent != Path(".")):
            text = p.read_text(encoding="utf-8")
        else:
            text = lexicon.text(path)
        table = tomllib.loads(text)["patterns"]
        alternatives = [f"(?P<{name}>{expr})" for name, expr in table.items()]
        regex = re.compile("|".join(alternatives), re.I)
    except (OSError, KeyError, tomllib.TOMLDecodeError, re.error) as exc:
        raise ConfigError(f"{path}: cannot load boilerplate patterns: {exc}") from exc
    return Patterns(tuple(table), regex)
