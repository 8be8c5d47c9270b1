"""``headwater serve``: browse a store in a local, read-only web app (every page also as JSON)."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Annotated

import typer

from headwater.cli.app import ConfigOpt, DbOpt, QuietOpt, app, console, settings


@app.command()
def serve(
    db: DbOpt = None,
    config: ConfigOpt = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (default: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=0, max=65535)] = 8765,
    quiet: QuietOpt = False,
) -> None:
    """Serve the store read-only at http://127.0.0.1:8765/: overview, claims (search, filters), articles,
    speakers, reprint groups, estimates; add .json to any page for its data. A `headwater run` on the
    same store is never blocked: the app reads a snapshot, refreshed after the run."""
    import uvicorn

    from headwater.web.app import create_app
    from headwater.web.snapshot import Snapshots, writer_active

    cfg = settings(config, db)
    if writer_active(Path(cfg.store.db)) and not quiet:
        console(stderr=True).print("a run is writing the store: serving starts when it has finished")
    snapshots = Snapshots(Path(cfg.store.db))
    # uvicorn re-raises SIGTERM after its graceful shutdown; as SystemExit it lets the snapshot folder go.
    signal.signal(signal.SIGTERM, _exit)
    try:
        if not quiet:
            where = f"[{host}]" if ":" in host else host
            console().print(
                f"serving [bold]{cfg.store.db}[/] read-only at [bold green]http://{where}:{port}/[/] (Ctrl-C stops)",
                markup=True,
                highlight=False,
            )
        uvicorn.run(
            create_app(snapshots), host=host, port=port, log_level="warning", access_log=False, server_header=False
        )
    except KeyboardInterrupt:
        pass
    finally:
        snapshots.close()


def _exit(signum: int, frame: object) -> None:
    raise SystemExit(0)
