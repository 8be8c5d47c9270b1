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


def _imports(path: Path) -> set[str]:
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_lexicon_loader_is_model_level() -> None:
    """headwater.lexicon sits below every stage: it imports nothing of headwater but the errors."""
    ours = {m for m in _imports(SRC / "lexicon.py") if m.startswith("headwater")}
    assert ours == {"headwater.errors"}


def test_one_loader_reads_the_data_folder() -> None:
    """Every read of headwater/data goes through headwater.lexicon (one parse per file, one error
    message); TOML is parsed elsewhere only for files a user names (config, boilerplate patterns)."""
    py = sorted(p for p in SRC.rglob("*.py"))
    readers = [str(p.relative_to(SRC)) for p in py if '"headwater.data"' in p.read_text(encoding="utf-8")]
    assert readers == ["lexicon.py"]
    toml = [str(p.relative_to(SRC)) for p in py if "tomllib" in _imports(p)]
    assert toml == ["clean/patterns.py", "config.py", "lexicon.py"]


def test_own_modules_are_imported_plainly() -> None:
    """No "module may not exist yet" guards around our own modules."""
    offenders = [
        str(p.relative_to(SRC))
        for p in sorted(SRC.rglob("*.py"))
        for text in [p.read_text(encoding="utf-8")]
        if 'find_spec("headwater' in text or ("except ModuleNotFoundError" in text and "import_module" in text)
    ]
    assert offenders == []
