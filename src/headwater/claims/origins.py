"""Independent origins: collapse the statements of a claim into chains.

Two statements of a claim belong to one chain (one independent origin) when any of these holds:

1. their articles are in one reuse group (a reprint or copy says nothing new);
2. they reached the articles through the same outlet (``via`` "told The Washington Post",
   "citing the Washington Post", or an outlet as the speaker: "Northgate Wire reported"), or
   their articles credit the same source ("Source: X");
3. they come from the same original speaker. Named people and outlets are matched by name.
   Unnamed officials, agencies and institutions of one side ("a US official", "the White House",
   "officials in Biden's administration", "US intelligence") cannot be told apart from the text,
   so they count as one speaker: that side's government. A named person whose stated role speaks
   for that government (spokesperson, minister, director...: ``data/claims.toml`` [official_roles])
   is the same speaker too: the White House and its spokesperson are not two origins;
4. a statement relayed from an outlet joins that outlet's own article, when the corpus holds it:
   every statement of it when the outlet is the speaker ("The Meridian Post reported that ..."),
   its unnamed sources of an agreeing side when an unnamed source is ("Northgate Wire, citing an
   Alderan official, said ...");
5. a statement credited to a report itself ("the same report's claim that ...", "information
   that shows ...") relays a report the claim already has: it joins the largest other chain.

A speaker's side is the extractor's; when it is unknown, a nation word in the speaker's name or
role ("an Alderan official", "Ostreli Defence Minister") gives it (``data/quantities.toml``
[nations]; not for outlets: "the Alderan newspaper Halden Daily" does not speak for Aldera). An unnamed speaker with no side at all, in an article where the claim's other unnamed
speakers all have one side, takes that side ("the official" named two sentences earlier).

Each chain reads: original speaker (type, side) -> first outlet -> outlets that relayed it.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from headwater.claims.lexicon import claims_lexicon, nation_side
from headwater.lexicon import phrases, words
from headwater.model import Attribution, Origin, Speaker
from headwater.nations import speaker_side, speaker_side_of

_INSTITUTIONAL = {"anonymous", "organization", "group", "unknown"}
_JUNK_CREDIT = re.compile(r"(?i)read full article|^source$|^unknown$")
Key = tuple[str, str]


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What the claims stage knows about one article (internal)."""

    id: str
    doc: str
    outlet: str | None
    credited_source: str | None
    published: str | None
    group: str | None = None
    origin: str | None = None  # reuse origin article id

    @property
    def label(self) -> str:
        return self.outlet or self.credited_source or self.doc


def speaker_name(a: Attribution) -> str:
    if a.speaker is None or a.kind == "unattributed":
        return "(no source stated)"
    return a.speaker.resolved or a.speaker.text


@lru_cache(maxsize=1 << 14)
def outlet_name(name: str) -> str:
    """The gazetteer name of an outlet named in ``name`` ("Alderan newspaper Halden Daily" -> Halden Daily)."""
    from headwater.gazetteer import normalise_outlet, outlet_pattern

    m = outlet_pattern().search(name)
    return normalise_outlet(m.group(1) if m else name)


def speaker_key(a: Attribution) -> Key:
    """Who originally said it, as far as the text lets us tell speakers apart."""
    sp = a.speaker
    if sp is None or a.kind == "unattributed":
        return ("unattributed", a.article_id)  # the article itself is the only source
    return _speaker_key_of(sp)


@lru_cache(maxsize=1 << 16)
def _speaker_key_of(sp: Speaker) -> Key:
    """:func:`speaker_key` of an attributed speaker (asked for many times per speaker)."""
    name = (sp.resolved or sp.text).strip()
    side = speaker_side_of(sp)
    if side != "unknown" and (nation_side(name) == side or (sp.type == "person" and _official(sp.role))):
        return ("side", side)  # "Varnia rejected the account", "the Defence Minister"
    if sp.type == "person":
        return ("person", _name_key(name))
    if sp.type == "media":
        return ("media", outlet_name(name).casefold())
    if sp.type in _INSTITUTIONAL and side != "unknown":
        return ("side", side)
    return ("text", _name_key(name))


