"""Speaker entities across the corpus: one entity per person or organisation, and who is no source.

Every attributed speaker is mapped to an :class:`Entity` before claims are built, so that chains,
grades, denials and the speakers table count people, not spellings:

* **People** are grouped by the key of their surname (:func:`headwater.extract.propositions.name_key`:
  accents dropped, ``y`` read as ``i``, so "Zelensky", "Zelenskyi" and "Volodymyr Zelenskyy" meet).
  When the full names of a surname all share one first name (or there is one), every mention of the
  surname is that person ("Donald J. Trump", "Donald Trump", "Mr. Trump", "Trump"); when several
  people share it ("Hillary Clinton", "Bill Clinton"), a bare surname goes to the one of them named
  in the same article, else to the one who has at least 80% of the surname's full-name mentions
  (Donald among Donald, Ivanka and Melania Trump), or stays its own ambiguous entity. The canonical name is the commonest full
  form (middle initials dropped when a form without them is as common).
* **Named organisations and outlets** are one entity per normalised name ("the Kremlin" = "Kremlin");
  unnamed officials and groups ("officials", "a senior official") are not merged across articles.
* **Type** is the commonest type of the mentions; **side** is decided by the majority of the mentions
  whose side is known, and only when at least two say so (or every mention of a rarely named entity
  does): one stray "CN" among 92 attributions of Ben Carson leaves his side as the rest say.
* **Non-sources** (:func:`non_source`): negative and universal quantifiers ("no one", "none",
  "everyone"), documents standing alone ("information", "the claim", "reports"), and pronouns left
  unresolved ("he", "they") are never sources: their statements make no claim and no origin.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from headwater.extract.propositions import name_key
from headwater.lexicon import phrases, words
from headwater.model import Attribution, Speaker

_HONORIFIC = re.compile(
    r"(?i)^(?:the\s+)?(?:"
    + "|".join((*phrases("speakers.toml", "honorifics.words"), *phrases("claims.toml", "entity_words.name_titles")))
    + r")\.?\s+"
)
_SUFFIXES = words("claims.toml", "entity_words.name_suffixes")
_DET = re.compile(r"(?i)^(?:the|a|an)\s+")
_NEGATIVE = words("claims.toml", "entity_words.negative")
_UNIVERSAL = words("claims.toml", "entity_words.universal")
_PRONOUNS = words("claims.toml", "entity_words.pronouns")
_DOCUMENTS = words("claims.toml", "entity_words.documents")
_QUALIFIERS = words("claims.toml", "entity_words.qualifiers")


@dataclass(frozen=True, slots=True)
class Entity:
    """One speaker across the corpus."""

    id: str
    name: str  # canonical
    type: str
    side: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0


def _words(name: str) -> list[str]:
    return re.findall(r"[\w’'-]+", name.lower())


@lru_cache(maxsize=1 << 15)
def non_source(name: str) -> str | None:
    """Why a speaker phrase names no source ("a negative quantifier", ...), or None when it may."""
    words = [w.replace("’", "'") for w in _words(name)]
    if not words:
        return "no speaker"
    if words[0] in _NEGATIVE or (len(words) > 1 and words[:2] == ["no", "one"]):
        return "a negative quantifier"
    if len(words) == 1 and words[0] in _UNIVERSAL:
        return "a quantifier, not a source"
    if len(words) == 1 and words[0] in _PRONOUNS:
        return "a pronoun left unresolved"
    content = [w for w in words if w not in _QUALIFIERS]
    proper = any(w[:1].isupper() for w in re.findall(r"[\w’'-]+", name)[1:])  # "US intelligence" is a source
    if content and all(w in _DOCUMENTS for w in content) and not proper and not name[:2].isupper():
        return "a document, not its source"
    return None


def speaker_phrase(a: Attribution) -> str:
    sp = a.speaker
    if sp is None:
        return ""
    return re.sub(r"\s+", " ", sp.resolved or sp.text).strip()


def no_source(a: Attribution) -> str | None:
    """Why an attribution's speaker is no source (None for unattributed statements and real sources).
    A pronoun counts as resolved when the extractor gave it a name."""
    sp = a.speaker
    if sp is None or a.kind == "unattributed":
        return None
    return non_source(sp.resolved or sp.text)


def _person_parts(name: str) -> tuple[str, str] | None:
    """(first-name key, surname key) of a person's name, or None when it is not a name."""
    clean = _HONORIFIC.sub("", _DET.sub("", name.strip()))
    clean = re.sub(r"\s*\([^)]*\)\s*", " ", clean)  # "(R-OH)"
    words = [w for w in re.findall(r"[^\W\d_][\w’'.-]*", clean) if w[0].isupper() or len(w) > 2]
    words = [w for w in words if not re.fullmatch(r"[A-Z]\.?", w) and w.lower() not in _SUFFIXES]
    if not words:
        return None
    last = name_key(words[-1])
    if not last:
        return None
    return (name_key(words[0]) if len(words) > 1 else "", last)


def _canonical(forms: Counter[str]) -> str:
    """The commonest full form; without a middle initial when such a form is as common."""
    best = sorted(forms.items(), key=lambda kv: (-len(kv[0].split()) > 1, -kv[1], len(kv[0]), kv[0]))
    multi = [(f, n) for f, n in best if len(f.split()) > 1]
    pool = multi or best
    top = max(n for _, n in pool)
    plain = [f for f, n in pool if n == top and not re.search(r"\s[A-Z]\.\s", f)]
    return sorted(plain or [f for f, n in pool if n == top], key=lambda f: (len(f), f))[0]


def _side(sides: list[str]) -> str:
    known = Counter(s for s in sides if s not in ("unknown", ""))
    if not known:
        return "unknown"
    side, n = known.most_common(1)[0]
    total = sum(known.values())
    if n * 2 <= total:
        return "unknown"  # no majority
    if n >= 2 or len(sides) <= 2:
        return side
    return "unknown"  # one stray mention among many


