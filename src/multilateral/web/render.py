"""One response per view: the page's template, or its JSON twin, from the same data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from multilateral.errors import MultilateralError
from multilateral.model.results import MARK_END, MARK_START
from multilateral.model.status import label
from multilateral.web.auth import CSRF_COOKIE, SESSION_COOKIE, csrf_token, current_token
from multilateral.web.middleware import is_twin

TEMPLATES = Path(__file__).parent / "templates"


def _marked(text: str | None) -> Markup:
    """Escape a search snippet, then turn its match markers into <mark>."""
    safe = str(escape(text or ""))
    return Markup(safe.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))



def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES))  # autoescape on for .html
    templates.env.filters["marked"] = _marked
    templates.env.filters["label"] = label
    templates.env.filters["tojson_pretty"] = lambda value: json.dumps(
        value, indent=2, ensure_ascii=False)
    return templates


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None
                  ) -> JSONResponse:
    return JSONResponse(data, status_code=status, headers=headers)


def page(request: Request, template: str, data: dict[str, Any], status: int = 200,
         **extra: Any) -> Response:
    """The template with `data` (what the JSON twin returns) and page-only `extra`
    (a chart, the CSRF token)."""
    if is_twin(request.scope):
        return json_response(data, status)
    return html(request, template, {"data": data, **extra}, status)


def html(request: Request, template: str, context: dict[str, Any], status: int = 200,
         headers: dict[str, str] | None = None) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    token = context.pop("token", None) if "token" in context else _quiet_token(request)
    response = templates.TemplateResponse(
        request, template, {"csrf": csrf_token(request), "editor": token, **context},
        status_code=status, headers=headers)
    new = getattr(request.state, "new_csrf", None)
    if new:
        response.set_cookie(CSRF_COOKIE, new, httponly=True, samesite="strict")
    return response


def _quiet_token(request: Request) -> Any:
    """The editor's session for showing editor links; a bad cookie just shows none."""
    if SESSION_COOKIE not in request.cookies:
        return None
    try:
        return current_token(request)
    except MultilateralError:  # a throttled cookie, or no database: only the links go
        return None
