"""Pages rendered from the package's Jinja2 templates, and the API's OpenAPI description."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse


def openapi() -> dict[str, Any]:
    """The API's OpenAPI description (a file of this package)."""
    text = resources.files("matcher.web").joinpath("openapi.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


def render(request: Request, template: str, **context: Any) -> HTMLResponse:
    templates: jinja2.Environment = request.app.state.templates
    page = templates.get_template(template).render(request=request, **context)
    return HTMLResponse(page)
