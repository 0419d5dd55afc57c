"""The application factory: the site, its JSON twins, the API and the reconciliation
service, over one KnowledgeBase."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from multilateral.kb import KnowledgeBase
from multilateral.settings import FAILURES_ALLOWED, int_setting
from multilateral.web import api, errors, pages, reconcile
from multilateral.web.auth import Throttle
from multilateral.web.feeds import atom
from multilateral.web.middleware import HeadAsGet, JsonSuffix, SecurityHeaders
from multilateral.web.render import make_templates


@dataclass(frozen=True)
class WebSettings:
    """`database`: a URL or path (None: the `database` setting or the default file);
    `today`: the day "today" questions mean (tests pin it); `failures_allowed`: wrong
    tokens in a row from one address before each try is made to wait; `warm_up`: build
    the article reader's name lists at start-up rather than on the first article page."""

    database: str | None = None
    today: dt.date | None = None
    failures_allowed: int = field(default_factory=lambda: int_setting(FAILURES_ALLOWED))
    warm_up: bool = False


def create_app(settings: WebSettings | None = None) -> FastAPI:
    settings = settings or WebSettings()
    app = FastAPI(
        title="multilateral",
        description="International organizations and their members, over time, with sources. "
                    "Every page has a JSON twin: add `.json` to its path. Errors are "
                    '`{"error": {"status", "code", "message"}}`.',
        version="0.1.0",
        lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.kb = KnowledgeBase(settings.database, today=settings.today)
    app.state.templates = make_templates()
    app.state.throttle = Throttle(allowed=settings.failures_allowed)
    app.mount("/static", StaticFiles(directory=str(Path(__file__).parent / "static")),
              name="static")
    app.include_router(pages.router)
    app.include_router(api.router)
    app.include_router(reconcile.router)
    _feeds(app)
    errors.install(app)
    app.add_middleware(JsonSuffix)
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    if app.state.settings.warm_up:
        app.state.kb.extractor()
    yield
    app.state.kb.close()


def _feeds(app: FastAPI) -> None:
    def feed(request: Request, title: str, articles: list[dict[str, Any]]) -> Response:
        base = str(request.base_url).rstrip("/")
        body = atom(title, str(request.url), base, articles)
        return Response(body, media_type="application/atom+xml")

    @app.get("/feeds/articles.atom", tags=["feeds"], summary="Atom feed of all articles.")
    def all_articles(request: Request) -> Response:
        return feed(request, "multilateral: articles",
                    request.app.state.kb.articles(limit=50))

    @app.get("/feeds/org/{ident}.atom", tags=["feeds"],
             summary="Atom feed of articles about an organization.")
    def org_articles(request: Request, ident: str) -> Response:
        org = request.app.state.kb.organization(ident)
        return feed(request, f"multilateral: {org.name}",
                    request.app.state.kb.articles(tag=org.id, limit=50))

    @app.get("/feeds/state/{ident}.atom", tags=["feeds"],
             summary="Atom feed of articles about a state.")
    def state_articles(request: Request, ident: str) -> Response:
        state = request.app.state.kb.state(ident)
        return feed(request, f"multilateral: {state.name}",
                    request.app.state.kb.articles(tag=state.id, limit=50))
