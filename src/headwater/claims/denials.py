"""Denials: which statements deny something, and which claims they deny.

**What is a denial.** The extractor's stance ``deny``, and also an asserted statement that

1. calls something false (``data/denials.toml`` [false] patterns: "absolutely false", "complete
   fabrication", "invented in Brennick");
2. has a sentence that opens by negating ("no ...", "There is no ...") and comes right after a
   denial by the same speaker in the same article (no other statement of theirs in between),
   within ``follow_window`` characters ("called the report a complete fabrication and said no
   mobilisation order had been signed. 'There is no secret decree ...'");
3. has a sentence that opens by negating and, negation aside, says what a speaker of another
   known side says (similarity at least the clustering threshold): "there was no new
   mobilisation" against "Velkov signed an order to call up 80,000 reservists".

**What it denies**: a follow-up (rule 2 above) denies what the denial it follows denies, when
that one denies anything ("rejects the claim, saying there is no indication that ..."). Else,
tried in order; only claims stated by another party count (another speaker,
and another side when both sides are known):

1. figures: the claims stating a figure the denial names in the clause that denies it ("The
   number 9,400 is absolutely false" denies the 9,400 claims, not the 1,200 it gives instead);
2. the claims it names: a denial naming whose claims it denies ("described the Ostreli figures
   as absolutely false", "US intelligence reports that ... are absolutely false") reaches only
   that side's statements (with a figure, when it names figures): the best matches by wording
   (one shared term is enough), else those of the nearest speaker before it in the article;
3. wording: the claims whose statements best match the denial, negation aside (similarity at
   least ``deny_threshold``; all within 0.9 of the best). A statement made shortly before the
   denial in the same article (within ``link_window``) needs only one shared term and scores
   0.15 more: "called the report of a new call-up a fabrication" right after "signed an order to
   call up 80,000 reservists"; a denial that points back at a report ("the report of ...") and
   matches such a statement denies only statements made shortly before;
4. position, for a denial that points back at a report ("denied the account", "called the
   intelligence a complete misunderstanding", "all of this is a huge misunderstanding") and
   matched nothing by wording:
   a. when another denial of the same party (not its own follow-up) follows within
      ``follow_window`` characters
      ("Varnia rejected the account. Its spokesman called the report of a new call-up a
      fabrication"), what that one denies;
   b. "all" ("all of this"): every claim stated within ``link_window`` characters before it;
   c. "the intelligence", "the assessment", "reports": the claims of unnamed or institutional
      sources within ``sweep_window`` characters before it, and the nearest speaker's (d);
   d. otherwise the claims of the nearest speaker of another party before it (within
      ``link_window`` characters), those that speaker made within ``sweep_window`` characters
      before the denial (at least the nearest one).
   Rules b-d reach speakers whose side is known and differs from the denier's, and outlets
   ("The Meridian Post reported ...") within ``sweep_window`` characters. When the denial
   describes what it denies ("denied that any such order exists"; words before a deny phrase),
   only statements sharing one of those words count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from headwater.claims.lexicon import claims_lexicon, nation_side
from headwater.claims.match import figures_of, is_content, similarity
from headwater.claims.origins import speaker_key, speaker_side
from headwater.claims.signatures import Lemmatizer, signature, stem
from headwater.lexicon import alternation, pattern, phrases, words
from headwater.model import Attribution

_LEADING_NEGATION = pattern("denials.toml", "negation.leading")


@lru_cache(maxsize=1 << 16)
def leading_negation(text: str) -> bool:
    """A statement with a sentence that opens by negating ("no order had been signed", "There is
    no decree")."""
    return bool(_LEADING_NEGATION.search(text))


_POINTER = alternation("denials.toml", "targets.owned", before=r"\b([A-Z][\w’'.-]*)\s+(?:[\w-]+\s+)?", after=r"\b")
_REFERENTIAL = frozenset(claims_lexicon().referential) | frozenset(stem(w) for w in claims_lexicon().referential)
_SWEEP = alternation("denials.toml", "targets.sweep", before=r"(?i)\b", after=r"\b")
_CLAUSE = re.compile(r"[.;:!?]\s|,\s(?:and|but)\s|\sand\s(?=(?:described|called|said|added|denied)\b)")


NEAR_BONUS = 0.15


@dataclass(frozen=True, slots=True)
class DenialOptions:
    threshold: float = 0.4
    link_window: int = 1500
    sweep_window: int = 600
    follow_window: int = 300


@dataclass(frozen=True, slots=True)
class Target:
    """One statement of a claim, as a denial sees it (internal)."""

    claim: int
    attribution: Attribution
    terms: frozenset[str]
    key: tuple[str, str] = ("", "")
    side: str = "unknown"


def stance(a: Attribution) -> str:
    """Rule 1: the extractor's stance, or ``deny`` when an asserted content calls something false
    or disputes another party's figure ("the Defence Ministry's figure of fewer than 1,200 ... was
    a number for television": it cites the figure to contest it, it does not assert it)."""
    if a.stance != "assert" or a.kind == "unattributed":
        return a.stance
    lex = claims_lexicon()
    if lex.deny_phrase.search(a.content.text) or _cites_other_figure(a, lex.cited_figure):
        return "deny"
    return a.stance


def _cites_other_figure(a: Attribution, pattern: re.Pattern[str]) -> bool:
    m = pattern.search(a.content.text)
    if not m:
        return False
    owner = {w.lower() for w in re.findall(r"\w+", m.group("owner"))} - {"the", "own"}
    speaker = a.speaker.resolved or a.speaker.text if a.speaker else ""
    return not owner & {w.lower() for w in re.findall(r"\w+", speaker or "")} and not owner & {"our", "my", "their"}


def follow_ups(attributions: Sequence[Attribution], denied: set[int], window: int) -> dict[int, int]:
    """Rule 2: negated assertions that come right after a denial of the same speaker, each with
    the index of the denial that leads them."""
    found: dict[int, int] = {}
    order = sorted(range(len(attributions)), key=lambda i: (attributions[i].article_id, attributions[i].content.start))
    last: dict[tuple[str, tuple[str, str]], tuple[int, int]] = {}  # -> (end, leading denial)
    for i in order:
        a = attributions[i]
        if a.speaker is None or a.kind == "unattributed":
            continue
        key = (a.article_id, speaker_key(a))
        if i in denied:
            last[key] = (a.content.end, i)
        elif key in last and 0 <= a.content.start - last[key][0] <= window and leading_negation(a.content.text):
            found[i] = last[key][1]
            last[key] = (a.content.end, last[key][1])
        else:
            last.pop(key, None)
    return found


def _other(ka: tuple[str, str], sa: str, kb: tuple[str, str], sb: str) -> bool:
    return ka != kb and (sa == "unknown" or sb == "unknown" or sa != sb)


def _deny_clause(text: str) -> str:
    """The clause holding the deny phrase ("The number 9,400 is absolutely false"), else all of it."""
    m = claims_lexicon().deny_phrase.search(text)
    if not m:
        return text
    starts = [0] + [x.end() for x in _CLAUSE.finditer(text, 0, m.start())]
    stop = _CLAUSE.search(text, m.end())
    return text[starts[-1] : stop.start() if stop else len(text)]


def named_side(text: str) -> str | None:
    """The side whose claims a denial names ("the Ostreli figures", "US intelligence reports")."""
    named = named_referent(text)
    return named[0] if named else None


def named_referent(text: str) -> tuple[str, bool] | None:
    """(side, whether figures are meant) of the claims a denial names: "the Ostreli figures" ->
    (OS, True), "US intelligence reports" -> (US, False)."""
    for m in _POINTER.finditer(text):
        side = nation_side(m.group(1))
        if side:
            return side, bool(re.search(r"(?i)figure|number|estimate", m.group(0)))
    return None


def by_referent(
    d: Attribution,
    sig: frozenset[str],
    index: Targets,
    weights: dict[str, float],
    opts: DenialOptions,
    memo: dict[tuple[object, ...], dict[int, float]] | None = None,
) -> set[int]:
    """Rule 2 for a denial naming whose claims it denies: among that side's statements (with a
    figure, when "figures" are named), the best matches by wording (one shared term is enough),
    else those of the nearest speaker before it in the same article. The scores against a side's
    statements depend only on the denial's wording and party: ``memo`` keeps them, so the copies of one
    denial (reprints) are scored once instead of each against every statement of the side."""
    named = named_referent(d.content.text)
    if named is None:
        return set()
    side, figures = named
    key = (sig, side, figures, speaker_key(d), speaker_side(d))
    scores = memo.get(key) if memo is not None else None
    if scores is None:
        scores = {}
        # a wording sharing no word, concept, figure or frame scores 0 (similarity's rule 1): not looked at
        for w in index.of_side(d, side, sig):
            if not figures or figures_of(w.terms):
                score = similarity(sig, w.terms, weights, denial=True, min_shared=1)
                scores[w.claim] = max(scores.get(w.claim, 0.0), score)
        if memo is not None:
            memo[key] = scores
    best = max(scores.values(), default=0.0)
    if best > 0:
        return {i for i, v in scores.items() if v >= best * 0.9}
    near = [
        (d.content.start - t.attribution.content.end, t)
        for t in index.in_article(d)
        if t.side == side and (not figures or figures_of(t.terms)) and _near(d, t.attribution, opts.link_window)
    ]
    if not near:
        return set()
    key = min(near, key=lambda x: x[0])[1].key
    return {t.claim for _, t in near if t.key == key}


_PRONOMINAL = words("claims.toml", "referential.pronominal")


def points_back(text: str) -> bool:
    """A denial that refers to a report instead of restating it ("the account", "all of this is a huge
    misunderstanding"). A bare pronoun ("rejected this") points back only with words that call it
    false: alone, it may be anything the speaker rejects."""
    words = re.findall(r"[a-z]+", text.lower())[:5]
    lex = claims_lexicon()
    if any(w in lex.referential and w not in _PRONOMINAL for w in words):
        return True
    return any(w in lex.referential for w in words) and bool(lex.deny_phrase.search(text))


_REPORT_HEAD = re.compile(
    r"(?i)^\W*(?:(?:"
    + "|".join(phrases("denials.toml", "targets.head_modifiers"))
    + r")\s+){0,4}(?:"
    + "|".join(phrases("denials.toml", "targets.heads"))
    + r")\w*\b"
)


def denies_a_claim(d: Attribution) -> bool:
    """A denial of something stated, not of a thing: it restates a proposition ("denied that any order
    exists", "said no order had been signed"), calls something false ("all of this is a huge
    misunderstanding"), or names a report or claim ("rejected the account"). "Dutch voters rejected a
    treaty" or "Sanders dismissed the remarks" deny no claim: they are not linked."""
    if claims_lexicon().deny_phrase.search(d.content.text) or _REPORT_HEAD.match(d.content.text):
        return True
    p = d.proposition
    return p is None or p.type not in ("fragment", "question", "refusal")


def by_figures(named: frozenset[str], wordings: Sequence[Wording], sig: frozenset[str]) -> set[int]:
    """Claims stating a figure the denial names in its denying clause, and sharing a word, concept or
    name with it besides the figure ("the number 9,400 is absolutely false" and "9,400 soldiers killed";
    not "the 28-nation union" and "28 pages")."""
    if not named:
        return set()
    return {
        w.claim for w in wordings if named & figures_of(w.terms) and any(t[0] not in "#^!" for t in (w.terms & sig))
    }


def _near(d: Attribution, a: Attribution, window: int) -> bool:
    """Stated before the denial in the same article, within ``window`` characters."""
    return a.article_id == d.article_id and 0 <= d.content.start - a.content.end <= window


def by_wording(
    d: Attribution, sig: frozenset[str], index: Targets, weights: dict[str, float], opts: DenialOptions
) -> set[int]:
    """Rule 3, scored once per distinct wording of a claim (however many copies carry it)."""
    side = named_side(d.content.text)
    close = {(t.claim, t.terms) for t in index.in_article(d) if _near(d, t.attribution, opts.link_window)}
    scores: dict[int, float] = {}
    near: set[int] = set()
    explicit = bool(claims_lexicon().deny_phrase.search(d.content.text))
    for w in index.sharing(d, sig):
        claim, terms = w.claim, w.terms
        if side and side not in w.sides():
            continue
        if not _checkable(w) or (not explicit and not _restates(d, sig, w)):
            continue  # a denial that restates what it denies restates that proposition
        is_near = (claim, terms) in close
        score = similarity(sig, terms, weights, denial=True, min_shared=1 if is_near else 2)
        if is_near:
            near.add(claim)
            score = score + NEAR_BONUS if score else 0.0
        scores[claim] = max(scores.get(claim, 0.0), score)
    floor = opts.threshold
    if points_back(d.content.text) and any(scores[i] >= floor for i in near):
        scores = {i: v for i, v in scores.items() if i in near}  # "the report" the article just told
    best = max(scores.values(), default=0.0)
    if best < floor:
        return set()
    return {i for i, v in scores.items() if v >= max(floor, best * 0.9)}


def _checkable(w: Wording) -> bool:
    """A wording of a factual assertion or an estimate: what can be denied (not an opinion or a demand)."""
    p = w.example.proposition if w.example is not None else None
    return p is None or p.type in ("assertion", "estimate")


def _restates(d: Attribution, sig: frozenset[str], w: Wording) -> bool:
    """Whether a denial's content states the proposition of a claim's wording, polarity aside ("denied
    that he was working on a book" / "he was working on a book"): the rules of
    :func:`headwater.claims.propositions.compatible`. A pronoun ("he") agrees across the two speakers
    only within one article, where both can speak of the same person; in two articles, Bush's "denied
    that he was part of the establishment" and Trump's "he was once part of the establishment" speak of
    two people."""
    from headwater.claims.cluster import Statement
    from headwater.claims.propositions import compatible

    if w.example is None or d.proposition is None:
        return True
    same_article = w.example.article_id == d.article_id
    return compatible(Statement(0, d, sig), Statement(1, w.example, w.terms), polarity=False, speakers=not same_article)


def _referent_terms(text: str, sig: frozenset[str]) -> set[str]:
    """The denial's own words that describe what it denies: those before the deny phrase ("the
    report of a new call-up" in "... a complete fabrication"), or all of them when it has none."""
    m = claims_lexicon().deny_phrase.search(text)
    prefix = text[: m.start()] if m else text
    low, stems = prefix.lower(), signature(prefix)
    return {t for t in sig if is_content(t) and (t in stems or t in low)}


def by_position(d: Attribution, sig: frozenset[str], targets: Sequence[Target], opts: DenialOptions) -> set[int]:
    """Rules 4b-d, over the statements made before the denial in the same article."""
    before = []
    side = speaker_side(d)
    own = _referent_terms(d.content.text, sig)
    for t in targets:
        a = t.attribution
        gap = d.content.start - a.content.end
        if a.article_id != d.article_id or not 0 <= gap <= opts.link_window or (own and not own & t.terms):
            continue
        media = a.speaker is not None and a.speaker.type == "media"
        other = t.side
        if (media and gap <= opts.sweep_window) or (not media and other not in ("unknown", side)):
            before.append((gap, t.claim, t.key))
    if not before:
        return set()
    text = d.content.text
    if re.search(r"(?i)\ball\b", text):
        return {i for _, i, _ in before}
    gap0, _, nearest = min(before)
    hits = {i for gap, i, key in before if key == nearest and gap <= max(gap0, opts.sweep_window)}
    if _SWEEP.search(text):
        hits |= {i for gap, i, key in before if key[0] == "side" and gap <= opts.sweep_window}
    return hits


@dataclass(frozen=True, slots=True)
class Wording:
    """One distinct wording of a claim and the parties (speaker key, side) that state it."""

    claim: int
    terms: frozenset[str]
    parties: frozenset[tuple[tuple[str, str], str]]
    example: Attribution | None = None  # one statement with this wording

    def by_other(self, key: tuple[str, str], side: str) -> bool:
        return any(_other(key, side, k, s) for k, s in self.parties)

    def sides(self) -> set[str]:
        return {s for _, s in self.parties}


class Targets:
    """The statements of every claim, indexed by article, and their distinct wordings indexed by
    rare term and by side (copies of one wording are one posting: a story reprinted a thousand
    times neither makes its words common nor costs a thousand comparisons)."""

    def __init__(self, groups: Sequence[Sequence[object]], max_df: int) -> None:
        self.all = [
            Target(i, s.attribution, s.terms, speaker_key(s.attribution), speaker_side(s.attribution))  # type: ignore[attr-defined]
            for i, g in enumerate(groups)
            for s in g
        ]
        self.by_article: dict[str, list[int]] = {}
        parties: dict[tuple[int, frozenset[str]], set[tuple[tuple[str, str], str]]] = {}
        examples: dict[tuple[int, frozenset[str]], Attribution] = {}
        for k, t in enumerate(self.all):
            self.by_article.setdefault(t.attribution.article_id, []).append(k)
            parties.setdefault((t.claim, t.terms), set()).add((t.key, t.side))
            examples.setdefault((t.claim, t.terms), t.attribution)
        self.wordings = [Wording(c, terms, frozenset(p), examples[(c, terms)]) for (c, terms), p in parties.items()]
        self.by_term: dict[str, list[int]] = {}
        self.by_side: dict[str, list[int]] = {}
        for w, wording in enumerate(self.wordings):
            for side in wording.sides():
                self.by_side.setdefault(side, []).append(w)
            for term in wording.terms:
                if term[0] not in "@!":
                    self.by_term.setdefault(term, []).append(w)
        self.max_df = max_df
        self._by_side_term: dict[str, dict[str, list[int]]] = {}  # side -> term -> wordings (``_side_terms``)

    def sharing(self, d: Attribution, terms: frozenset[str]) -> list[Wording]:
        """Wordings stated by another party that share a rare term with ``terms``."""
        ws: set[int] = set()
        for term in terms:
            posting = self.by_term.get(term, [])
            if len(posting) <= self.max_df:
                ws.update(posting)
        dk, ds = speaker_key(d), speaker_side(d)
        return [self.wordings[w] for w in sorted(ws) if self.wordings[w].by_other(dk, ds)]

    def of_side(self, d: Attribution, side: str | None, terms: frozenset[str] | None = None) -> list[Wording]:
        """Wordings stated by another party that speaks for ``side`` (only those sharing a word, concept, figure
        or frame with ``terms`` when given: the others cannot match them)."""
        dk, ds = speaker_key(d), speaker_side(d)
        if not side:
            return []
        if terms is None:
            ids: list[int] = self.by_side.get(side, [])
        else:
            index = self._side_terms(side)
            ids = sorted({w for t in terms for w in index.get(t, ())})
        return [
            self.wordings[w]
            for w in ids
            if any(s == side and _other(dk, ds, k, s) for k, s in self.wordings[w].parties)
        ]

    def _side_terms(self, side: str) -> dict[str, list[int]]:
        """Term -> the wordings of ``side`` holding it (names, nations and flags aside), built once per side."""
        index = self._by_side_term.get(side)
        if index is None:
            index = self._by_side_term[side] = {}
            for w in self.by_side.get(side, []):
                for t in self.wordings[w].terms:
                    if t[0] not in "@!":
                        index.setdefault(t, []).append(w)
        return index

    def in_article(self, d: Attribution) -> list[Target]:
        """Statements of another party in the denial's article."""
        dk, ds = speaker_key(d), speaker_side(d)
        return [t for k in self.by_article.get(d.article_id, []) if _other(dk, ds, (t := self.all[k]).key, t.side)]


def link_denials(
    groups: Sequence[Sequence[object]],
    denials: Sequence[Attribution],
    weights: dict[str, float],
    opts: DenialOptions,
    lemmatizer: Lemmatizer | None = None,
    max_df: int = 200,
    leaders: dict[Attribution, Attribution] | None = None,
) -> dict[int, list[Attribution]]:
    """claim index -> the denials that deny it (rules in the module docstring). ``leaders`` maps a
    negated follow-up to the denial it follows: it denies what that one denies."""
    leaders = leaders or {}
    texts = [claims_lexicon().deny_phrase.sub(" ", d.content.text) for d in denials]
    lemmas = lemmatizer(texts) if lemmatizer and denials else None
    index = Targets(groups, max_df)
    found: dict[int, set[int]] = {}
    pointing: list[int] = []
    sigs = [signature(t, lemmas[j] if lemmas else None) - _REFERENTIAL for j, t in enumerate(texts)]
    memo: dict[tuple[object, ...], dict[int, float]] = {}
    for j, d in enumerate(denials):
        sig = sigs[j]
        clause = figures_of(signature(_deny_clause(d.content.text)))
        hits = (
            by_figures(clause, index.sharing(d, clause), sig)
            or by_referent(d, sig, index, weights, opts, memo)
            or by_wording(d, sig, index, weights, opts)
        )
        if not hits and points_back(d.content.text):
            pointing.append(j)
        found[j] = hits
    by_article: dict[str, list[int]] = {}
    for j, d in enumerate(denials):
        by_article.setdefault(d.article_id, []).append(j)
    for j in sorted(pointing, key=lambda j: (denials[j].article_id, -denials[j].content.start)):
        d = denials[j]
        after = [(k, denials[k]) for k in by_article[d.article_id] if denials[k] not in leaders]
        nxt = _followed_by(d, after, found, opts.follow_window)
        found[j] = found[nxt] if nxt is not None else by_position(d, sigs[j], index.in_article(d), opts)
    position = {d: j for j, d in enumerate(denials)}
    for j, d in enumerate(denials):
        lead = position.get(leaders.get(d))  # type: ignore[arg-type]
        if lead is not None and found.get(lead):
            found[j] = found[lead]
    linked: dict[int, list[Attribution]] = {}
    for j, hits in found.items():
        for i in sorted(hits):
            linked.setdefault(i, []).append(denials[j])
    return linked


def _followed_by(
    d: Attribution, same_article: Sequence[tuple[int, Attribution]], found: dict[int, set[int]], window: int
) -> int | None:
    """The next denial of the same party in the same article, within ``window`` characters, that found targets."""
    best: tuple[int, int] | None = None
    for k, e in same_article:
        gap = e.content.start - d.content.end
        if e is d or not 0 <= gap <= window or not found.get(k):
            continue
        same = speaker_key(e) == speaker_key(d) or speaker_side(e) == speaker_side(d) != "unknown"
        if same and (best is None or e.content.start < best[1]):
            best = (k, e.content.start)
    return best[0] if best else None
