"""headwater: who said what, and where it really came from.

Importing the package is cheap; spaCy, trafilatura and DuckDB load on first use.

    import headwater
    summary = headwater.run(["examples/corpus"], db="hw.duckdb", output="hw-out")
    with headwater.open("hw.duckdb") as store:
        for claim in store.claims():
            print(claim.text, claim.independent_origins)
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__", "open", "run"]

TYPE_CHECKING = False  # not ``typing.TYPE_CHECKING``: importing typing would cost more than the package
if TYPE_CHECKING:
    from headwater.api import open, run


def __getattr__(name: str) -> object:
    """``run`` and ``open`` come from ``headwater.api``, imported on first use (``import headwater`` stays fast)."""
    if name in ("run", "open", "Reader"):
        from headwater import api

        return getattr(api, name)
    raise AttributeError(f"module 'headwater' has no attribute {name!r}")