def _org_key(name: str) -> str:
    return re.sub(r"\s+", " ", _DET.sub("", name.strip().lower())).strip(" .,'’")


def build_entities(attributions: Sequence[Attribution]) -> dict[tuple[str, str], Entity]:
    """(article id, speaker phrase) -> its entity, for every attributed speaker that is a source."""
    people: dict[str, list[tuple[Attribution, str, str]]] = defaultdict(list)  # surname -> (a, phrase, first)
    others: dict[str, list[tuple[Attribution, str]]] = defaultdict(list)
    unknown: dict[str, list[tuple[Attribution, str]]] = defaultdict(list)  # only to join a known person
    for a in attributions:
        if a.speaker is None or a.kind == "unattributed" or no_source(a):
            continue
        phrase = speaker_phrase(a)
        parts = _person_parts(phrase) if a.speaker.type == "person" else None
        if parts is not None:
            people[parts[1]].append((a, phrase, parts[0]))
        elif a.speaker.type in ("organization", "media") and re.search(r"\b[A-Z]", phrase):
            others[_org_key(phrase)].append((a, phrase))  # unnamed officials of two articles are not one entity
        elif re.search(r"\b[A-Z]", phrase):
            unknown[_org_key(phrase)].append((a, phrase))
    _named_people(others, people)
    _named_people(unknown, people)
    out: dict[tuple[str, str], Entity] = {}
    for surname, mentions in people.items():
        _people_entities(surname, mentions, out)
    for key, mentions in others.items():
        forms = Counter(p for _, p in mentions)
        out.update(
            {
                (a.article_id, p): e
                for a, p in mentions
                for e in [_entity("org:" + key, forms, [m for m, _ in mentions])]
            }
        )
    return out


def _named_people(
    pool: dict[str, list[tuple[Attribution, str]]], people: dict[str, list[tuple[Attribution, str, str]]]
) -> None:
    """Speaker phrases the extractor did not type as a person that end with a known person's name
    join that person: a bare surname ("Sarvik", typed unknown) when one person has it, a long title
    ending in the full name ("Press secretary of president of Varnia Pavel Irtenev")."""
    for key in list(pool):
        mentions = pool[key]
        phrase = _HONORIFIC.sub("", _DET.sub("", mentions[0][1]))
        words = re.findall(r"[^\W\d_][\w’'.-]*", phrase)
        if not words or not words[-1][:1].isupper():
            continue
        surname = name_key(words[-1])
        firsts = {f for _, _, f in people.get(surname, []) if f}
        first = name_key(words[-2]) if len(words) > 1 and words[-2][:1].isupper() else ""
        main = dominant(people.get(surname, []))
        if (len(words) == 1 and main) or (first and first in firsts):
            people[surname].extend((a, p, first or main) for a, p in mentions)
            del pool[key]


def dominant(mentions: Sequence[tuple[Attribution, str, str]], share: float = 0.8) -> str:
    """The first name of a surname's full-name mentions when one person has nearly all of them
    ("Donald" among Donald, Ivanka and Melania Trump), else ""."""
    firsts = Counter(f for _, _, f in mentions if f)
    if not firsts:
        return ""
    first, n = firsts.most_common(1)[0]
    return first if n >= share * sum(firsts.values()) else ""


def _entity(eid: str, forms: Counter[str], members: Sequence[Attribution]) -> Entity:
    types = Counter(a.speaker.type for a in members if a.speaker)
    sides = [a.speaker.side for a in members if a.speaker]
    return Entity(
        eid,
        _canonical(forms),
        types.most_common(1)[0][0] if types else "unknown",
        _side(sides),
        tuple(sorted(forms)),
        len(members),
    )


def _people_entities(
    surname: str, mentions: list[tuple[Attribution, str, str]], out: dict[tuple[str, str], Entity]
) -> None:
    firsts = {f for _, _, f in mentions if f}
    groups: dict[str, list[tuple[Attribution, str]]] = defaultdict(list)
    if len(firsts) <= 1:
        first = next(iter(firsts), "")
        for a, phrase, _ in mentions:
            groups[first].append((a, phrase))
    else:
        in_article: dict[str, set[str]] = defaultdict(set)
        for a, _, f in mentions:
            if f:
                in_article[a.article_id].add(f)
        main = dominant(mentions)
        for a, phrase, f in mentions:
            named = in_article.get(a.article_id, set())
            groups[f or (next(iter(named)) if len(named) == 1 else main if not named and main else "?")].append(
                (a, phrase)
            )
    for first, members in groups.items():
        forms = Counter(p for _, p in members)
        entity = _entity(f"person:{first}:{surname}", forms, [a for a, _ in members])
        for a, phrase in members:
            out[(a.article_id, phrase)] = entity


def apply_entities(attributions: Sequence[Attribution], entities: dict[tuple[str, str], Entity]) -> list[Attribution]:
    """The attributions with each speaker's name, type and side those of its entity (the phrase as
    written and its offsets are kept)."""
    out = []
    for a in attributions:
        sp = a.speaker
        e = entities.get((a.article_id, speaker_phrase(a))) if sp is not None else None
        if e is None or sp is None:
            out.append(a)
            continue
        side = e.side if e.side != "unknown" or sp.type == "media" else sp.side
        if e.side == "unknown" and e.mentions > 2:
            side = "unknown"  # a stray side among many mentions is not the entity's
        out.append(
            replace(
                a, speaker=Speaker(sp.text, sp.start, sp.end, sp.raw_start, sp.raw_end, e.name, e.type, side, sp.role)
            )
        )  # type: ignore[arg-type]
    return out
