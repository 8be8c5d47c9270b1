"""Entry point: import every command module (each registers on ``app``), run, map errors to exit codes."""

from __future__ import annotations

import importlib
import sys

from headwater.cli.app import app

COMMAND_MODULES = (
    "headwater.cli.ingest",
    "headwater.cli.attributions",
    "headwater.cli.reuse",
    "headwater.cli.report",
    "headwater.cli.run",
    "headwater.cli.errors",
    "headwater.cli.forget",
    "headwater.cli.serve",
    "headwater.cli.claims",
    "headwater.cli.check",
)


def _load_commands() -> None:
    for module in COMMAND_MODULES:
        importlib.import_module(module)


def main() -> None:
    from headwater.errors import HeadwaterError

    _load_commands()
    try:
        app(prog_name="headwater")
    except HeadwaterError as exc:
        from headwater.cli.app import error

        error(exc)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("interrupted: everything committed so far is kept; run the command again to continue\n")
        sys.exit(130)


if __name__ == "__main__":
    main()
