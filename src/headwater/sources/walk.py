"""Paths given on the command line -> the files to read, or an ``IngestError`` for what cannot be.

Never raises: an unreadable directory, a broken or escaping symbolic link, a pattern matching
nothing, each becomes an error naming the path. A symbolic link that leads out of the folder
being read is not followed unless ``follow_symlinks`` (the user pointed at the folder, not at
what its links reach); a file named on the command line is read wherever its link leads.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from headwater.model import IgnoredFile, IngestError
from headwater.sources.decode import valid_name


def expand_paths(
    paths: Iterable[str | Path],
    suffixes: Iterable[str],
    follow_symlinks: bool = False,
) -> Iterator[Path | IngestError | IgnoredFile]:
    """Files named, files under directories (recursive, sorted), and glob matches; errors for the rest,
    and the files a directory walk passes over on purpose."""
    wanted = frozenset(suffixes)
    seen: set[str] = set()
    for given in paths:
        for item in _candidates(str(given)):
            if isinstance(item, IngestError):
                yield item
                continue
            found = _walk(item, wanted, follow_symlinks) if _is_dir(item) else _single(item)
            for f in found:
                if isinstance(f, Path):
                    key = _resolved(f)
                    if key in seen:
                        continue
                    seen.add(key)
                yield f


def _candidates(text: str) -> Iterator[Path | IngestError]:
    if any(ch in text for ch in "*?[") and not os.path.lexists(text):
        try:
            matches = sorted(glob.glob(text, recursive=True))
        except (OSError, ValueError) as exc:
            yield IngestError(valid_name(text), f"cannot expand pattern: {exc}")
            return
        if not matches:
            yield IngestError(valid_name(text), "no file matches this pattern")
        yield from (Path(m) for m in matches)
    else:
        yield Path(text)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _single(path: Path) -> Iterator[Path | IngestError]:
    try:
        exists = path.exists()
    except (OSError, ValueError) as exc:
        yield IngestError(valid_name(str(path)), f"cannot read: {exc}")
        return
    if exists:
        yield path
    elif path.is_symlink():
        yield IngestError(valid_name(str(path)), "broken symbolic link")
    else:
        yield IngestError(valid_name(str(path)), "no such file or directory")


def _resolved(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return str(path.absolute())


def _walk(root: Path, wanted: frozenset[str], follow: bool) -> Iterator[Path | IngestError | IgnoredFile]:
    """Files under ``root`` with a reader (hidden entries skipped), in sorted order."""
    base = Path(_resolved(root))
    problems: list[OSError] = []
    visited: set[str] = set()
    for folder, dirs, files in os.walk(root, onerror=problems.append, followlinks=True):
        yield from _errors(problems)
        here = Path(folder)
        real = _resolved(here)
        if real in visited:  # a link cycle
            dirs[:] = []
            continue
        visited.add(real)
        kept_dirs = []
        for d in sorted(dirs):
            if d.startswith("."):
                yield IgnoredFile(valid_name(str(here / d)), "hidden folder")
                continue
            sub = here / d
            if sub.is_symlink() and not follow and not _inside(sub, base):
                yield IngestError(
                    valid_name(str(sub)),
                    "symbolic link leads out of the folder being read: not followed (use --follow-symlinks)",
                )
                continue
            kept_dirs.append(d)
        dirs[:] = kept_dirs
        for name in sorted(files):
            if name.startswith(".") or suffix_of(name) not in wanted:
                # A directory walk passes over what is not an article (README.md, images...), naming it.
                why = "hidden file" if name.startswith(".") else f"not an article type ('{suffix_of(name) or name}')"
                yield IgnoredFile(valid_name(str(here / name)), valid_name(why))
                continue
            path = here / name
            yield from _walked_file(path, base, follow)
    yield from _errors(problems)


def _walked_file(path: Path, base: Path, follow: bool) -> Iterator[Path | IngestError]:
    if not path.is_symlink():
        yield path
    elif not path.exists():
        yield IngestError(valid_name(str(path)), "broken symbolic link")
    elif follow or _inside(path, base):
        yield path
    else:
        yield IngestError(
            valid_name(str(path)),
            "symbolic link leads out of the folder being read: not followed (use --follow-symlinks)",
        )


def _errors(problems: list[OSError]) -> Iterator[IngestError]:
    while problems:
        exc = problems.pop(0)
        yield IngestError(valid_name(str(exc.filename or "?")), f"cannot read directory: {exc.strerror or exc}")


def _inside(path: Path, base: Path) -> bool:
    try:
        return Path(_resolved(path)).is_relative_to(base)
    except ValueError:
        return False


def suffix_of(name: str) -> str:
    """The suffix that picks a reader (``.warc.gz`` reads as ``.warc``)."""
    name = name.lower()
    if name.endswith(".warc.gz"):
        return ".warc"
    dot = name.rfind(".")
    return name[dot:] if dot > 0 else ""
