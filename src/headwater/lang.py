"""Language identification (py3langid ships its model; nothing is downloaded)."""

from __future__ import annotations


def detect_language(text: str) -> str | None:
    sample = text[:1200]
    if len(sample.split()) < 3:
        return None
    import py3langid

    lang, _score = py3langid.classify(sample)
    return str(lang)
