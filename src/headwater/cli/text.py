"""User text on the terminal: never read as Rich markup, never carrying control sequences.

Every value that comes from an article, a file name, the store or an error message goes
through :func:`safe` (plain text) or :func:`esc` (text to embed in a markup string) before
it is printed; Rich markup is kept for the styling we write ourselves.
"""

from __future__ import annotations

import re
from typing import Any

from headwater.export import json_text

__all__ = ["cell", "esc", "json_text", "make_console", "safe"]

# ANSI CSI (ESC [ ... final) and OSC (ESC ] ... BEL | ESC \) sequences, other two-byte ESC sequences,
# and every C0/C1 control character except newline and tab.
_CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # 8-bit OSC
    r"|\x1b[@-_]?"  # any other escape
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)


def safe(value: Any) -> str:
    """``value`` as text with terminal control sequences removed (``None`` -> "")."""
    if value is None:
        return ""
    return _CONTROL.sub("", str(value))


def esc(value: Any) -> str:
    """``safe(value)`` escaped for a Rich markup string."""
    from rich.markup import escape

    return escape(safe(value))


def cell(value: Any) -> str:
    """One whole value for a tab-separated row: controls removed, tabs and newlines as spaces."""
    return " ".join(safe(value).replace("\t", " ").split("\n")).strip() if value is not None else ""


def make_console(stderr: bool = False):  # type: ignore[no-untyped-def]
    """A Rich console that reads no markup unless asked (``print(..., markup=True)`` with values
    passed through :func:`esc`) and strips control sequences from every string it renders."""
    from rich.console import Console

    class SafeConsole(Console):
        def render_str(self, text: str, **kwargs: Any):  # type: ignore[no-untyped-def, override]
            return super().render_str(safe(text), **kwargs)

    import sys

    # Piped stdout: text is never wrapped or cropped, trees and tables get 1,000 columns (Rich would cut
    # them at 80).
    piped = not stderr and not sys.stdout.isatty()
    width = 1000 if piped else None
    return SafeConsole(stderr=stderr, highlight=False, soft_wrap=stderr or piped, markup=False, width=width)
