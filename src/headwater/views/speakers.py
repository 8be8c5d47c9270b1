"""Speakers as the dossier, the app and the API show them: one entry per speaker entity, with their side,
statements, denials, articles and claims.

Built once by the claims stage (``headwater.exec.claims``) from the attributions with sides filled in and
names mapped to their corpus-wide entity, and stored; readers load them
(``headwater.store.claims.load_speakers``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from headwater.model import Attribution, Claim


@dataclass(slots=True)
class SpeakerView:
    speaker: str
    type: str
    side: str
    role: str | None
    statements: int
    denials: int
    articles: list[str]
    claims: list[str]
    examples: list[str]


def _speaker_name(a: Attribution) -> str | None:
    if a.speaker is None or a.kind == "unattributed":
        return None
    return re.sub(r"\s+", " ", a.speaker.resolved or a.speaker.text).strip()


def speaker_views(attributions: Sequence[Attribution], claims: Sequence[Claim]) -> list[SpeakerView]:
    """One entry per speaker entity (``attributions`` as :func:`headwater.claims.build.prepare` gives
    them: "Putin" and "Vladimir Putin" are one name); speakers that are no source ("no one",
    "information", an unresolved "he") have no entry."""
    from headwater.claims.entities import no_source

    members: dict[str, list[tuple[int, str]]] = defaultdict(list)  # article -> (member start, claim id)
    for c in claims:
        for m in c.members:
            members[m.article_id].append((m.content.start, c.id))
    rows: dict[str, list[Attribution]] = defaultdict(list)
    for a in attributions:
        name = _speaker_name(a)
        if name and no_source(a) is None:
            rows[name.casefold()].append(a)
    out = []
    for items in rows.values():
        sp = [a.speaker for a in items if a.speaker]
        out.append(
            SpeakerView(
                speaker=Counter(_speaker_name(a) for a in items).most_common(1)[0][0] or "",
                type=Counter(s.type for s in sp).most_common(1)[0][0],
                side=next((s for s, _ in Counter(s.side for s in sp).most_common() if s != "unknown"), "unknown"),
                role=next((s.role for s in sp if s.role), None),
                statements=sum(1 for a in items if a.stance != "deny"),
                denials=sum(1 for a in items if a.stance == "deny"),
                articles=sorted({a.doc for a in items}),
                claims=sorted(
                    {
                        cid
                        for a in items
                        for start, cid in members[a.article_id]
                        if a.content.start <= start < a.content.end
                    }
                ),
                examples=[a.content.text for a in items[:3]],
            )
        )
    return sorted(out, key=lambda s: (s.side, s.type, -s.statements - s.denials, s.speaker.casefold()))
