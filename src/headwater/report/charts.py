"""Inline SVG charts: one horizontal chart per estimated quantity, sources side by side.

A range is a bar from low to high; "more than x" a bar from x running off the right edge with an
arrow; "fewer than x" a bar from 0 to x; a single figure a dot. Colours follow the source's side.
"""

from __future__ import annotations

import math
from html import escape
from typing import Any

from headwater.claims.estimates import interval
from headwater.model import Quantity, Span

_PALETTE = ("#2457a6", "#a32a2a", "#2f7d32", "#8a5a00", "#6a3d9a", "#00838f", "#c2185b", "#455a64")
_KNOWN = {"US": 0, "RU": 1, "UA": 2, "UK": 3, "EU": 4, "West": 5, "unknown": 7}


def side_colour(side: str | None) -> str:
    side = side or "unknown"
    if side in _KNOWN:
        return _PALETTE[_KNOWN[side]]
    return _PALETTE[sum(map(ord, side)) % 6]


def _quantity(entry: dict[str, Any]) -> Quantity:
    return Quantity("", "", "", None, entry["value"], entry["low"], entry["high"], entry["qualifier"], Span("", 0, 0))


def _fmt(v: float) -> str:
    if v >= 1e6:
        return f"{v / 1e6:g}m"
    if v >= 1e3:
        return f"{v / 1e3:g}k"
    return f"{v:g}"


def _ticks(top: float) -> list[float]:
    step = 10 ** math.floor(math.log10(top)) if top > 0 else 1
    if top / step < 3:
        step /= 2
    return [i * step for i in range(int(top // step) + 1)]


def chart(table: dict[str, Any], width: int = 640) -> str:
    """The SVG for one estimate table (empty string when nothing is plottable)."""
    entries = [e for e in table["entries"] if e["value"] is not None or e["low"] is not None]
    if not entries:
        return ""
    spans = [interval(_quantity(e)) for e in entries]
    finite = [x for lo, hi in spans for x in (lo, hi) if math.isfinite(x)]
    top = max(finite) * 1.15 if finite and max(finite) > 0 else 1.0
    left, right, row, top_pad = 190, 20, 24, 14
    plot = width - left - right
    height = row * len(entries) + 34 + top_pad
    x = lambda v: left + plot * min(v, top) / top  # noqa: E731
    # No width/height: the chart scales with its box (viewBox; the stylesheet caps it at its natural width).
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'preserveAspectRatio="xMinYMin meet" role="img" aria-label="{escape(table["quantity"])}">'
    ]
    for t in _ticks(top):
        parts.append(f'<line x1="{x(t):.1f}" y1="4" x2="{x(t):.1f}" y2="{height - 24}" stroke="#dde1e8"/>')
        parts.append(f'<text x="{x(t):.1f}" y="{height - 10}" text-anchor="middle">{_fmt(t)}</text>')
    for i, (entry, (lo, hi)) in enumerate(zip(entries, spans, strict=True)):
        parts.append(_row(entry, lo, hi, 8 + top_pad + i * row, x, left, width - right))
    parts.append("</svg>")
    return "".join(parts)


def _row(entry: dict[str, Any], lo: float, hi: float, y: float, x: Any, left: int, edge: int) -> str:
    colour = side_colour(entry["side"])
    who = f"{entry['speaker'] or 'no source stated'} ({entry['side']})"
    # 11px labels right-aligned at ``left - 6``: 28 characters fit in the 184 units left of the plot.
    label = escape(who if len(who) <= 28 else who[:27] + "…")
    out = [
        f'<text x="{left - 6}" y="{y + 12}" text-anchor="end">{label}</text>',
        f"<title>{escape(who)}: {escape(entry['wording'])} — {escape(entry['doc'])}</title>",
    ]
    if lo == hi:
        out.append(f'<circle cx="{x(lo):.1f}" cy="{y + 8}" r="5" fill="{colour}"/>')
    else:
        end = x(hi) if math.isfinite(hi) else edge
        out.append(
            f'<rect x="{x(lo):.1f}" y="{y + 3}" width="{max(end - x(lo), 2):.1f}" height="10" '
            f'fill="{colour}" fill-opacity="0.75" rx="2"/>'
        )
        if not math.isfinite(hi):
            out.append(f'<path d="M{edge - 8},{y} L{edge},{y + 8} L{edge - 8},{y + 16} Z" fill="{colour}"/>')
    value_x = min((x(hi) if math.isfinite(hi) else edge) + 6, edge - 4)
    anchor = "end" if value_x + 6 * len(entry["wording"]) > edge else "start"
    value_y = y + 12 if anchor == "start" else y - 1
    out.append(f'<text x="{value_x:.1f}" y="{value_y}" text-anchor="{anchor}">{escape(entry["wording"])}</text>')
    return "<g>" + "".join(out) + "</g>"
