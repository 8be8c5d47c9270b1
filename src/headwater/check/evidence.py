"""The evidence sentence(s) behind a stance: which sentence, and who says it with which cue."""

from __future__ import annotations

from headwater.check.features import Features
from headwater.check.index import IndexedArticle, Sentence
from headwater.model import Attribution, Evidence


def speaker_name(a: Attribution) -> str | None:
    sp = a.speaker
    return None if sp is None else (sp.resolved or sp.text)


def _covering(art: IndexedArticle, sent: Sentence, prefer_deny: bool) -> Attribution | None:
    found = [
        a
        for a in art.attributions
        if (a.content.start < sent.end and sent.start < a.content.end)
        or (a.cue is not None and sent.start <= a.cue.start < sent.end)
    ]
    if not found:
        return None
    found.sort(key=lambda a: (not (prefer_deny and a.stance == "deny"), a.speaker is None))
    return found[0]


def _pick(art: IndexedArticle, f: Features, stance: str) -> int | None:
    if not f.sentences:
        return None
    if stance == "denies":
        return max(f.sentences, key=lambda i: (art.sentences[i].refute, -f.sentences.index(i)))
    if stance == "reports":
        return max(f.sentences, key=lambda i: (art.sentences[i].hedge > 0, -f.sentences.index(i)))
    return f.sentences[0]


def evidence(art: IndexedArticle, f: Features, stance: str) -> tuple[Evidence, ...]:
    """The sentence that decided the stance (for a denial with a denying attribution, that one)."""
    if stance == "unrelated":
        return ()
    if stance == "denies" and f.denials:
        a = f.denials[0]
        return (_evidence(art, a.content.start, a.content.end, a, "denial"),)
    i = _pick(art, f, stance)
    if i is None:
        return ()
    sent = art.sentences[i]
    att = _covering(art, sent, stance == "denies")
    signal = {"denies": "refute", "reports": "hedge"}.get(stance, "claim")
    if att is not None and stance == "reports":
        signal = "reported"
    return (_evidence(art, sent.start, sent.end, att, signal),)


def _evidence(art: IndexedArticle, start: int, end: int, att: Attribution | None, signal: str) -> Evidence:
    if att is not None:
        start, end = min(start, att.content.start), max(end, att.content.end)
    text = " ".join(art.text[start:end].split())
    if att is None:
        return Evidence(text, start, end, signal=signal)
    return Evidence(text, start, end, speaker_name(att), att.cue.text if att.cue else None, att.kind, signal)
