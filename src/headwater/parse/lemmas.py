"""spaCy's rule lemmatizer with its per-token work memoised: the same lemmas, a fraction of the cost.

spaCy's ``Lemmatizer.__call__`` builds a ``Token`` for every token and calls ``rule_lemmatize``,
which returns early from its own cache only after that per-token Python work; on news text it is
about a tenth of the whole parse. The rule lemma of a token is a function of its text, its coarse
part of speech and its morphology (``rule_lemmatize`` reads nothing else: its cache key is the same
triple, and the base-form test it does before caching reads only the part of speech and the morphology),
so ``MemoLemmatizer`` reads the three as one array per document, asks the original method once per
distinct triple in the process, and writes the lemmas back as an array. Tokens the attribute ruler
gave a lemma keep it, as in spaCy (unless the component is set to overwrite).

``memoise_lemmatizer(nlp)`` swaps the class of a rule-mode lemmatizer in place (its tables, settings and cache
stay); any other lemmatizer (lookup mode, another language's override of ``__call__``) is left alone.
``tests/test_parse_memo.py`` checks every token's lemma against the stock pipeline's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


class MemoLemmatizer:
    """Mixin placed before a spaCy ``Lemmatizer`` subclass; see the module's docstring."""

    _headwater_memo: dict[tuple[int, int, int], int]
    _headwater_lookups: Any  # the component's tables with the lemma index as frozensets (``_hashed``)

    def __call__(self, doc: Doc) -> Doc:
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS
        from spacy.errors import Errors

        lemmatizer: Any = self
        if not lemmatizer._validated:
            lemmatizer._validate_tables(Errors.E1004)
        if not len(doc):
            return doc
        error_handler = lemmatizer.get_error_handler()
        stock, lemmatizer.lookups = lemmatizer.lookups, self._headwater_lookups
        try:
            table = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = table[:, 3].copy()
            rows = numpy.arange(len(doc)) if lemmatizer.overwrite else numpy.flatnonzero(lemmas == 0)
            if len(rows):
                keys, first, inverse = numpy.unique(table[rows, :3], axis=0, return_index=True, return_inverse=True)
                memo = self._headwater_memo
                strings = doc.vocab.strings
                values = []
                for key, at in zip(map(tuple, keys.tolist()), rows[first].tolist(), strict=True):
                    value = memo.get(key)
                    if value is None:
                        value = memo[key] = strings.add(lemmatizer.lemmatize(doc[at])[0])
                    values.append(value)
                lemmas[rows] = numpy.array(values, dtype=lemmas.dtype)[inverse.reshape(-1)]
            doc.from_array([LEMMA], lemmas)
            return doc
        except Exception as exc:  # the stock component's error handling
            error_handler(lemmatizer.name, lemmatizer, [doc], exc)
            return doc
        finally:
            lemmatizer.lookups = stock


def _hashed(lookups: Any) -> Any:
    """A copy of a lemmatizer's ``Lookups`` whose ``lemma_index`` values are frozensets."""
    from spacy.lookups import Lookups

    copy = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        copy.add_table(name, {k: frozenset(v) for k, v in table.items()} if name == "lemma_index" else table)
    return copy


_CLASSES: dict[type, type] = {}


def memoise_lemmatizer(nlp: Language) -> bool:
    """Memoise ``nlp``'s rule lemmatizer in place; return whether it was (see the module's docstring)."""
    from spacy.pipeline import Lemmatizer

    for _name, component in nlp.pipeline:
        cls = type(component)
        if not isinstance(component, Lemmatizer) or isinstance(component, MemoLemmatizer):
            continue
        if component.mode != "rule" or cls.__call__ is not Lemmatizer.__call__:
            continue
        if cls.rule_lemmatize is not Lemmatizer.rule_lemmatize:  # a language with its own rules: unread here
            continue
        if cls not in _CLASSES:
            _CLASSES[cls] = type(f"Memo{cls.__name__}", (MemoLemmatizer, cls), {"__module__": __name__})
        component.__class__ = _CLASSES[cls]
        component._headwater_memo = {}
        component._headwater_lookups = _hashed(component.lookups)
        return True
    return False
