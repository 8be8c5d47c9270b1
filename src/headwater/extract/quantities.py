"""Numeric estimates: what is counted, the value or range, its qualifier, who gave it, as of when.

``extract_quantities(document, attributions)`` is a pure function of one article. It reads the
cleaned text sentence by sentence, finds numbers that count something listed in
``data/quantities.toml`` ("15,600 Russian soldiers have been killed", "regained more than
8,000 square kilometers") and returns :class:`headwater.model.Quantity` records. The speaker
and side come from the attribution whose content span contains the number; when none does, a
cue in the same sentence ("according to US estimates", "with Ukraine estimating that") is used.
A spaCy ``Doc`` may be passed for its sentence boundaries; without one a rule splitter is used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from headwater.lexicon import LexiconError, alternation, mapping, phrases, words
from headwater.lexicon import pattern as data_pattern
from headwater.model import Attribution, Document, Quantity, Span

_WORD_NUMBERS: dict[str, int | None] = {
    **mapping("quantities.toml", "numbers.words"),
    **mapping("quantities.toml", "numbers.other_words"),
    **dict.fromkeys(phrases("quantities.toml", "numbers.vague")),
}
_SCALE: dict[str, float] = mapping("quantities.toml", "numbers.scale")
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?:thousand|million|billion|bn|mn)\b)?"
_WORDNUM = "(?:" + "|".join(mapping("quantities.toml", "numbers.words")) + ")"
_ANYNUM = rf"(?:{_NUM}|\b{_WORDNUM}\b)"
_RANGE = re.compile(
    rf"(?i)\b(?P<kw>between|from)\s+(?P<lo>{_ANYNUM})\s+(?:and|to)\s+(?P<hi>{_ANYNUM})"
    rf"|(?P<lo2>{_NUM})\s*(?:-|–|to)\s*(?P<hi2>{_NUM})"
)
_SINGLE = re.compile(rf"(?i)(?<![\w,.])(?P<n>{_ANYNUM})(?![\w,]\d)")
_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’»]?|\n|$)")
_AFTER_WORDS = 8
_SO_FAR = alternation("quantities.toml", "so_far.phrases", escape=True, before=r"(?i)\b", after=r"\b")
_CUE = re.compile(
    r"(?i)according to (?P<a>(?:the )?[\w.' -]{2,60}?)(?:[,.;]|$)"
    r"|(?:with |as )?(?P<b>(?:the )?(?-i:[A-Z])[\w.'-]*(?: [\w.'-]+){0,4}?)(?: (?:has|have|had))? "
    r"(?:estimat(?:es|ed|ing)|says?|said|claims?)\b"
)
_STOP_CLAUSE = re.compile(r"[;:]|\band\s+(?=\d)|\bwhile\b|\bbut\b")
_CITED = re.compile(r"\b(?:the|this|that)\s+(?:figure|number|claim)s?\s+(?:of\s+)?(?:[a-z]+\s+){0,2}[«“\"‘']?$", re.I)
_OWNED = re.compile(
    r"(?P<who>(?:[Tt]he\s+)?(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)['’]s\s+(?:own\s+)?"
    r"(?:figure|claim|number|estimate|count)s?\s+(?:of\s+)?(?:[a-z]+\s+){0,2}[«“\"‘']?$"
)
_DENIED = alternation("denials.toml", "false.figure_patterns", before="(?i)")
_HEADLINE_CUE = re.compile(r"^\s*(?P<who>[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,3}):\s+\S")
_CLAUSE_END = re.compile(r"[;:]|,\s+(?:and|but)\s+|\.\s|\s+and\s+(?=(?:described|called|said|dismissed|denied)\b)")
_OURS = data_pattern("quantities.toml", "own_losses.pattern")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    nouns: dict[str, tuple[str, str]]
    events: dict[str, tuple[str, tuple[str, ...]]]
    nations: dict[str, tuple[str, str]]
    qualifiers: tuple[str, ...]  # longest first
    bounds: dict[str, str]  # qualifier -> "lower", "upper", "approximate" or "exact"
    same: dict[str, str]  # qualifier -> the one it counts as in estimate tables ("over" -> "more than")
    as_of: tuple[re.Pattern[str], ...]
    source_nouns: frozenset[str]
    noun_re: re.Pattern[str]


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    q = "quantities.toml"
    nouns = {k: (v[0], v[1]) for k, v in mapping(q, "nouns").items()}
    alts = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    qualifiers = mapping(q, "qualifiers")
    return _Lexicon(
        nouns=nouns,
        events={k: (v[0], tuple(v[1])) for k, v in mapping(q, "events").items()},
        nations={k: (v[0], v[1]) for k, v in mapping(q, "nations").items()},
        qualifiers=tuple(sorted(qualifiers, key=len, reverse=True)),
        bounds=_bounds(qualifiers),
        same={k: v["same"] for k, v in qualifiers.items() if "same" in v},
        as_of=tuple(re.compile(p) for p in phrases(q, "as_of.patterns")),
        source_nouns=words(q, "source_nouns.words"),
        noun_re=re.compile(rf"(?i)^(?P<mods>(?:[\w.'’-]+\s+){{0,3}}?)(?P<noun>{alts})\b"),
    )


BOUNDS = ("lower", "upper", "approximate", "exact")


def _bounds(qualifiers: dict[str, Any]) -> dict[str, str]:
    out = {}
    for word, v in qualifiers.items():
        if not isinstance(v, dict) or v.get("bound") not in BOUNDS:
            raise LexiconError(f"data/quantities.toml: qualifiers.{word!r} needs bound = one of {', '.join(BOUNDS)}")
        out[word] = v["bound"]
    return out


def parse_number(text: str) -> float | None:
    """ "15,600" -> 15600; "1.5 million" -> 1500000; "seven" -> 7; vague words -> None."""
    t = text.strip().lower()
    if t in _WORD_NUMBERS:
        return _WORD_NUMBERS[t]
    m = re.match(r"^([\d,]+(?:\.\d+)?)\s*([a-z]+)?$", t)
    if not m:
        return None
    value = float(m.group(1).replace(",", ""))
    return value * _SCALE.get(m.group(2) or "", 1.0)


def sentences(text: str, spacy_doc: Any = None) -> list[tuple[int, int]]:
    """Sentence boundaries as (start, end) offsets into ``text``."""
    if spacy_doc is not None:
        return [(s.start_char, s.end_char) for s in spacy_doc.sents]
    return [(m.start(), m.end()) for m in _SENT.finditer(text) if m.group(0).strip()]


def extract_quantities(
    document: Document, attributions: Sequence[Attribution] = (), spacy_doc: Any = None
) -> list[Quantity]:
    """Every numeric estimate of a counted thing in one article."""
    found: list[Quantity] = []
    text = document.text
    for start, end in sentences(text, spacy_doc):
        found.extend(_in_sentence(document, text, start, end, attributions))
    return found


def _in_sentence(
    document: Document, text: str, start: int, end: int, attributions: Sequence[Attribution]
) -> Iterable[Quantity]:
    sent = text[start:end]
    taken: list[tuple[int, int]] = []
    previous_nation: str | None = None
    for num in _numbers(sent):
        n_start, n_end = num[4], num[5]
        if any(a <= n_start < b for a, b in taken):
            continue
        counted = _counted(sent, n_start, n_end)  # most numbers count nothing: tested before the costlier rules
        if counted is None:
            continue
        owner = _owner(sent, n_start)
        if owner is None and _cited(sent, n_start, n_end):
            continue
        noun, cls, noun_end = counted
        event = _event(sent, n_start, noun_end, cls)
        if event is None:
            continue
        speaker, side, cue_span = _speaker(document, attributions, sent, start, start + n_start)
        if owner:  # "Varnia's own claim of fewer than 1,200": the figure is Varnia's
            speaker, side, cue_span = owner, _side_of(owner), None
        nation = (
            _nation(sent, n_start, noun_end, cue_span, side)
            or previous_nation
            or (_adjective(side) if owner else None)
            or _context_nation(text, start)
        )
        previous_nation = nation
        taken.append((n_start, noun_end))
        yield _record(document, start, sent, num, noun, cls, event, nation, speaker, side)


def _owner(sent: str, n_start: int) -> str | None:
    """Whose figure it is when the text says so: "the Defence Ministry's figure of", "Varnia's own
    claim of", "Alderan intelligence's estimate of"."""
    m = _OWNED.search(sent[max(0, n_start - 90) : n_start])
    return re.sub(r"^(?:the|The)\s+", "", m.group("who")) if m else None


