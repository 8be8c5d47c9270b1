"""The stance word lists (data/stance.toml, and the [check] list of the denial lexicon data/denials.toml)
and the stop words, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from headwater.lexicon import lines, phrases, words


@dataclass(frozen=True, slots=True)
class WordList:
    """Single words and phrases (tuples of words) of one list."""

    words: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]

    def count(self, tokens: tuple[str, ...]) -> int:
        """How many entries of the list occur in ``tokens`` (lower-cased words)."""
        n = sum(1 for t in tokens if t in self.words)
        for phrase in self.phrases:
            k = len(phrase)
            n += sum(1 for i in range(len(tokens) - k + 1) if tokens[i : i + k] == phrase)
        return n


@dataclass(frozen=True, slots=True)
class StanceLexicon:
    refute: WordList
    deny: WordList
    hedge: WordList
    doubt: WordList
    negation: frozenset[str]
    reference: frozenset[str]
    stopwords: frozenset[str]


def _wordlist(entries: tuple[str, ...]) -> WordList:
    from headwater.check.text import words

    split = [tuple(words(e)) for e in entries]
    return WordList(frozenset(s[0] for s in split if len(s) == 1), tuple(s for s in split if len(s) > 1))


@cache
def lexicon() -> StanceLexicon:
    s = "stance.toml"
    stop = set()
    for line in lines("stopwords.txt"):
        stop.update(line.split())
    return StanceLexicon(
        refute=_wordlist(phrases(s, "refute.words")),
        deny=_wordlist(phrases("denials.toml", "check.words")),
        hedge=_wordlist(phrases(s, "hedge.words")),
        doubt=_wordlist(phrases(s, "doubt.words")),
        negation=words(s, "negation.words"),
        reference=words(s, "reference.words"),
        stopwords=frozenset(stop),
    )
