"""spaCy's attribute ruler with its matching memoised: the same attributes, a fraction of the cost.

The English pipelines' ``attribute_ruler`` maps tags and a few word forms to parts of speech,
morphology and lemmas with about 180 token patterns. spaCy runs them through its general ``Matcher``,
which tries every pattern at every token, and then sets each match's attributes token by token
through a ``Span``: about a twelfth of the whole parse on news text. Every pattern of those pipelines
is one or two tokens, each token a conjunction of tests (equal, ``IN``, ``NOT_IN``, ``REGEX``) on
``TAG``, ``LOWER``, ``DEP`` or ``IS_SPACE``, and every rule sets fixed values; so what the rules do to a
token depends only on those four values (and, for a two-token rule, its neighbour's). ``MemoAttributeRuler``:

- reads the four values of every token as one array and works out, once per process for each
  distinct combination, which one-token rules match it (equality and ``IN`` tests through a dict per
  set of tested attributes, the others tested directly) and which two-token conditions it meets;
- tests the two-token rules with array comparisons over neighbouring tokens;
- applies matches as spaCy does, in rule order with later rules winning, so that a token ends with,
  for each attribute, the value of the last matching rule that sets it; and writes the attributes back
  with ``Doc.from_array``, the call spaCy's own deserialiser uses.

``memoise_ruler(nlp)`` swaps the class of such a ruler in place; a ruler with any other kind of
pattern (other operators or attributes, longer patterns) or of attribute to set (extensions, NORM) is
left to spaCy. ``tests/test_parse_memo.py`` checks every token's tag, part of speech, morphology, lemma
and dependency label against the stock pipeline's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_TESTED = ("TAG", "LOWER", "DEP", "IS_SPACE")  # the columns a pattern may test, in this order
_SET = ("LEMMA", "POS", "TAG", "MORPH", "DEP")  # the attributes a rule may set, in this order

Row = tuple[int, int, int, int]
Test = tuple[int, str, Any]  # (column of _TESTED, "eq" | "in" | "not_in" | "regex", value(s))
Change = tuple[int, int, int]  # (rule, column of _SET, value)


@dataclass(slots=True)
class _Tables:
    """The ruler's rules compiled for one vocabulary."""

    indexed: list[tuple[tuple[int, ...], dict[tuple[int, ...], list[int]]]]  # columns -> their values -> rules
    general: list[tuple[int, tuple[Test, ...]]]  # one-token patterns with a set or regex test: (rule, tests)
    pairs: list[tuple[int, int, int]]  # two-token patterns: (rule, its conditions' numbers, token set: 0 or 1)
    conditions: list[tuple[Test, ...]]  # the two-token patterns' conditions: (2k, 2k + 1) for pair k
    sets: list[tuple[tuple[int, int], ...]]  # per rule: (column of _SET, value)
    strings: Any
    rows: dict[Row, _Known] = field(default_factory=dict)


def _tests(token: dict[Any, Any], strings: Any) -> tuple[Test, ...] | None:
    """One pattern token as tests on the columns of _TESTED, or None when it uses anything else."""
    import re

    out: list[Test] = []
    for key, value in token.items():
        name = key.upper() if isinstance(key, str) else None
        if name not in _TESTED:
            return None
        col = _TESTED.index(name)
        if name == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            out.append((col, "eq", int(value)))
        elif isinstance(value, str):
            out.append((col, "eq", strings.add(value)))
        elif isinstance(value, dict) and len(value) == 1:
            ((op, arg),) = value.items()
            if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
                out.append((col, op.lower(), frozenset(strings.add(v) for v in arg)))
            elif op == "REGEX" and isinstance(arg, str):
                out.append((col, "regex", re.compile(arg)))
            else:
                return None
        else:
            return None
    return tuple(out)


