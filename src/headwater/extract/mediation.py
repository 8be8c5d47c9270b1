"""Mediation (``via``: the outlet or channel a statement came through) and stance (assert/deny/no_comment)."""

from __future__ import annotations

import re

from headwater.extract.context import Cand, Ctx
from headwater.gazetteer import lookup_outlet, outlet_pattern

_NAME = r"(?:[Tt]he\s+)?(?P<o>[A-Z][\w.&'’-]*(?:\s+(?:of\s+)?[A-Z][\w.&'’-]*){0,4})"
_VIA = [
    re.compile(r"\b(?:told|telling|tells|speaking to|speaking with|said to|wrote (?:in|for))\s+" + _NAME),
    re.compile(
        r"\b(?:per|according to|citing)\s+(?:a|an|the)\s+(?:\w+\s+){0,2}(?:report|article|story|interview|"
        r"statement|broadcast)s?\s+(?:from|by|in|on|with)\s+" + _NAME
    ),
    re.compile(
        r"\b[Ii]n\s+(?:an?|the|his|her|their)\s+(?:\w+\s+){0,2}(?:interview|conversation|podcast|op-ed|column|"
        r"article|appearance)\s+(?:with|on|in|for)\s+" + _NAME
    ),
    re.compile(
        r"\b[Ii]n\s+(?:an?|the)\s+(?:\w+\s+){0,2}(?:video|post|message|statement|tweet|broadcast|address|"
        r"speech)\s+(?:\w+\s+){0,2}(?:on|to|via)\s+" + _NAME
    ),
    re.compile(
        r"\b(?:on|via)\s+(?P<o>Telegram|Twitter|X|Facebook|Instagram|YouTube|TikTok|VKontakte|VK|WhatsApp|"
        r"Truth Social|Weibo|state (?:television|TV|media))\b"
    ),
]
_CITING = re.compile(
    r"\bciting\s+(?P<o>(?:people|persons|sources?|officials?|a source|an official|two|three|"
    r"unnamed|anonymous|senior|several)\b[^,.;:]{0,60}?)(?=[,.;:]|$)"
)
_STATEMENT = re.compile(
    r"\b(?:said|says|wrote)\s+in\s+a\s+(?P<o>statement|press release|press conference|briefing|speech)\b"
)


def _outlet_or_name(name: str, strict: bool) -> str | None:
    name = name.strip()
    outlet = lookup_outlet(name)
    if outlet:
        return outlet.name
    m = outlet_pattern().search(name)
    if m:
        found = lookup_outlet(m.group(1))
        return found.name if found else m.group(1)
    return None if strict else name


def find_via(ctx: Ctx, cand: Cand) -> str | None:
    """The channel named in the cue's sentence (after the content, or around the cue)."""
    anchor = cand.cue[0] if cand.cue else cand.content[0]
    sent = ctx.sent_of(anchor)
    lo = sent.start_char
    hi = sent.end_char
    window = ctx.text[lo:hi]
    cs, ce = cand.content[0] - lo, cand.content[1] - lo
    for i, pattern in enumerate(_VIA):
        for m in pattern.finditer(window):
            if cs <= m.start() < ce and cand.kind != "according_to":
                continue
            found = _outlet_or_name(m.group("o"), strict=(i != 2))
            if found:
                return found
    m = _CITING.search(window)
    if m and not (cs <= m.start() < ce):
        return m.group("o").strip()
    m = _STATEMENT.search(window)
    return m.group("o") if m else None


def find_stance(ctx: Ctx, cand: Cand) -> str:
    if cand.stance != "assert":
        return cand.stance
    if cand.cue_token is not None:
        lemma = ctx.doc[cand.cue_token].lemma_.lower()
        if lemma in ctx.cues.deny:
            return "deny"
    content = ctx.text[cand.content[0] : cand.content[1]]
    if ctx.cues.deny_phrases.search(content):
        return "deny"
    if ctx.cues.no_comment.search(content):
        return "no_comment"
    return "assert"