def _side_of(name: str) -> str:
    for w in re.findall(r"[\w.]+", name.lower()):
        w = re.sub(r"['’]s$", "", w)
        if w in lexicon().nations:
            return lexicon().nations[w][1]
    return "unknown"


def _cited(sent: str, n_start: int, n_end: int) -> bool:
    """A figure mentioned, not given: a figure quoted back with no owner ("the figure of 9,400
    Varnian dead announced in Tessary", "the number 9,400") or called false in its own clause
    ("9,400 is absolutely false"). The estimate is recorded where its giver states it."""
    before = sent[max(0, n_start - 40) : n_start].lower()
    if _CITED.search(before):
        return True
    clause_start = max([0] + [m.end() for m in _CLAUSE_END.finditer(sent, 0, n_start)])
    stop = _CLAUSE_END.search(sent, n_end)
    return bool(_DENIED.search(sent[clause_start : stop.start() if stop else len(sent)]))


def _numbers(sent: str) -> list[tuple[float | None, float | None, float | None, str | None, int, int]]:
    """(low, high, value, qualifier, start, end) for ranges first, then single numbers."""
    if not _maybe_number(sent):
        return []
    out = []
    spans: list[tuple[int, int]] = []
    for m in _RANGE.finditer(sent):
        lo = parse_number(m.group("lo") or m.group("lo2"))
        hi = parse_number(m.group("hi") or m.group("hi2"))
        if lo is None or hi is None or hi <= lo:
            continue
        out.append((lo, hi, None, "between", m.start(), m.end()))
        spans.append((m.start(), m.end()))
    for m in _SINGLE.finditer(sent):
        if any(a <= m.start() < b for a, b in spans):
            continue
        value = parse_number(m.group("n"))
        if value is None or _is_date_or_year(sent, m.start(), m.end(), value):
            continue
        qual, q_start = _qualifier(sent, m.start())
        out.append((None, None, value, qual, q_start, m.end()))
    return sorted(out, key=lambda r: r[4])


