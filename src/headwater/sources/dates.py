"""Dates to ISO 8601 (``YYYY-MM-DD``, or with time when the input has one)."""

from __future__ import annotations

from datetime import datetime


def normalise_date(value: str | None) -> str | None:
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            from dateutil import parser

            parsed = parser.parse(value, fuzzy=False)
        except (ValueError, OverflowError, ImportError):
            return None
    if len(value) <= 10 or ((parsed.hour, parsed.minute, parsed.second) == (0, 0, 0) and "T" not in value):
        return parsed.date().isoformat()
    return parsed.isoformat()
