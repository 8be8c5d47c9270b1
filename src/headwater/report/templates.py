"""The Jinja2 environment both the dossier and ``headwater serve`` render with (autoescaping on),
the stylesheet, and the one inline script with its Content-Security-Policy hash."""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from importlib import resources
from typing import Any

from markupsafe import Markup

from headwater.report.cards import CREDIBILITY, RELIABILITY, grade_badge
from headwater.report.style import CSS


@cache
def script() -> str:
    """The dossier's index script (sort and filter; the page reads fully without it)."""
    return resources.files("headwater.report").joinpath("templates/index.js").read_text(encoding="utf-8")


def script_hash() -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script().encode("utf-8")).digest()).decode("ascii") + "'"


def csp(scripts: bool = True, forms: bool = False) -> str:
    """The Content-Security-Policy: nothing from outside; inline style; our one script by its hash."""
    policy = [
        "default-src 'none'",
        "style-src 'unsafe-inline'",
        "img-src data:",
        f"script-src {script_hash()}" if scripts else "script-src 'none'",
        "base-uri 'none'",
    ]
    if forms:
        policy.append("form-action 'self'")
    return "; ".join(policy)


def _badge_one(scale: str, value: str) -> Markup:
    return Markup(f'<span class="grade"><span class="g {scale}-{value}">{value}</span></span>')


@cache
def environment(*packages: str) -> Any:
    """The environment over ``packages``' templates (first wins), then the report's own."""
    from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=ChoiceLoader([PackageLoader(p, "templates") for p in (*packages, "headwater.report")]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        badge=lambda r, c: Markup(grade_badge(r, c)),
        badge_one=_badge_one,
        reliability=RELIABILITY,
        credibility=CREDIBILITY,
        css=CSS,
    )
    return env


def render_template(name: str, *packages: str, **values: Any) -> str:
    return environment(*packages).get_template(name).render(**values)  # type: ignore[no-any-return]
