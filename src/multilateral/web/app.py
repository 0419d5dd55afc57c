"""The application factory: the site, its JSON twins, the API and the reconciliation
service, over one KnowledgeBase."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from multilateral.kb import KnowledgeBase
from multilateral.settings import (
    FAILURES_ALLOWED,
    HTTPS,
    MAX_ARTICLE_BYTES,
    SECRET_KEY,
    SESSION_HOURS,
    TRUSTED_PROXIES,
    bool_setting,
    int_setting,
)
from multilateral.web import api, changes, docs, errors, pages, reconcile
from multilateral.web.auth import CSRF_COOKIE, SESSION_COOKIE, Throttle, trusted_proxies
from multilateral.web.cache import AnswerCache, Answers
from multilateral.web.feeds import atom
from multilateral.web.middleware import (
    BodyLimit,
    HeadAsGet,
    ReadCors,
    SecurityHeaders,
    Twins,
    body_limit,
)
from multilateral.web.openapi import media
from multilateral.web.render import Sections, make_templates


@dataclass(frozen=True)
class WebSettings:
    """`database`: a URL or path (None: the `database` setting or the default file);
    `today`: the day "today" questions mean (tests pin it); `failures_allowed`: wrong
    tokens in a row from one address (or for one token prefix) before each further wrong
    one waits; `warm_up`: build
    the article reader's name lists at start-up rather than on the first article page;
    `max_article_bytes`: the largest article, which sets the largest request body;
    `https`: the site is served over HTTPS (cookies Secure); `session_hours`: how long an
    editor's login lasts; `secret_key`: the key that signs CSRF tokens (None: one made at
    random for this process); `trusted_proxies`: the proxies whose X-Forwarded-For is
    believed (addresses or networks, separated by commas)."""

    database: str | None = None
    today: dt.date | None = None
    failures_allowed: int = field(default_factory=lambda: int_setting(FAILURES_ALLOWED))
    warm_up: bool = False
    max_article_bytes: int = field(default_factory=lambda: int_setting(MAX_ARTICLE_BYTES))
    https: bool = field(default_factory=lambda: bool_setting(HTTPS))
    session_hours: float = field(default_factory=lambda: int_setting(SESSION_HOURS))
    secret_key: str | None = field(default_factory=SECRET_KEY.from_env)
    trusted_proxies: str | None = field(default_factory=TRUSTED_PROXIES.from_env)


def create_app(settings: WebSettings | None = None) -> FastAPI:
    settings = settings or WebSettings()
    app = FastAPI(
        title="multilateral",
        description="International organizations and their members, over time, with sources. "
                    "Every page has a JSON twin: add `.json` to its path. Errors are "
                    '`{"error": {"status", "code", "message"}}`.',
        version="0.1.0",
        lifespan=_lifespan,
        docs_url=None,  # web/docs.py serves /docs from local assets
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.kb = KnowledgeBase(settings.database, today=settings.today)
    app.state.templates = make_templates()
    app.state.sections = Sections(app.state.templates)
    app.state.throttle = Throttle(allowed=settings.failures_allowed)
    app.state.trusted_proxies = trusted_proxies(settings.trusted_proxies)
    app.state.csrf_key = (settings.secret_key.encode() if settings.secret_key
                          else secrets.token_bytes(32))
    app.mount("/static", StaticFiles(directory=str(Path(__file__).parent / "static")),
              name="static")
    app.include_router(pages.router)
    app.include_router(changes.router)
    app.include_router(api.router)
    app.include_router(reconcile.router)
    docs.install(app)
    _feeds(app)
    errors.install(app)
    app.add_middleware(Twins)
    app.add_middleware(BodyLimit, limit=body_limit(settings.max_article_bytes),
                       refuse=errors.refuse)
    app.state.answers = Answers()
    app.add_middleware(AnswerCache, version=app.state.kb.data_version,
                       answers=app.state.answers, private_cookies=(SESSION_COOKIE, CSRF_COOKIE))
    app.add_middleware(HeadAsGet)
    app.add_middleware(ReadCors)
    app.add_middleware(SecurityHeaders)
    return app


def serving_app() -> FastAPI:
    """The app `multilateral serve` runs in each worker process: settings from the
    environment, the reader's names built before the first request."""
    return create_app(WebSettings(warm_up=True))


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

    atom_feed = media("application/atom+xml", "The feed.")

    @app.get("/feeds/articles.atom", tags=["feeds"], summary="Atom feed of all articles.",
             response_class=Response, responses=atom_feed)
    def all_articles(request: Request) -> Response:
        return feed(request, "multilateral: articles",
                    request.app.state.kb.articles(limit=50, with_facts=True))

    @app.get("/feeds/org/{ident}.atom", tags=["feeds"],
             summary="Atom feed of articles about an organization.", response_class=Response,
             responses=media("application/atom+xml", "The feed.", 404, 409))
    def org_articles(request: Request, ident: str) -> Response:
        org = request.app.state.kb.organization(ident)
        return feed(request, f"multilateral: {org.name}",
                    request.app.state.kb.articles(tag=org.id, limit=50,
                                                              with_facts=True))

    @app.get("/feeds/state/{ident}.atom", tags=["feeds"],
             summary="Atom feed of articles about a state.", response_class=Response,
             responses=media("application/atom+xml", "The feed.", 404, 409))
    def state_articles(request: Request, ident: str) -> Response:
        state = request.app.state.kb.state(ident)
        return feed(request, f"multilateral: {state.name}",
                    request.app.state.kb.articles(tag=state.id, limit=50,
                                                              with_facts=True))
