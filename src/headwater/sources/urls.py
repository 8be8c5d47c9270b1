"""URLs among the paths given: headwater reads files and never goes online, so a URL is an input
error that says how to fetch the page first."""

from __future__ import annotations

import re

_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
URL_REASON = (
    "URLs are not fetched (headwater reads files and never goes online): download the page first, "
    "e.g. `curl -L -o page.html URL` or `wget URL`, then ingest the file; for many pages, ingest a WARC "
    "(`wget --warc-file=pages URL...` writes pages.warc.gz)"
)


def is_url(text: str) -> bool:
    return bool(_URL.match(text))
