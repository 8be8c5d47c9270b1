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
)


def _load_commands() -> None:
    for module in COMMAND_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise


def main() -> None:
    from headwater.errors import HeadwaterError

    _load_commands()
    try:
        app()
    except HeadwaterError as exc:
        from rich.markup import escape

        from headwater.cli.app import console

        # Escaped: messages quote config sections ("[reuse] threshold") and user paths.
        console(stderr=True).print(f"[bold red]error:[/] {escape(str(exc))}", markup=True, highlight=False)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("interrupted: everything committed so far is kept; run the command again to continue\n")
        sys.exit(130)


if __name__ == "__main__":
    main()
