"""The web app: pages for people, an API under ``/api/`` for programs, on one pool.

Pages are Jinja2 templates (autoescaped: nothing of a resume reaches HTML unescaped);
the JavaScript and CSS are files of this package, served by the app.  The API returns
what the command line prints (``schema_version`` 1), described by ``/api/openapi.json``.

Every request passes the checks of :mod:`matcher.web.security` (its Host, its token, its
origin and CSRF token) before any route.  Uploads are limited in size and count.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlencode

import jinja2
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from matcher.errors import MatcherError
from matcher.web import routes
from matcher.web.security import Guard, RequestError, refuse
from matcher.web.state import Matcher, ServeSettings


def create_app(settings: ServeSettings) -> Starlette:
    """The web app on the pool ``settings.db`` (opened, and created if need be, now)."""
    state = Matcher(settings)
    templates = jinja2.Environment(
        loader=jinja2.PackageLoader("matcher.web", "templates"),
        autoescape=True,
        undefined=jinja2.ChainableUndefined,
    )
    templates.globals.update(
        settings=settings,
        taxonomy=state.taxonomy,
        regions=list(state.taxonomy.regions_by_id),
        urlencode=urlencode,
    )

    async def failure(request: Request, exc: Exception) -> Response:
        if isinstance(exc, RequestError):
            return refuse(request, exc.status, exc.code, exc.message)
        assert isinstance(exc, MatcherError)
        return refuse(request, 400 if exc.exit_code == 2 else 422, exc.code, exc.message)

    app = Starlette(
        routes=[
            *routes.ROUTES,
            Mount(
                "/static",
                app=StaticFiles(packages=[("matcher.web", "static")]),
                name="static",
            ),
        ],
        exception_handlers={RequestError: failure, MatcherError: failure},
        lifespan=lambda _: _closing(state),
    )
    app.state.matcher = state
    app.state.templates = templates
    app.add_middleware(Guard, settings=settings)
    return app


@asynccontextmanager
async def _closing(state: Matcher) -> AsyncIterator[None]:
    """The app's lifespan: stop the uploads' thread and close the pool at shutdown."""
    try:
        yield
    finally:
        state.close()


__all__ = ["ServeSettings", "create_app"]
