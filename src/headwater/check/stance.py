"""The stance decision: unrelated, asserts, reports or denies, from an article's features."""

from __future__ import annotations

from headwater.check.features import ClaimTerms, Features
from headwater.config import CheckConfig

STANCES = ("asserts", "reports", "denies", "unrelated")


def refute_score(f: Features, t: CheckConfig) -> float:
    return (
        f.refute
        + t.lead * f.lead
        + t.negation * f.negated
        + t.denial * (f.deny + len(f.denials) + t.spread * f.other_denials)
    )


def hedge_score(f: Features, t: CheckConfig) -> float:
    return f.hedge + t.lead_hedge * f.lead_hedge + t.reported * len(f.reported)


def decide(claim: ClaimTerms, f: Features, t: CheckConfig) -> tuple[str, float]:
    """(stance, score): the score is the relatedness, or the refute evidence for a denial."""
    if f.related < t.related:
        return "unrelated", round(f.related, 3)
    refute = refute_score(f, t)
    if refute - t.versus * hedge_score(f, t) >= t.deny:
        return ("asserts" if claim.negated else "denies"), round(refute, 3)
    if hedge_score(f, t) >= t.hedge:
        return "reports", round(f.related, 3)
    if claim.negated:  # the claim says "X is false" and the article states X without hedging
        return t.plain_negated, round(f.related, 3)
    return "asserts", round(f.related, 3)
