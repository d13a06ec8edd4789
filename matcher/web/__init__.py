"""``matcher serve``: the talent pool as a local web app and an HTTP API.

:func:`matcher.web.app.create_app` builds the application (Starlette, Jinja2 templates,
plain JavaScript and CSS served by the app itself: no network, no CDN, no build step) on
a :class:`matcher.web.state.ServeSettings`: :mod:`~matcher.web.state` holds what every
request works on, :mod:`~matcher.web.forms` reads what a request sends,
:mod:`~matcher.web.routes` answers it, :mod:`~matcher.web.pages` renders its page.  Uploads
go through the pool's own add path (:mod:`matcher.web.uploads`), screening through
:func:`matcher.pool.rank_pool`, search through :func:`matcher.pool.search.search_pool`: one
store, one scoring path, the same JSON as the command line.

Everything here needs the ``serve`` extra (``pip install 'ai-role-matcher[serve]'``).
"""

from __future__ import annotations

SERVE_LIBRARIES = ("starlette", "uvicorn", "jinja2", "multipart")
"""What the ``serve`` extra installs, by import name (``multipart``: python-multipart)."""

__all__ = ["SERVE_LIBRARIES"]