_ANY_NUMBER = re.compile(rf"(?i)\d|{_WORDNUM}")  # every number _RANGE or _SINGLE finds holds one
_ANY_NUMBER_LOWER = re.compile(rf"\d|{_WORDNUM}")


def _maybe_number(sent: str) -> bool:
    """Whether ``sent`` may hold a number: a digit or a number word (an ASCII sentence is
    lower-cased and searched without IGNORECASE, which is faster and finds the same)."""
    if sent.isascii():
        return _ANY_NUMBER_LOWER.search(sent.lower()) is not None
    return _ANY_NUMBER.search(sent) is not None


def _is_date_or_year(sent: str, start: int, end: int, value: float) -> bool:
    before = sent[max(0, start - 12) : start]
    after = sent[end : end + 3]
    if re.search(
        r"(?i)(January|February|March|April|May|June|July|August|September|October|November|December)\s*$", before
    ):
        return True
    return (1900 <= value <= 2100 and "," not in sent[start:end]) or after.startswith("%")


def _qualifier(sent: str, n_start: int) -> tuple[str | None, int]:
    before = sent[:n_start].rstrip(" «\"“'‘").lower()
    for q in lexicon().qualifiers:
        if before.endswith(q) and (len(before) == len(q) or not before[-len(q) - 1].isalnum()):
            return q, len(before) - len(q)
    return None, n_start


def _counted(sent: str, n_start: int, n_end: int) -> tuple[str, str, int] | None:
    """The counted noun after the number: (canonical noun, class, end offset in the sentence)."""
    tail = sent[n_end:].lstrip(" »”\"'’")
    offset = len(sent) - len(tail)
    m = lexicon().noun_re.match(tail)
    if m and not re.search(r"[.,;:]", m.group("mods")):
        noun, cls = lexicon().nouns[m.group("noun").lower()]
        return noun, cls, offset + m.end()
    # A bare figure followed by an event word ("fewer than 1,200 killed"): people, soldiers if "losses" is near.
    bare = re.match(r"(?i)(?:were |are |have been |had been )?(killed|dead|died)\b", tail)
    if bare:
        military = re.search(r"(?i)\b(loss(?:es)?|troops|military|army|forces)\b", sent[:n_start])
        noun = "soldiers" if military else "people"
        return noun, "person", offset + bare.end()
    return None


