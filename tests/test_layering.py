"""Stage packages compute; only the executor layer (headwater.exec) and the stage runners not yet moved
there read or write the store."""

from __future__ import annotations

from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "headwater"
# Runners still inside their stage package, to move to headwater.exec (issue 12); no file may join them.
NOT_YET_MOVED: set[str] = set()


def test_stage_packages_import_no_store() -> None:
    offenders = [
        str(path.relative_to(SRC))
        for package in ("extract", "reuse", "claims")
        for path in sorted((SRC / package).rglob("*.py"))
        if "headwater.store" in path.read_text(encoding="utf-8") and str(path.relative_to(SRC)) not in NOT_YET_MOVED
    ]
    assert offenders == []


def test_extract_package_imports_no_store_at_all() -> None:
    assert not [p for p in (SRC / "extract").rglob("*.py") if "headwater.store" in p.read_text(encoding="utf-8")]


def test_store_holds_no_domain_logic() -> None:
    """The store reads and writes records; it imports no stage package."""
    stages = ("headwater.claims", "headwater.extract", "headwater.reuse", "headwater.clean")
    offenders = [
        str(p.relative_to(SRC))
        for p in sorted((SRC / "store").rglob("*.py"))
        if any(s in p.read_text(encoding="utf-8") for s in stages)
    ]
    assert offenders == []
