"""The web app's safety: what every request passes before any route.

:class:`Guard`: a request's Host must name the loopback address the app is bound to (no
DNS rebinding); with a token, every request must carry it (``Authorization: Bearer``, or
the cookie set by opening ``/?token=…`` once); every state-changing request must come from
the app's own origin and carry its CSRF token (the ``X-CSRF-Token`` header or a
``csrf_token`` form field: :func:`check_csrf`), unless it carries the token in
``Authorization``.  Responses forbid framing, sniffing and any script, style or connection
but the app's own.  A refusal is a :class:`RequestError`, answered by :func:`refuse`.
"""

from __future__ import annotations

import hmac
from typing import Protocol
from urllib.parse import urlencode

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TOKEN_COOKIE = "matcher_token"
CSRF_HEADER = "x-csrf-token"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
_HEADERS = {
    "content-security-policy": _POLICY,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",  # no-referrer would make Origin "null"
    "cache-control": "no-store",
}


class Secrets(Protocol):
    """What the checks read of the server's settings (:class:`~matcher.web.state.ServeSettings`)."""

    @property
    def token(self) -> str | None: ...
    @property
    def loopback(self) -> bool: ...
    @property
    def csrf_token(self) -> str: ...


class RequestError(Exception):
    """A request the app refuses: its status and a one-line reason."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


class Guard:
    """The checks every request passes before any route (see the module's text), and the
    headers every response gets."""

    def __init__(self, app: ASGIApp, settings: Secrets) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        refusal = self.refusal(request)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in _HEADERS.items():
                    if name.encode() not in present:
                        headers.append((name.encode(), value.encode()))
                message["headers"] = headers
            await send(message)

        if refusal is not None:
            await refusal(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    def refusal(self, request: Request) -> Response | None:
        settings = self.settings
        host = (request.headers.get("host") or "").lower()
        hostname = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if settings.loopback and hostname not in LOOPBACK_HOSTS:
            return refuse(request, 400, "bad-host", f"unexpected Host {host!r}")
        bearer = False
        if settings.token is not None:
            given = request.headers.get("authorization", "")
            bearer = given.startswith("Bearer ") and _same(given[7:], settings.token)
            if not bearer and request.method == "GET" and "token" in request.query_params:
                if _same(request.query_params["token"], settings.token):
                    return _token_cookie(request, settings.token)
                return refuse(request, 401, "unauthorized", "wrong token")
            cookie = request.cookies.get(TOKEN_COOKIE, "")
            if not bearer and not _same(cookie, settings.token):
                return refuse(
                    request,
                    401,
                    "unauthorized",
                    "this server needs its token: open the address `matcher serve` printed",
                )
        if request.method not in _SAFE_METHODS and not bearer:
            origin = request.headers.get("origin")
            if origin is not None and origin.lower() not in _origins(request):
                return refuse(request, 403, "forbidden", "a request from another site")
        return None


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())


def _origins(request: Request) -> set[str]:
    host = (request.headers.get("host") or "").lower()
    return {f"http://{host}", f"https://{host}"}


def _token_cookie(request: Request, token: str) -> Response:
    """Open ``/?token=T`` once: the token becomes a cookie, the address loses it."""
    query = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
    target = request.url.path + (f"?{urlencode(query)}" if query else "")
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
    return response


def check_csrf(request: Request, form: FormData | None = None) -> None:
    """A state-changing request must carry the app's CSRF token (or the server's token in
    ``Authorization``, which no other site can add)."""
    settings: Secrets = request.app.state.matcher.settings
    token = settings.token
    given = request.headers.get("authorization", "")
    if token is not None and given.startswith("Bearer ") and _same(given[7:], token):
        return
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and form is not None:
        value = form.get("csrf_token")
        sent = value if isinstance(value, str) else None
    if sent is None or not _same(sent, settings.csrf_token):
        raise RequestError(
            403, "forbidden", "missing or wrong CSRF token (GET /api/session gives it)"
        )


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def refuse(request: Request, status: int, code: str, message: str) -> Response:
    """The answer to a refused request: JSON under ``/api/``, plain text elsewhere."""
    if _wants_json(request):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    return PlainTextResponse(f"{message}\n", status_code=status)


__all__ = ["CSRF_HEADER", "TOKEN_COOKIE", "Guard", "RequestError", "check_csrf", "refuse"]
