"""One response per view: the page's template, or its JSON twin, from the same data."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from multilateral.errors import MultilateralError
from multilateral.kb.memo import Memo
from multilateral.model.fact_form import form_fields
from multilateral.model.results import MARK_END, MARK_START
from multilateral.model.status import label
from multilateral.model.summary import fact_line
from multilateral.model.tables import Table
from multilateral.web import fragments
from multilateral.web.auth import CSRF_COOKIE, SESSION_COOKIE, csrf_token, current_token
from multilateral.web.middleware import asks_for_json, twin

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
    templates.env.globals["fact_fields"] = form_fields
    templates.env.globals["fact_text"] = fact_line
    templates.env.globals.update(fragments.GLOBALS)
    return templates


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None
                  ) -> JSONResponse:
    return JSONResponse(data, status_code=status, headers=headers)


def page(request: Request, template: str, data: dict[str, Any], status: int = 200,
         table: Callable[[], Table] | None = None, feed: str | None = None,
         **extra: Any) -> Response:
    """The template with `data` (what the JSON twin returns) and page-only `extra`
    (a chart, the CSRF token); `table`, for a page that holds one, makes its CSV twin
    (called only when the CSV is asked for). Each answer names the others in a
    `Link: rel=alternate` header."""
    links = alternates(request, table is not None)
    if feed is not None:  # a page with an Atom feed of its own names it too
        links[ATOM] = feed
    kind = twin(request.scope) or ("json" if asks_for_json(request.scope) else "html")
    headers = {"Link": ", ".join(f'<{url}>; rel="alternate"; type="{media}"'
                                 for media, url in links.items() if media != _TYPES[kind]),
               "Vary": "Accept"}
    if kind == "csv":
        if table is None:
            raise NoCsvTwin(request.url.path)
        return Response(table().as_csv(), status, headers,
                        media_type="text/csv; charset=utf-8")
    if kind == "json":
        return json_response(data, status, headers)
    return html(request, template, {"data": data, "csv_url": links.get("text/csv"),
                                    "feed_url": feed, **extra},
                status, headers)


_TYPES = {"html": "text/html", "json": "application/json", "csv": "text/csv"}
ATOM = "application/atom+xml"


def alternates(request: Request, with_csv: bool) -> dict[str, str]:
    """The page's URL as HTML, JSON and (where it holds a table) CSV, by media type."""
    # Quoted: a header carries only ASCII, and a path may hold any letter.
    path = quote(request.url.path, safe="/")
    query = f"?{quote(request.url.query, safe='=&%+;,')}" if request.url.query else ""
    stem = "/index" if path == "/" else path
    found = {"text/html": path + query, "application/json": f"{stem}.json{query}"}
    if with_csv:
        found["text/csv"] = f"{stem}.csv{query}"
    return found


class NoCsvTwin(MultilateralError):
    status = 404
    code = "no_csv_twin"

    def __init__(self, path: str) -> None:
        super().__init__(f"{path} holds no table, so it has no CSV twin: add .json for its "
                         "data (pages with a table, such as /org/SCO/members, have one).")


def html(request: Request, template: str, context: dict[str, Any], status: int = 200,
         headers: dict[str, str] | None = None) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    token = context.pop("token", None) if "token" in context else _quiet_token(request)
    response = templates.TemplateResponse(
        request, template, {"csrf": _LazyCsrf(request), "editor": token, **context},
        status_code=status, headers=headers)
    new = getattr(request.state, "new_csrf", None)
    if new:
        response.set_cookie(CSRF_COOKIE, new, httponly=True, samesite="strict",
                            secure=request.app.state.settings.https)
    return response


class Sections:
    """Parts of a page drawn only from data the library reads once per data version (an
    organization's chairs, instruments, events, conflicts): rendered once per such reading.
    Each is kept with the objects it was drawn from and served only while the page's data
    are those very objects, so a new reading (a write) renders it anew."""

    def __init__(self, templates: Jinja2Templates, size: int = 64) -> None:
        self.templates = templates
        self._kept: Memo[tuple[tuple[object, ...], Markup]] = Memo(size)

    def render(self, template: str, drawn_from: tuple[object, ...],
               context: dict[str, Any]) -> Markup:
        key = (template, id(drawn_from[0]))
        found = self._kept.get(key)
        # Held here, the objects cannot be freed, so their ids cannot be reused meanwhile.
        if found is not None and all(a is b for a, b in zip(found[0], drawn_from,
                                                             strict=True)):
            return found[1]
        html = Markup(self.templates.get_template(template).render(context))
        self._kept.put(key, (drawn_from, html))
        return html


class _LazyCsrf:
    """The CSRF token, made only if the page has a form that shows it: a public page sets no
    cookie, so it can be cached and shared (web/cache.py)."""

    def __init__(self, request: Request) -> None:
        self.request = request

    def __str__(self) -> str:
        return csrf_token(self.request)

    def __html__(self) -> str:
        return str(self)


def _quiet_token(request: Request) -> Any:
    """The editor's session for showing editor links; a bad cookie just shows none."""
    if SESSION_COOKIE not in request.cookies:
        return None
    try:
        return current_token(request)
    except MultilateralError:  # a throttled cookie, or no database: only the links go
        return None
