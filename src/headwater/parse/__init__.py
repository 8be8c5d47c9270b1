"""spaCy, loaded lazily and once per process.

Importing this module does not import spaCy: ``load_nlp`` does, on first call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from headwater.errors import ModelNotFound

if TYPE_CHECKING:
    from spacy.language import Language

_CACHE: dict[str, Language] = {}


def default_model() -> str:
    from headwater.config import load_config

    return load_config().parse.model


def require_model(name: str) -> None:
    """``ModelNotFound`` unless ``name`` is an installed pipeline package, a pipeline directory or
    ``blank:LANG``; checked without loading spaCy."""
    import importlib.util
    from pathlib import Path

    if name in _CACHE or name.startswith("blank:") or Path(name).is_dir():
        return
    try:
        found = name.isidentifier() and importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise ModelNotFound(name)


def load_nlp(name: str | None = None) -> Language:
    """The spaCy pipeline ``name`` (default: ``[parse] model``), loaded once and cached."""
    name = name or default_model()
    if name not in _CACHE:
        import spacy

        try:
            nlp = spacy.load(name)
        except OSError as exc:
            raise ModelNotFound(name) from exc
        import headwater.parse.paragraphs  # noqa: F401  (registers headwater_paragraphs)
        from headwater.parse.lemmas import memoise_lemmatizer
        from headwater.parse.ruler import memoise_ruler

        memoise_ruler(nlp)  # the same annotations as spaCy's components, computed once per distinct
        memoise_lemmatizer(nlp)  # token (parse/ruler.py, parse/lemmas.py)

        if "parser" in nlp.pipe_names and "headwater_paragraphs" not in nlp.pipe_names:
            nlp.add_pipe("headwater_paragraphs", before="parser")
        _CACHE[name] = nlp
    return _CACHE[name]