def _compile(ruler: Any) -> _Tables | None:
    """The ruler's rules as tables, or None when one of them is of a kind not handled here."""
    from itertools import product

    from spacy.attrs import IDS

    strings = ruler.vocab.strings
    set_ids = {IDS[name]: k for k, name in enumerate(_SET)}
    indexed: dict[tuple[int, ...], dict[tuple[int, ...], list[int]]] = {}
    general: list[tuple[int, tuple[Test, ...]]] = []
    pairs: list[tuple[int, int, int]] = []
    conditions: list[tuple[Test, ...]] = []
    sets = []
    for rule in range(len(ruler.attrs)):
        attrs = ruler.attrs[rule]
        if any(not isinstance(a, int) or a not in set_ids for a in attrs):
            return None
        sets.append(tuple(sorted((set_ids[a], int(v)) for a, v in attrs.items())))
        index = ruler.indices[rule]
        for pattern in ruler.matcher.get(str(rule))[1]:
            tests = [_tests(token, strings) for token in pattern]
            if any(t is None for t in tests):
                return None
            if len(pattern) == 1 and index in (0, -1):
                one = sorted(tests[0] or ())
                if all(op in ("eq", "in") for _, op, _ in one):
                    cols = tuple(col for col, _, _ in one)
                    choices = [[v] if op == "eq" else sorted(v) for _, op, v in one]
                    for values in product(*choices):
                        indexed.setdefault(cols, {}).setdefault(tuple(values), []).append(rule)
                else:
                    general.append((rule, tuple(one)))
            elif len(pattern) == 2 and -2 <= index <= 1:
                pairs.append((rule, len(conditions) // 2, index % 2))
                conditions.extend(t or () for t in tests)
            else:
                return None
    return _Tables(list(indexed.items()), general, pairs, conditions, sets, strings)


def _holds(tests: tuple[Test, ...], row: Row, strings: Any) -> bool:
    for col, op, value in tests:
        got = row[col]
        if op == "eq":
            ok = got == value
        elif op == "in":
            ok = got in value
        elif op == "not_in":
            ok = got not in value
        else:
            ok = value.search(strings[got] if got else "") is not None
        if not ok:
            return False
    return True


class _Known:
    """What the one-token rules do to a token with given tested values (kept per process)."""

    __slots__ = ("changes", "meets", "sets", "values")

    def __init__(self, changes: list[Change], meets: tuple[bool, ...]) -> None:
        final = _final(changes)
        self.changes = changes  # (rule, column, value) in rule order
        self.sets = tuple(col in final for col in range(len(_SET)))  # which attributes it sets
        self.values = tuple(final.get(col, 0) for col in range(len(_SET)))  # to what
        self.meets = meets  # which two-token conditions the token meets


def _final(changes: list[Change]) -> dict[int, int]:
    """Each attribute's value from the last matching rule that sets it (changes are in rule order)."""
    return {col: value for _rule, col, value in changes}


def _row(tables: _Tables, row: Row) -> _Known:
    found = tables.rows.get(row)
    if found is None:
        rules: list[int] = []
        for cols, values in tables.indexed:
            rules.extend(values.get(tuple(row[c] for c in cols), ()))
        rules.extend(rule for rule, tests in tables.general if _holds(tests, row, tables.strings))
        changes = [(r, col, value) for r in sorted(set(rules)) for col, value in tables.sets[r]]
        found = tables.rows[row] = _Known(changes, tuple(_holds(t, row, tables.strings) for t in tables.conditions))
    return found


def _unique_rows(numpy: Any, tested: Any) -> tuple[Any, Any]:
    """The distinct rows of ``tested`` and each row's number among them (numpy.unique over rows, but one
    sort of a combined 64-bit key; checked, and done the slow way if two rows ever share a key)."""
    mixed = tested[:, 0].copy()
    for col in range(1, tested.shape[1]):
        mixed *= numpy.uint64(0x9E3779B97F4A7C15)
        mixed ^= tested[:, col] + numpy.uint64(col)
    _, first, inverse = numpy.unique(mixed, return_index=True, return_inverse=True)
    keys = tested[first]
    inverse = inverse.reshape(-1)
    if not numpy.array_equal(keys[inverse], tested):
        keys, inverse = numpy.unique(tested, axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
    return keys, inverse


class MemoAttributeRuler:
    """Mixin placed before spaCy's ``AttributeRuler``; see the module's docstring."""

    _headwater_tables: _Tables

    def __call__(self, doc: Doc) -> Doc:
        import numpy
        from spacy.attrs import IDS

        ruler: Any = self
        error_handler = ruler.get_error_handler()
        try:
            if not len(doc):
                return doc
            tables = self._headwater_tables
            tested = doc.to_array([IDS[name] for name in _TESTED])
            current = doc.to_array([IDS[name] for name in _SET])
            with numpy.errstate(over="ignore"):
                keys, inverse = _unique_rows(numpy, tested)
            known = [_row(tables, row) for row in map(tuple, keys.tolist())]
            has = numpy.array([k.sets for k in known], dtype=bool)[inverse]
            new = numpy.where(has, numpy.array([k.values for k in known], dtype=current.dtype)[inverse], current)
            if tables.pairs:
                extra: dict[int, list[Change]] = {}
                meets = numpy.array([k.meets for k in known], dtype=bool)[inverse]  # token x condition
                for rule, k, at in tables.pairs:
                    ok = meets[:-1, 2 * k] & meets[1:, 2 * k + 1]
                    for start in numpy.flatnonzero(ok).tolist():
                        extra.setdefault(start + at, []).extend((rule, c, v) for c, v in tables.sets[rule])
                for i, matches in extra.items():
                    for col, value in _final(sorted(known[inverse[i]].changes + matches)).items():
                        new[i, col] = value
            changed = [c for c in range(len(_SET)) if not numpy.array_equal(new[:, c], current[:, c])]
            if changed:
                doc.from_array([IDS[_SET[c]] for c in changed], new[:, changed])
            return doc
        except Exception as exc:  # the stock component's error handling
            return error_handler(ruler.name, ruler, [doc], exc)


_CLASSES: dict[type, type] = {}


def memoise_ruler(nlp: Language) -> bool:
    """Swap the class of ``nlp``'s attribute ruler when its rules are all of the handled kind."""
    from spacy.pipeline import AttributeRuler

    for _name, component in nlp.pipeline:
        if type(component) is not AttributeRuler:
            continue
        tables = _compile(component)
        if tables is None:
            return False
        if AttributeRuler not in _CLASSES:
            _CLASSES[AttributeRuler] = type(
                "MemoAttributeRuler", (MemoAttributeRuler, AttributeRuler), {"__module__": __name__}
            )
        component.__class__ = _CLASSES[AttributeRuler]
        component._headwater_tables = tables
        return True
    return False
