"""``headwater forget ARTICLE... | --path GLOB``: remove articles and everything derived from them."""

from __future__ import annotations

from typing import Annotated

import typer

from headwater.cli.app import ConfigOpt, DbOpt, JsonOpt, QuietOpt, app, console, open_store, print_json, settings


@app.command()
def forget(
    articles: Annotated[
        list[str] | None,
        typer.Argument(metavar="ARTICLE", help="Article ids, id prefixes or file names.", show_default=False),
    ] = None,
    path: Annotated[
        list[str] | None,
        typer.Option("--path", help="Forget every article whose path or file name matches this glob (repeatable)."),
    ] = None,
    db: DbOpt = None,
    config: ConfigOpt = None,
    json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Remove articles and what derives from them (attributions, reuse, claims citing them); the next run recomputes reuse and claims."""
    from headwater.errors import HeadwaterError, UsageError
    from headwater.store.articles import resolve_ref
    from headwater.store.forget import forget as forget_articles
    from headwater.store.forget import matching

    if not articles and not path:
        raise UsageError("name the articles to forget (ids, id prefixes or file names) or give --path GLOB")
    with open_store(settings(config, db)) as store:
        ids = [resolve_ref(store, ref) for ref in articles or []]
        for pattern in path or []:
            found = matching(store, pattern)
            if not found:
                raise HeadwaterError(f"no stored article's path or file name matches '{pattern}'")
            ids.extend(found)
        docs = forget_articles(store, list(dict.fromkeys(ids)))
    if json:
        print_json({"forgotten": docs})
    elif not quiet:
        out = console()
        out.print(f"forgot {len(docs)} article{'s' if len(docs) != 1 else ''}:")
        for doc in docs:
            out.print(f"  {doc}")
        out.print("run `headwater run` (or `headwater reuse` and `headwater report`) to recompute reuse and claims")