def _event(sent: str, n_start: int, noun_end: int, cls: str) -> str | None:
    """What happened to the counted things.

    Order: a verb just before the number ("killed 3 people", "regained more than 8,000"), then
    the first event among the few words after the noun ("15,600 soldiers have been killed";
    "destroyed or captured" keeps both; not "reservists by the end of April to replace the
    losses"), then a verb further back ("has lost ... and 410 vehicles").
    """
    events = lexicon().events
    before = re.findall(r"[a-z]+(?: up)?", sent[:n_start].lower())
    for w in reversed(before[-3:]):
        if w in events and cls in events[w][1] and events[w][0] != "lost":
            return events[w][0]
    after = _STOP_CLAUSE.split(sent[noun_end:], maxsplit=1)[0].lower()
    for k, m in enumerate(re.finditer(r"[a-z]+(?: up| down)?", after)):
        w = m.group(0) if m.group(0) in events else m.group(0).split()[0]
        if k >= _AFTER_WORDS:
            break
        if w not in events or cls not in events[w][1]:
            continue
        name = events[w][0]
        nxt = re.match(r"\s+(?:or|and)\s+([a-z]+)", after[m.end() :])
        if nxt and nxt.group(1) in events and cls in events[nxt.group(1)][1] and events[nxt.group(1)][0] != name:
            return f"{name} or {events[nxt.group(1)][0]}"
        if name != "lost" or not any(x in events and x != "lost" for x in before[-6:]):
            return name
    for w in reversed(before[-6:]):
        if w in events and cls in events[w][1]:
            return events[w][0]
    for w in re.findall(r"[a-z]+", sent[n_start:noun_end].lower()):
        if w in events and cls in events[w][1]:
            return events[w][0]  # "fewer than 1,200 killed"
    if cls == "person" and re.search(r"(?i)\b(?:dead|casualties)\b", sent[n_start:noun_end]):
        return "killed"
    return None


def _nation(
    sent: str, n_start: int, noun_end: int, exclude: tuple[int, int] | None, side: str = "unknown"
) -> str | None:
    """Whose things are counted, in this order: a nation word in the noun phrase ("9,400 Varnian
    soldiers"); the nearest one before it in the same clause; "our"/"we" in that clause: the
    speaker's own side ("Our losses are fewer than 1,200 killed"); the first one in the sentence. Nation words in the speaker's span or
    naming a source ("an Alderan official", "Alderan intelligence") do not count."""
    nations = lexicon().nations
    for w in re.findall(r"[\w.]+", sent[n_start:noun_end].lower()):
        if w.strip(".") in nations or w in nations:
            return nations.get(w, nations.get(w.strip(".")))[0]  # type: ignore[index]
    clause = max(
        [0]
        + [m.end() for m in _CLAUSE_END.finditer(sent, 0, n_start)]
        + [m.end() for m in re.finditer(r",\s+and\s+that\s+|\band\s+that\s+", sent[:n_start])]
    )
    found = [(start, adj) for start, adj in _nation_words(sent, exclude) if start < n_start]
    in_clause = [adj for start, adj in found if start >= clause]
    if in_clause:
        return in_clause[-1]
    if side != "unknown" and _OURS.search(sent[clause:n_start]):
        return _adjective(side)
    return found[0][1] if found else None


def _nation_words(sent: str, exclude: tuple[int, int] | None) -> list[tuple[int, str]]:
    nations, sources = lexicon().nations, lexicon().source_nouns
    out = []
    for m in re.finditer(r"[\w.’']+", sent):
        if exclude and exclude[0] <= m.start() < exclude[1]:
            continue
        w = re.sub(r"(?:['’]s)$", "", m.group(0).lower()).strip(".")
        entry = nations.get(w) or nations.get(m.group(0).lower())
        following = re.findall(r"[\w-]+", sent[m.end() : m.end() + 40].lower())[:2]
        if entry and not sources & set(following):
            out.append((m.start(), entry[0]))
    return out


