"""Output paths checked before any work starts: the right kind, creatable, writable.

A bad ``-o`` is a ``ConfigError`` (exit code 2) with the path and the reason, found before an
ingest of an hour rather than after it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from headwater.errors import ConfigError


def _existing_ancestor(path: Path) -> Path:
    for folder in (path, *path.parents):
        if os.path.lexists(folder):
            return folder
    return Path(".")


def check_output_dir(path: str | Path, what: str = "output folder") -> Path:
    """``path`` is a folder we can write in, or can be created as one."""
    path = Path(path)
    found = _existing_ancestor(path)
    if not found.is_dir():
        if found == path:
            raise ConfigError(f"{path}: the {what} is not a folder; give a folder with -o DIR")
        raise ConfigError(f"{path}: cannot create the {what}: {found} is a file, not a folder")
    try:  # os.access says yes to root on a read-only file system: try it
        with tempfile.TemporaryFile(dir=found):
            pass
    except OSError as exc:
        raise ConfigError(f"{path}: the {what} cannot be written ({found}: {exc.strerror or exc})") from None
    return path


def check_output_file(path: str | Path) -> Path:
    """``path`` is a regular file we can replace, or can be created in a writable folder."""
    path = Path(path)
    if path.is_dir():
        raise ConfigError(f"{path}: is a folder; give a file with -o FILE")
    if os.path.lexists(path) and not path.is_file():
        raise ConfigError(f"{path}: not a regular file; give a file with -o FILE (or leave -o out for stdout)")
    if not path.parent.is_dir():
        raise ConfigError(f"cannot write {path}: no such folder {path.parent}")
    check_output_dir(path.parent, "folder of the output file")
    return path
