"""Language identification (py3langid ships its model; nothing is downloaded)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

_IDENTIFIER: list[Any] = []


def detect_language(text: str) -> str | None:
    sample = text[:1200]
    if len(sample.split()) < 3:
        return None
    lang, _score = identifier().classify(sample)
    return str(lang)


def identifier() -> Any:
    """py3langid's identifier, loaded once: from the model ``make install`` unpacked (``unpack_model``)
    when there is one for the installed py3langid, which loads in a third of the time; else from the
    compressed model it ships. Both are the same model and classify alike."""
    if not _IDENTIFIER:
        import py3langid.langid as langid

        path = unpacked_path()
        _IDENTIFIER.append(_load_unpacked(path) if path.is_file() else langid._get_identifier())
    return _IDENTIFIER[0]


def _packed() -> Path:
    import py3langid.langid as langid

    return Path(langid.MODEL_DIR) / langid.MODEL_FILE


def unpacked_path(folder: Path | None = None) -> Path:
    """Where the unpacked model lives (in the environment's share/headwater), named after the packed
    model's size and time, so that another py3langid is never read with a stale model."""
    import sys

    st = _packed().stat()
    return (folder or Path(sys.prefix) / "share" / "headwater") / f"langid-{st.st_size}-{st.st_mtime_ns}.npz"


def unpack_model(folder: Path | None = None) -> Path:
    """Write py3langid's model uncompressed (``make install`` does, once)."""
    import lzma

    path = unpacked_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    with lzma.open(_packed()) as src:
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(src.read())
    tmp.replace(path)
    return path


def _load_unpacked(path: Path) -> Any:
    import numpy as np
    import py3langid.langid as langid
    from py3langid.modelio import _to_array

    with np.load(path, allow_pickle=False) as d:
        return langid.LanguageIdentifier(
            np.asarray(d["ptc"]),
            np.asarray(d["pc"]),
            d["classes"].tolist(),
            _to_array(d["nextmove"]),
            d["out_feat"].tolist(),
            tk_row=_to_array(d["nextmove_row"]),
        )


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


if __name__ == "__main__":
    print(unpack_model())
