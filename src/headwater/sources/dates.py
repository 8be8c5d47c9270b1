"""Dates to ISO 8601 (``YYYY-MM-DD``, or with time when the input has one)."""

from __future__ import annotations

from datetime import datetime

_MAX_DATE_CHARS = 100
_YEARS = (1800, 2200)


def normalise_date(value: str | None) -> str | None:
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    if len(value) > _MAX_DATE_CHARS:  # no date is this long; dateutil's fuzzy reading of a long string is slow
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            import warnings

            from dateutil import parser

            with warnings.catch_warnings():  # "10:32 ET": an unknown zone name is read as local time, said once
                warnings.simplefilter("ignore", parser.UnknownTimezoneWarning)  # per file by dateutil, to stderr
                parsed = parser.parse(value, fuzzy=False)
        except (ValueError, OverflowError, ImportError, TypeError, RecursionError):
            return None
    if not _YEARS[0] <= parsed.year <= _YEARS[1]:  # not a publication date: it would win every "who was first"
        return None
    if len(value) <= 10 or ((parsed.hour, parsed.minute, parsed.second) == (0, 0, 0) and "T" not in value):
        return parsed.date().isoformat()
    return parsed.isoformat()
