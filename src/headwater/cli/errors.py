"""``headwater errors``: the inputs that could not be read, as stored by every ingest."""

from __future__ import annotations

from headwater.cli.app import ConfigOpt, DbOpt, JsonOpt, app, console, open_store, print_json, settings
from headwater.cli.text import safe


@app.command()
def errors(db: DbOpt = None, config: ConfigOpt = None, json: JsonOpt = False) -> None:
    """List the stored ingest errors: each file or record that could not be read, and why."""
    from rich.table import Table
    from rich.text import Text

    from headwater.store.articles import ingest_errors

    with open_store(settings(config, db), read_only=True) as store:
        rows = ingest_errors(store)
    if json:
        print_json(rows)
        return
    out = console()
    if not rows:
        out.print("no ingest errors stored")
        return
    table = Table("path", "reason", "last seen", "times")
    for r in rows:
        table.add_row(Text(safe(r["path"])), Text(safe(r["reason"])), (r["last_seen"] or "")[:19], str(r["times"]))
    out.print(table)
