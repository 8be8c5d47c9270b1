"""Admiralty-style grades computed from what the text shows, with the reasons written out.

Source reliability (A-F), judged on the best independent origin of the claim:

* A (completely reliable) and E (unreliable) need a track record the text cannot show: never given.
* B (usually reliable): a named speaker on the record (person, organisation or outlet) AND at
  least two independent origins.
* C (fairly reliable): a named speaker on the record, one independent origin.
* D (not usually reliable): only unnamed speakers with a stated affiliation ("a US official",
  "Western intelligence sources"); relays by more outlets do not raise it.
* F (cannot be judged): no source stated (unattributed), or unnamed speakers with no stated
  affiliation ("one source").

Information credibility (1-6):

* 1 (confirmed): three or more independent origins from at least two sides, and no denial.
* 2 (probably true): two or more independent origins, and no denial.
* 3 (possibly true): one origin and no denial; or two or more origins but denied.
* 4 (doubtful): one origin, denied by one party (the subject or another side).
* 5 (improbable): one origin, denied by two or more independent parties (parties are told apart
  as origins are: a government's spokesman and its institutions are one party).
* 6 (cannot be judged): no source stated, or reliability F with a single origin.

Likelihood language (ICD 203's seven terms) found in the statements is reported apart
(``Grade.likelihood``) and never changes the grade.
"""

from __future__ import annotations

from collections.abc import Sequence

from headwater.claims.origins import party_keys, reference_name, speaker_side
from headwater.claims.signatures import likelihood_term, subject_sides
from headwater.model import Attribution, Grade, Origin

RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY = {
    "1": "confirmed",
    "2": "probably true",
    "3": "possibly true",
    "4": "doubtful",
    "5": "improbable",
    "6": "truth cannot be judged",
}


def _named(origin: Origin) -> bool:
    """On the record: someone in the chain is a named person, organisation or outlet
    (:func:`headwater.claims.origins.on_the_record`), not only unnamed officials or a report."""
    return origin.named and not reference_name(origin.speaker)


def reliability(origins: Sequence[Origin], unattributed: bool) -> tuple[str, list[str]]:
    n = len(origins)
    if unattributed or not origins:
        return "F", ["no source is stated in the text (unattributed), so the source cannot be judged"]
    named = [o for o in origins if _named(o)]
    affiliated = [o for o in origins if not _named(o) and o.side != "unknown"]
    if named and n >= 2:
        who = ", ".join(dict.fromkeys(o.on_record[0] for o in named))
        return "B", [f"named on the record: {who}; {n} independent origins"]
    if named:
        return "C", [f"named on the record ({named[0].on_record[0]}) but a single independent origin"]
    if affiliated:
        who = affiliated[0]
        return "D", [f"only unnamed sources with a stated affiliation ({who.speaker}, side {who.side})"]
    return "F", ["only unnamed sources with no stated affiliation: reliability cannot be judged"]


_NOT_GRADED = {
    "prediction": "a prediction, promise or threat: what will happen cannot be checked yet",
    "demand": "a demand or appeal: it asks for something and is neither true nor false",
    "opinion": "an opinion or assessment: a judgment, not a checkable fact",
}


def not_graded(kind: str) -> Grade:
    """The grade of a claim that is not a factual assertion or an estimate: none, with the reason."""
    return Grade("", "", (f"not graded: {_NOT_GRADED.get(kind, kind)}",))


def credibility(
    origins: Sequence[Origin], denials: Sequence[Attribution], rel: str, unattributed: bool
) -> tuple[str, list[str]]:
    n = len(origins)
    sides = {o.side for o in origins if o.side != "unknown"}
    deniers = set(party_keys(denials))  # the Kremlin and its spokesman are one party
    if unattributed or (rel == "F" and n <= 1):
        return "6", ["the text gives no source that would let the information be judged"]
    if n >= 3 and len(sides) >= 2 and not denials:
        return "1", [f"{n} independent origins from {len(sides)} sides ({', '.join(sorted(sides))}), no denial"]
    if n >= 2 and not denials:
        return "2", [f"{n} independent origins, no denial found"]
    if n >= 2:
        return "3", [f"{n} independent origins, but denied by {len(deniers)} part{'y' if len(deniers) == 1 else 'ies'}"]
    if not denials:
        return "3", ["a single independent origin, however many outlets relayed it; no denial found"]
    if len(deniers) >= 2:
        return "5", [f"a single independent origin, denied by {len(deniers)} independent parties"]
    return "4", ["a single independent origin, and it is denied"]


def denial_reasons(text: str, denials: Sequence[Attribution]) -> list[str]:
    """One line per denying party (parties told apart as for ``credibility``): who, which side,
    whether that side is the claim's subject, its strongest wording, and how often it was reported."""
    if not denials:
        return []
    subjects = subject_sides(text)
    parties: dict[tuple[str, str], list[Attribution]] = {}
    for d, key in zip(denials, party_keys(denials), strict=True):
        parties.setdefault(key, []).append(d)
    out = []
    for group in parties.values():
        names = list(
            dict.fromkeys((d.speaker.resolved or d.speaker.text) if d.speaker else "an unnamed party" for d in group)
        )
        side = next((speaker_side(d) for d in group if speaker_side(d) != "unknown"), "unknown")
        role = "the subject of the claim" if side in subjects else "another party"
        best = max(group, key=lambda d: len(d.content.text.split()))
        line = f"denied by {', '.join(names[:3])} ({side}), {role}: \u201c{_short(best.content.text)}\u201d"
        articles = len({d.article_id for d in group})
        if len(group) > 1:
            line += f" ({len(group)} denial statements in {articles} article{'s' if articles > 1 else ''})"
        out.append(line)
    return out


def _short(text: str, words: int = 14) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" \u2026" if len(parts) > words else "")


def grade(
    text: str,
    members: Sequence[Attribution],
    origins: Sequence[Origin],
    denials: Sequence[Attribution],
    unattributed: bool = False,
) -> Grade:
    """The grade of one claim, with every reason that decided it."""
    rel, r_reasons = reliability(origins, unattributed)
    cred, c_reasons = credibility(origins, denials, rel, unattributed)
    reasons = [f"{rel} ({RELIABILITY[rel]}): {r}" for r in r_reasons]
    reasons += [f"{cred} ({CREDIBILITY[cred]}): {r}" for r in c_reasons]
    reasons += denial_reasons(text, denials)
    relays = sum(len(o.relayed_by) for o in origins if o.order != "unknown")
    if relays:
        reasons.append(f"relayed by {relays} further outlet(s): relays are not counted as independent")
    unordered = [o for o in origins if o.order == "unknown"]
    if unordered:
        carried = sum(len(o.relayed_by) for o in unordered)
        reasons.append(
            f"carried by {carried} outlets in an order unknown (no publication dates, citations or "
            "reuse direction tell which had it first); they count as one origin"
        )
    likely = None
    for m in members:
        likely = likely or likelihood_term(m.content.text) or (likelihood_term(m.cue.text) if m.cue else None)
    if likely:
        reasons.append(f"likelihood stated in the text: {likely} (ICD 203), kept apart from the grade")
    return Grade(reliability=rel, credibility=cred, reasons=tuple(reasons), likelihood=likely)
