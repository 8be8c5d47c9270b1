"""Per-article sentence term vectors, built once per store: what every claim is scored against."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from headwater.check.lexicon import StanceLexicon, lexicon
from headwater.check.text import sentences, stem, words
from headwater.model import Attribution


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    tokens: tuple[str, ...]  # lower-cased words, in order
    stems: tuple[str, ...]  # the stem of each token ("" for a stop word)
    terms: frozenset[str]  # the content stems
    refute: int  # refute-lexicon entries in the sentence
    deny: int  # deny-lexicon entries (someone denies it)
    hedge: int  # hedge-lexicon entries
    refers: bool  # a word that points back at a claim ("the report", "it")


@dataclass(frozen=True, slots=True)
class IndexedArticle:
    article_id: str
    doc: str
    text: str
    sentences: tuple[Sentence, ...]
    terms: frozenset[str]
    attributions: tuple[Attribution, ...] = ()
    group: str | None = None  # reprint group


@dataclass(frozen=True, slots=True)
class Corpus:
    articles: tuple[IndexedArticle, ...]
    idf: dict[str, float]
    by_doc: dict[str, int]  # doc (file name) or article id -> position in ``articles``

    def find(self, ref: str) -> IndexedArticle | None:
        i = self.by_doc.get(ref)
        return None if i is None else self.articles[i]

    def weight(self, term: str) -> float:
        """Inverse document frequency; a term no article has weighs as a term found in one."""
        return self.idf.get(term, self.idf.get("", 1.0))


def index_sentence(text: str, start: int, end: int, lex: StanceLexicon) -> Sentence:
    tokens = tuple(words(text[start:end]))
    stems = tuple("" if t in lex.stopwords or len(t) < 2 else stem(t) for t in tokens)
    return Sentence(
        start,
        end,
        tokens,
        stems,
        frozenset(s for s in stems if s),
        lex.refute.count(tokens),
        lex.deny.count(tokens),
        lex.hedge.count(tokens),
        any(t in lex.reference for t in tokens),
    )


def index_article(
    article_id: str, doc: str, text: str, attributions: Sequence[Attribution] = (), group: str | None = None
) -> IndexedArticle:
    lex = lexicon()
    sents = tuple(index_sentence(text, s, e, lex) for s, e in sentences(text))
    terms = frozenset().union(*(s.terms for s in sents)) if sents else frozenset()
    return IndexedArticle(article_id, doc, text, sents, terms, tuple(attributions), group)


def build_corpus(articles: Iterable[IndexedArticle]) -> Corpus:
    arts = tuple(articles)
    df: Counter[str] = Counter()
    for a in arts:
        df.update(a.terms)
    n = len(arts)
    idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
    idf[""] = math.log((n + 1) / 1.5)
    by_doc: dict[str, int] = {}
    for i, a in enumerate(arts):
        by_doc.setdefault(a.article_id, i)
        by_doc.setdefault(a.doc, i)
    return Corpus(arts, idf, by_doc)