def party_keys(attributions: Sequence[Attribution]) -> list[Key]:
    """Speaker keys of several statements, a bare surname ("Irtenev") taking the key of the one
    full name ending in it among them ("Pavel Irtenev", or the side he speaks for)."""
    keys = [speaker_key(a) for a in attributions]
    full: dict[str, set[Key]] = {}
    for a, k in zip(attributions, keys, strict=True):
        name = _name_key(speaker_name(a)).split()
        if len(name) > 1 and a.speaker is not None:
            full.setdefault(name[-1], set()).add(k)
    out = []
    for a, k in zip(attributions, keys, strict=True):
        name = speaker_name(a).strip()
        match = full.get(name.casefold(), set())
        single = k[0] in ("person", "text") and " " not in name and name[:1].isupper()
        out.append(next(iter(match)) if single and len(match) == 1 else k)
    # A person who speaks for a side in one mention ("presidential spokesman Pavel Irtenev") is that
    # side in every other (a bare "Irtenev said"): one party, not two.
    official: dict[str, set[Key]] = {}
    for a, k in zip(attributions, out, strict=True):
        if k[0] == "side" and a.speaker is not None and a.speaker.type == "person":
            official.setdefault(_name_key(speaker_name(a)), set()).add(k)
    return [next(iter(official[k[1]])) if k[0] == "person" and len(official.get(k[1], ())) == 1 else k for k in out]


def _official(role: str | None) -> bool:
    """A role that speaks for a government ("White House spokesperson", "Defence Minister")."""
    return bool(role) and bool(claims_lexicon().official_role.search(role or ""))


@lru_cache(maxsize=1 << 14)
def _name_key(name: str) -> str:
    name = re.sub(r"(?i)^(?:the|mr|ms|mrs|dr|sir)\.?\s+", "", name.strip())
    return re.sub(r"\s+", " ", name).casefold()


def _relay_outlet(a: Attribution) -> str | None:
    """The outlet a statement was relayed from: its ``via``, or the outlet that is its speaker."""
    if a.speaker is not None and a.speaker.type == "media" and a.kind != "unattributed":
        return outlet_name(a.speaker.resolved or a.speaker.text).casefold()
    if a.via and _is_outlet(a.via):
        return outlet_name(a.via).casefold()
    return None


def _union_keys(a: Attribution, key: Key, info: ArticleInfo, lone: dict[str, str]) -> list[Key]:
    keys = [key]
    if a.speaker is not None and a.speaker.type == "person" and keys[0][0] == "side":
        keys.append(("person", _name_key(a.speaker.resolved or a.speaker.text)))  # the same official by name
    if info.group:
        keys.append(("group", info.group))
    relay = _relay_outlet(a)
    if relay:
        keys.append(("via", relay))
    if info.credited_source and not _JUNK_CREDIT.search(info.credited_source):
        keys.append(("via", outlet_name(info.credited_source).casefold()))
    if _unnamed(a) and speaker_side(a) == "unknown" and a.article_id in lone:
        keys.append(("side", lone[a.article_id]))
    return keys


def _unnamed(a: Attribution) -> bool:
    return a.speaker is not None and a.kind != "unattributed" and a.speaker.type in _INSTITUTIONAL


def _is_outlet(via: str) -> bool:
    """A named outlet or channel ("The Washington Post", "Newsweek"), not "a speech" or "a briefing"."""
    from headwater.gazetteer import lookup_outlet

    return lookup_outlet(via) is not None or bool(re.match(r"(?:the\s+)?[A-Z]", via.strip()))


def _lone_side(members: Sequence[Attribution]) -> dict[str, str]:
    """Articles where the claim's unnamed speakers with a side all share one side."""
    sides: dict[str, set[str]] = {}
    for a in members:
        if _unnamed(a) and speaker_side(a) != "unknown":
            sides.setdefault(a.article_id, set()).add(speaker_side(a))
    return {art: next(iter(s)) for art, s in sides.items() if len(s) == 1}


def _info(a: Attribution, articles: dict[str, ArticleInfo]) -> ArticleInfo:
    return articles.get(a.article_id) or ArticleInfo(a.article_id, a.doc, None, None, None)


