"""Language identification (py3langid ships its model; nothing is downloaded)."""

from __future__ import annotations


def detect_language(text: str) -> str | None:
    sample = text[:1200]
    if len(sample.split()) < 3:
        return None
    import py3langid

    lang, _score = py3langid.classify(sample)
    return str(lang)


ANALYSED = frozenset({"en"})  # the extraction rules read English
MIN_WORDS = 20  # below this, language identification is too unsure to skip an article


def analysed(language: str | None, words: int) -> bool:
    """Whether extraction reads an article: English, or too short (or undetected) to tell."""
    return language is None or language in ANALYSED or words < MIN_WORDS


def not_analysed(rows: list[tuple[str | None, int]]) -> dict[str, int]:
    """language -> how many articles of it extraction skips, from (language, words) pairs."""
    out: dict[str, int] = {}
    for language, words in rows:
        if not analysed(language, words):
            out[str(language)] = out.get(str(language), 0) + 1
    return dict(sorted(out.items()))


def describe_skipped(skipped: dict[str, int]) -> str:
    """'not analysed: language de (2 articles), language fr (1 article)'."""
    return "not analysed: " + ", ".join(
        f"language {lang} ({n} article{'s' if n != 1 else ''})" for lang, n in skipped.items()
    )
