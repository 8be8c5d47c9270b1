"""``headwater serve``: a read-only local web app over a store (Starlette + uvicorn + Jinja2).

``snapshot`` copies the store file (never holding its lock, so a ``headwater run`` is never blocked)
and builds the tables and full-text index the pages read; ``queries`` reads them into the typed
views of ``headwater.report.view``; ``app`` routes every page and its JSON twin (path + ``.json``).
"""
