"""Mediation (``via``: the outlet or channel a statement came through) and stance (assert/deny/no_comment)."""

from __future__ import annotations

import re

from headwater.extract.context import Cand, Ctx
from headwater.gazetteer import lookup_outlet, outlet_pattern
from headwater.lexicon import entry, pattern

_NAME = r"(?:[Tt]he\s+)?(?P<o>[A-Z][\w.&'’-]*(?:\s+(?:of\s+)?[A-Z][\w.&'’-]*){0,4})"
# (pattern, the name must be a known outlet), tried in order (data/cues.toml [[mediation.via]])
_VIA = tuple(
    (re.compile(v["pattern"].replace("{name}", _NAME)), bool(v["outlet_only"]))
    for v in entry("cues.toml", "mediation.via")
)
_CITING = pattern("cues.toml", "mediation.citing")
_STATEMENT = pattern("cues.toml", "mediation.statement")


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
    for via, outlet_only in _VIA:
        for m in via.finditer(window):
            if cs <= m.start() < ce and cand.kind != "according_to":
                continue
            found = _outlet_or_name(m.group("o"), strict=outlet_only)
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
    content = ctx.text[cand.content[0] : cand.content[1]]
    if cand.cue_token is not None:
        lemma = ctx.doc[cand.cue_token].lemma_.lower()
        if lemma in ctx.cues.refusal_cues and ctx.cues.refused_speech.match(content.lstrip()):
            return "no_comment"  # "refused to say in an interview that X": X was not said
        if lemma in ctx.cues.deny:
            return "deny"
    if ctx.cues.deny_phrases.search(content):
        return "deny"
    if ctx.cues.no_comment.search(content):
        return "no_comment"
    return "assert"
