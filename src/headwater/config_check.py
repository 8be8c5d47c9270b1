"""Types and ranges of every setting, checked when a value is loaded (file, flag or environment).

A value out of range is a ``ConfigError`` (exit code 2) naming the section, the key, the value
and where it came from; nothing is found out later, in the middle of a stage.
"""

from __future__ import annotations

import codecs
import json
import math
from dataclasses import fields
from typing import Any

from headwater.errors import ConfigError

INF = math.inf
# (section, key) -> (lowest, highest, lowest allowed?) ; highest is always allowed.
RANGES: dict[tuple[str, str], tuple[float, float, bool]] = {
    ("ingest", "max_file_mb"): (0, INF, False),
    ("ingest", "max_record_mb"): (0, INF, False),
    ("ingest", "max_record_chars"): (1, INF, True),
    # spaCy refuses texts over its max_length (1,000,000 characters by default).
    ("ingest", "max_article_chars"): (1, 1_000_000, True),
    # Python's JSON parser recurses once per level; its limit is about 1,000.
    ("ingest", "max_json_depth"): (1, 500, True),
    ("ingest", "max_gzip_ratio"): (1, INF, True),
    ("ingest", "max_errors_per_file"): (1, INF, True),
    ("ingest", "batch_size"): (1, INF, True),
    ("clean", "crossdoc_min_articles"): (2, INF, True),
    ("clean", "crossdoc_min_articles_prose"): (2, INF, True),
    ("clean", "crossdoc_max_similarity"): (0, 1, True),
    ("clean", "crossdoc_sample_pairs"): (1, INF, True),
    ("clean", "max_align_chars"): (1, 100_000, True),
    ("parse", "batch_size"): (1, INF, True),
    ("reuse", "threshold"): (0, 1, False),
    ("reuse", "num_perm"): (2, 65_536, True),
    ("reuse", "shingle_size"): (1, 1_000, True),
    ("reuse", "ngram"): (1, 1_000, True),
    ("reuse", "max_df"): (1, INF, True),
    ("reuse", "min_passage_words"): (1, INF, True),
    ("reuse", "min_matches"): (1, INF, True),
    ("reuse", "max_gap"): (0, INF, True),
    ("reuse", "containment"): (0, 1, False),
    ("reuse", "min_length_ratio"): (0, 1, True),
    ("reuse", "group_containment"): (0, 1, False),
    ("reuse", "min_content_words"): (0, INF, True),
    ("claims", "threshold"): (0, 1, False),
    ("claims", "deny_threshold"): (0, 1, False),
    ("claims", "link_window"): (0, INF, True),
    ("claims", "sweep_window"): (0, INF, True),
    ("claims", "follow_window"): (0, INF, True),
    ("claims", "max_df"): (1, INF, True),
    ("claims", "min_words"): (1, INF, True),
    ("check", "related"): (0, 1, True),
    ("check", "deny"): (0, INF, True),
    ("check", "hedge"): (0, INF, True),
    ("check", "negation"): (0, INF, True),
    ("check", "denial"): (0, INF, True),
    ("check", "reported"): (0, INF, True),
    ("check", "share"): (0, 1, True),
    ("check", "spread"): (0, 1, True),
    ("check", "follow"): (0, INF, True),
    ("check", "opening"): (0, INF, True),
    ("check", "lead"): (0, INF, True),
    ("check", "lead_hedge"): (0, INF, True),
    ("check", "versus"): (0, INF, True),
    ("check", "top"): (1, INF, True),
}
NON_EMPTY = {("store", "db"), ("clean", "patterns"), ("parse", "model")}


def typed_value(section: str, key: str, default: Any, value: Any, origin: str) -> Any:
    """``value`` converted to the type of ``default``, or a ConfigError saying what was expected."""
    where = f"{origin}: [{section}] {key}"
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"{where} must be true or false, got {value!r}")
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{where} must be a whole number, got {value!r}")
        return value
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{where} must be a number, got {value!r}")
        return float(value)
    if isinstance(default, str):
        if not isinstance(value, str):
            raise ConfigError(f"{where} must be a string, got {value!r}")
        return value
    return value


def check_section(section: str, values: Any, origin: str) -> None:
    """Every value of one section within its range (raises ConfigError naming section and key)."""
    for f in fields(values):
        value = getattr(values, f.name)
        where = f"{origin}: [{section}] {f.name}"
        rule = RANGES.get((section, f.name))
        if rule is None and isinstance(value, float) and not math.isfinite(value):
            raise ConfigError(f"{where} must be a finite number, got {value!r}")
        if rule is not None:
            low, high, low_ok = rule
            if math.isnan(value) or value > high or value < low or (value == low and not low_ok):
                raise ConfigError(f"{where} must be {_describe(rule)}, got {value!r}")
        if (section, f.name) in NON_EMPTY and not value.strip():
            raise ConfigError(f"{where} must not be empty")
    if section == "ingest" and values.encoding:
        try:
            codecs.lookup(values.encoding)
        except LookupError:
            raise ConfigError(f"{origin}: [ingest] encoding: unknown encoding name {values.encoding!r}") from None


def _describe(rule: tuple[float, float, bool]) -> str:
    low, high, low_ok = rule
    if high == INF:
        return f"at least {_num(low)}" if low_ok else f"greater than {_num(low)}"
    if low_ok:
        return f"between {_num(low)} and {_num(high)}"
    return f"greater than {_num(low)} and at most {_num(high)}"


def _num(value: float) -> str:
    return f"{int(value):,}" if value == int(value) else f"{value:g}"


def toml_value(value: Any) -> str:
    """One value in TOML syntax (booleans lower-case, strings quoted and escaped, nan/inf spelled)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        # JSON escapes are TOML basic-string escapes; TOML also forbids a raw DEL.
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"no TOML form for {type(value).__name__}")


def to_toml(data: dict[str, Any]) -> str:
    """Sections of plain values as TOML; ``sources`` (where the values came from) as a comment."""
    lines = []
    sources = data.get("sources")
    if sources:
        lines.append("# from: " + ", ".join(str(s).replace("\n", " ") for s in sources))
    for section, values in data.items():
        if not isinstance(values, dict):
            continue
        lines.append(f"\n[{section}]")
        lines.extend(f"{key} = {toml_value(value)}" for key, value in values.items())
    return "\n".join(lines) + "\n"
