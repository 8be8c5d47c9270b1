"""Atomic output files: written to a temporary file in the same folder, then renamed over the target.

A reader (or a kill) never sees a half-written dossier or export: the old file stays whole until
the new one is complete, and a killed write leaves only a ``.name.*.tmp`` file behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

from headwater.errors import UsageError


@contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """A temporary path beside ``target``; renamed to ``target`` when the block ends without error."""
    target = Path(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
    os.close(fd)
    try:
        os.chmod(tmp, _mode(target))  # mkstemp makes 0600; an output file gets the usual permissions
        yield Path(tmp)
        _fsync(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        _unlink(tmp)
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
    except BaseException:
        _unlink(tmp)
        raise


@contextmanager
def atomic_open(target: str | Path, encoding: str = "utf-8", newline: str | None = None) -> Iterator[IO[str]]:
    """A text stream whose content replaces ``target`` atomically when the block ends without error."""
    with atomic_path(target) as tmp, open(tmp, "w", encoding=encoding, newline=newline) as fh:
        yield fh


def atomic_write_text(target: str | Path, text: str) -> None:
    with atomic_open(target) as fh:
        fh.write(text)


def _mode(target: Path) -> int:
    """The mode of the file being replaced, or 0666 less the umask for a new one."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _fsync(path: str) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unlink(path: str) -> None:
    with suppress(OSError):
        os.unlink(path)