def chains(members: Sequence[Attribution], articles: dict[str, ArticleInfo]) -> list[list[Attribution]]:
    """Members grouped into independent chains (union-find over shared keys)."""
    if len(members) == 1:
        return [list(members)]  # most claims: one statement, one chain
    parent = list(range(len(members)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[Key, int] = {}
    lone = _lone_side(members)
    for i, (a, party) in enumerate(zip(members, party_keys(members), strict=True)):
        for key in _union_keys(a, party, _info(a, articles), lone):
            if key in owner:
                parent[find(i)] = find(owner[key])
            else:
                owner[key] = i
    _join_repeats(members, lambda i, j: parent.__setitem__(find(i), find(j)))
    _join_quotations(members, lambda i, j: parent.__setitem__(find(i), find(j)))
    _join_relays(members, articles, lambda i, j: parent.__setitem__(find(i), find(j)))
    _join_reports(members, find, lambda i, j: parent.__setitem__(find(i), find(j)))
    groups: dict[int, list[Attribution]] = {}
    for i, a in enumerate(members):
        groups.setdefault(find(i), []).append(a)
    return list(groups.values())


def _join_repeats(members: Sequence[Attribution], union: Callable[[int, int], None]) -> None:
    """One article stating a claim twice is one chain (a quote and its paraphrase, or one statement
    under two mentions of its speaker: "Donald Trump" and "the GOP front-runner"), unless the text
    tells two sources apart (two different speakers named on the record, or two known sides) and
    their wordings differ: an article repeating itself adds no origin."""
    by_article: dict[str, list[int]] = {}
    for i, a in enumerate(members):
        by_article.setdefault(a.article_id, []).append(i)
    for ids in by_article.values():
        for x, i in enumerate(ids):
            for j in ids[x + 1 :]:
                a, b = members[i], members[j]
                named = on_the_record(a) and on_the_record(b) and speaker_name(a) != speaker_name(b)
                sides = {speaker_side(a), speaker_side(b)}
                apart = named or ("unknown" not in sides and len(sides) == 2)  # two sources the text tells apart
                if not apart or _words_overlap(a.content.text, b.content.text) >= 0.6:
                    union(i, j)


QUOTATION_WORDS = 10  # a direct quote this long, word for word in two articles, is one quotation


def _join_quotations(members: Sequence[Attribution], union: Callable[[int, int], None]) -> None:
    """One long quotation, word for word in two articles, is one origin whoever each article credits
    it to ("It's time to quit attacking various people ...": McConnell's in one article, Scott Walker's
    in another where the extractor took the wrong "he"): two people do not say the same ten words
    apart, so one of the credits is a misattribution or a relay, not a second source."""
    wordings: dict[frozenset[str], list[int]] = {}  # copies share one wording: compared once
    for i, a in enumerate(members):
        if a.kind in ("direct", "mixed"):
            w = frozenset(re.findall(r"[a-z0-9]+", a.content.text.lower()))
            if len(w) >= QUOTATION_WORDS:
                wordings.setdefault(w, []).append(i)
    distinct = list(wordings.items())
    for x, (wi, ids) in enumerate(distinct):
        for j in ids[1:]:
            union(ids[0], j)  # the same words (same article or not: a repeat joins anyway)
        for wj, other in distinct[x + 1 :]:
            if len(wi & wj) / len(wi | wj) >= 0.9:
                union(ids[0], other[0])


def _words_overlap(a: str, b: str) -> float:
    wa, wb = set(re.findall(r"[a-z0-9]+", a.lower())), set(re.findall(r"[a-z0-9]+", b.lower()))
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


_REPORT_WORDS = words("claims.toml", "origin_words.report_determiners")


def reference_only(a: Attribution) -> bool:
    """A "speaker" that only names a report ("the same report's", "information", "the claim")."""
    return a.speaker is not None and a.kind != "unattributed" and reference_name(speaker_name(a))


@lru_cache(maxsize=1 << 14)
def reference_name(name: str) -> bool:
    words = re.findall(r"[a-z]+", re.sub(r"['’]s\b", "", name.lower()))
    lex = claims_lexicon().referential
    return bool(words) and all(w in lex or w in _REPORT_WORDS for w in words) and any(w in lex for w in words)


def _join_reports(
    members: Sequence[Attribution], find: Callable[[int], int], union: Callable[[int, int], None]
) -> None:
    """Rule 5: a statement credited to a report itself ("the same report's claim that ...") relays
    a report the claim already has; it joins the claim's largest other chain, adding no origin."""
    refs = [i for i, a in enumerate(members) if reference_only(a)]
    sizes: dict[int, int] = {}
    for i in range(len(members)):
        if i not in refs:
            sizes[find(i)] = sizes.get(find(i), 0) + 1
    if refs and sizes:
        largest = max(sizes, key=lambda r: (sizes[r], -r))
        for i in refs:
            union(i, largest)


def _join_relays(
    members: Sequence[Attribution], articles: dict[str, ArticleInfo], union: Callable[[int, int], None]
) -> None:
    """Rule 4: a statement relayed from outlet X joins the statements of X's own articles: all of
    them when X itself is the speaker ("X reported that ..."), the unnamed ones of a compatible
    side when the speaker is X's unnamed source ("citing an Alderan official")."""
    own: dict[str, list[int]] = {}
    for j, a in enumerate(members):
        outlet = _info(a, articles).outlet
        if outlet and _relay_outlet(a) is None:
            own.setdefault(outlet_name(outlet).casefold(), []).append(j)
    for i, a in enumerate(members):
        relay = _relay_outlet(a)
        if relay is None:
            continue
        by_outlet = a.speaker is not None and a.speaker.type == "media"
        side = "unknown" if by_outlet else speaker_side(a)
        for j in own.get(relay, []):
            b = members[j]
            if b.article_id == a.article_id or not (by_outlet or _unnamed(b)):
                continue
            if side == "unknown" or speaker_side(b) in (side, "unknown"):
                union(i, j)


def origin_of(chain: Sequence[Attribution], articles: dict[str, ArticleInfo]) -> Origin:
    from headwater.gazetteer import normalise_outlet

    infos = _ordered_articles(chain, articles)
    original = [a for a in chain if (a.speaker is None or a.speaker.type != "media") and not reference_only(a)] or list(
        chain
    )
    names = Counter(speaker_name(a) for a in original)
    types = Counter(a.speaker.type if a.speaker and a.kind != "unattributed" else "unknown" for a in original)
    sides = Counter(speaker_side(a) for a in chain)
    outlets: list[str] = []
    for info in infos:
        for name in (info.credited_source, info.outlet):
            if name and not _JUNK_CREDIT.search(name):
                outlets.append(normalise_outlet(name))
        if not info.outlet and not (info.credited_source and not _JUNK_CREDIT.search(info.credited_source)):
            outlets.append(f"unknown outlet (file {info.doc})")
    first = _first_outlet(chain, infos, outlets)
    relayed = tuple(dict.fromkeys(o for o in outlets if o != first))
    speaker = " / ".join(n for n, _ in names.most_common(3))
    # Who is on the record among the original speakers: an outlet relaying an anonymous official
    # ("Northgate Wire, citing an Alderan official") is a channel, not a named source of the claim.
    on_record = tuple(
        dict.fromkeys(
            speaker_name(a)
            for a in sorted(original, key=lambda a: a.speaker is None or a.speaker.type != "person")
            if on_the_record(a)
        )
    )  # people first
    if on_record and on_record[0] not in speaker:
        speaker += f" / {on_record[0]}"
    return Origin(
        speaker=speaker,
        type=types.most_common(1)[0][0],
        side=next((s for s, _ in sides.most_common() if s != "unknown"), "unknown"),
        first_outlet=first,
        relayed_by=relayed,
        articles=tuple(dict.fromkeys(i.id for i in infos)),
        named=bool(on_record),
        on_record=on_record,
        order="known" if first is not None else "unknown",
    )


def on_the_record(a: Attribution) -> bool:
    """A speaker named on the record: a person by name, or an organisation or outlet by its proper
    name ("the Kremlin", "The Meridian Post"; not "Jewish groups", "officials" or "the report")."""
    sp = a.speaker
    if sp is None or a.kind == "unattributed" or reference_only(a):
        return False
    name = (sp.resolved or sp.text).strip()
    words = re.findall(r"[\w’'-]+", name)
    if not words or not any(w[:1].isupper() for w in words):
        return False
    head = re.split(r"\s(?:of|on|at|in|during|from|to|with|for|after|before|who|which|that)\s|,", name, maxsplit=1)[0]
    last = re.findall(r"[\w’'-]+", head)[-1:] or words[-1:]
    if sp.type == "person":
        return last[0][:1].isupper() and last[0].lower() not in ("he", "she", "they")
    if sp.type in ("organization", "media"):
        # "the Kremlin", not "a congressional report on Wednesday"; nor a plural type noun capitalised only
        # because it opens the sentence ("Surveys of caucus-goers showed", "Authorities said")
        if last[0][:1].isupper():
            return not (words[0] == last[0] and _plural_type_noun(last[0]))
        return _made_by_a_name(name, head, last[0])  # "a Fox News poll", "a poll from USA TODAY/Suffolk University"
    return False


def _made_by_a_name(name: str, head: str, noun: str) -> bool:
    """A report, poll or survey whose maker is named: before the noun ("a Des Moines Register poll") or
    after "by"/"from" ("a new poll from USA TODAY/Suffolk University"); see ``data/claims.toml``
    [origin_words] ``maker_words``."""
    n = noun.lower()
    if n not in _type_nouns() and not _plural_type_noun(n):
        return False
    before = head[: head.rfind(noun)]
    after = re.match(r"\s+(?:by|from)\s+(.+)", name[len(head) :])
    return _names_a_maker(before) or (after is not None and _names_a_maker(after.group(1)))


_MAKER_WORDS = words("claims.toml", "origin_words.maker_words")
_POLLSTERS = re.compile(
    r"(?i)\b(?:" + "|".join(re.escape(p) for p in phrases("claims.toml", "origin_words.pollsters")) + r")\b"
)
_CALENDAR = frozenset(w.lower() for w in (*calendar.month_name[1:], *calendar.day_name))


def _names_a_maker(text: str) -> bool:
    """Whether ``text`` names an organisation: a capitalised organisation word ("University", "News"), an
    acronym that is no nation or party ("CNN", "ORC"; not "US", "GOP"), or a pollster ("Gallup")."""
    from headwater.extract.lexicon import speakers
    from headwater.nations import nation_side

    if _POLLSTERS.search(text):
        return True
    for w in re.findall(r"[\w’'&.-]+", text):
        w = re.sub(r"['’]s$", "", w.strip("."))
        if not w[:1].isupper() or w.lower() in _CALENDAR:
            continue
        if nation_side(w) or any(p.fullmatch(w) for p, _ in speakers().sides):
            continue  # "a Russian report", "a GOP poll", "U.S. records": a side, not a maker
        bare = w.replace(".", "")
        if w.lower() in _MAKER_WORDS or (len(bare) >= 2 and bare.isupper() and bare.isalpha()):  # "CNN", "F.A.A."
            return True
    return False


@lru_cache(maxsize=1)
def _type_nouns() -> frozenset[str]:
    from headwater.extract.lexicon import speakers

    lex = speakers()
    return frozenset(lex.organization | lex.media | lex.anonymous | lex.group)


def _plural_type_noun(word: str) -> bool:
    """A plural whose singular is a speaker type noun ("surveys", "authorities", "reports")."""
    w = word.lower()
    if w.endswith("ies"):
        singular = w[:-3] + "y"
    elif w.endswith("s") and not w.endswith("ss"):
        singular = w[:-1]
    else:
        return False
    return singular in _type_nouns()


def _first_outlet(chain: Sequence[Attribution], infos: Sequence[ArticleInfo], outlets: list[str]) -> str | None:
    """The outlet that had it first, when the text gives evidence of the order: the outlet an article
    says it came through ("told The Washington Post", "Newsweek reported"), the origin of a reprint
    group as the reuse stage found it, or a publication date earlier than all others. Without such
    evidence: None (the order is unknown and no first outlet is invented)."""
    if not infos:
        return None
    for info in infos:
        own = {(info.outlet or "").casefold(), (info.credited_source or "").casefold()}
        own_names = {outlet_name(o).casefold() for o in own if o}
        for a in chain:
            relay = _relay_outlet(a)
            if a.article_id == info.id and relay and relay not in own_names:
                return (
                    outlet_name(a.speaker.resolved or a.speaker.text)
                    if a.speaker and a.speaker.type == "media"
                    else outlet_name(a.via or "")
                )
    if len(infos) == 1 or len(set(outlets)) <= 1:
        return outlets[0] if outlets else None
    head = infos[0]
    if head.origin == head.id and head.group is not None:
        return outlets[0] if outlets else None  # the reuse stage found the group's origin
    dates = [(i.published or "")[:10] for i in infos]
    if all(dates) and dates.count(min(dates)) == 1:
        return outlets[0] if outlets else None  # published first
    return None


def _ordered_articles(chain: Sequence[Attribution], articles: dict[str, ArticleInfo]) -> list[ArticleInfo]:
    """Articles of a chain: reuse origins first, then by publication date, then the articles of
    outlets the others relayed from, then by file name."""
    infos = {a.article_id: _info(a, articles) for a in chain}
    relayed = {_relay_outlet(a) for a in chain} - {None}
    return sorted(
        infos.values(),
        key=lambda i: (
            0 if i.origin in (None, i.id) else 1,
            (i.published or "9999")[:10],
            0 if i.outlet and outlet_name(i.outlet).casefold() in relayed else 1,
            i.doc,
        ),
    )


def independent_origins(members: Sequence[Attribution], articles: dict[str, ArticleInfo]) -> list[Origin]:
    found = [origin_of(c, articles) for c in chains(members, articles)]
    return sorted(found, key=lambda o: (-len(o.articles), o.speaker))