def _adjective(side: str) -> str | None:
    return next((adj for adj, s in lexicon().nations.values() if s == side), None)


def _context_nation(text: str, sent_start: int, reach: int = 300) -> str | None:
    """The last nation word in the text just before the sentence (same or previous paragraph),
    for a sentence that names none ("Our best estimate is that they have lost ...")."""
    found = _nation_words(text[max(0, sent_start - reach) : sent_start], None)
    return found[-1][1] if found else None


def _speaker(
    document: Document, attributions: Sequence[Attribution], sent: str, sent_start: int, at: int
) -> tuple[str | None, str, tuple[int, int] | None]:
    """(speaker, side, speaker span within the sentence) for the number at offset ``at``."""
    holders = [a for a in attributions if a.content.start <= at < a.content.end]
    if holders:
        best = min(holders, key=lambda a: a.content.end - a.content.start)
        if best.speaker is None or best.kind == "unattributed":
            return None, "unknown", None
        sp = best.speaker
        rel = (sp.start - sent_start, sp.end - sent_start)
        return sp.resolved or sp.text, sp.side, rel if 0 <= rel[0] < len(sent) else None
    return _sentence_cue(sent)


def _sentence_cue(sent: str) -> tuple[str | None, str, tuple[int, int] | None]:
    """A cue in the sentence itself: "according to X", "X estimates", or a headline "X: ..."."""
    head = _HEADLINE_CUE.match(sent)
    if head and not re.search(r"(?i)\b(?:said|says|told|added|stated|wrote|asked)\b", head.group("who")):
        name = head.group("who")
        return name, _side_of(name), (head.start("who"), head.end("who"))
    for m in _CUE.finditer(sent):
        group = "a" if m.group("a") else "b"
        name = m.group(group).strip()
        if not name or name.lower() in {"it", "this", "that", "he", "she", "they"}:
            continue
        side = "unknown"
        for w in re.findall(r"[\w.]+", name.lower()):
            if w in lexicon().nations:
                side = lexicon().nations[w][1]
                break
        return name, side, (m.start(group), m.end(group))
    return None, "unknown", None


def _as_of(sent: str) -> str | None:
    for pattern in lexicon().as_of:
        m = pattern.search(sent)
        if m:
            return m.group(0)
    return None


def _record(
    document: Document,
    sent_start: int,
    sent: str,
    num: tuple[Any, ...],
    noun: str,
    cls: str,
    event: str,
    nation: str | None,
    speaker: str | None,
    side: str,
) -> Quantity:
    lo, hi, value, qual, n_start, n_end = num
    so_far = bool(_SO_FAR.search(sent))
    qualifier = ", ".join(q for q in (qual, "so far" if so_far else None) if q) or None
    unit = noun if cls == "area" else None
    if cls == "person" and event == "lost":
        event = "killed"  # "has lost 6,500 soldiers": losses; wounded and captured are said as such
    counted = noun if cls == "area" else " ".join(w for w in (nation, noun) if w)
    start, end = sent_start + n_start, sent_start + n_end
    raw_start = document.to_raw(start) if document.offsets else None
    raw_end = document.to_raw(end - 1) + 1 if document.offsets else None
    return Quantity(
        article_id=document.id,
        doc=document.doc,
        quantity=f"{counted} {event}",
        unit=unit or noun,
        value=value,
        low=lo,
        high=hi,
        qualifier=qualifier,
        span=Span(document.text[start:end], start, end, raw_start, raw_end),
        speaker=speaker,
        side=side,
        as_of=_as_of(sent),
    )


def describe(q: Quantity) -> str:
    """Human wording of the value: "between 7,000 and 15,000", "more than 8,000"."""
    if q.low is not None and q.high is not None:
        text = f"between {_fmt(q.low)} and {_fmt(q.high)}"
    else:
        text = _fmt(q.value)
        base = (q.qualifier or "").split(",")[0].strip()
        if base and base != "so far":
            text = f"{base} {text}"
    if q.qualifier and "so far" in q.qualifier:
        text += " so far"
    return text


def _fmt(v: float | None) -> str:
    if v is None:
        return "?"
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.1f}"
