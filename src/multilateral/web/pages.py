"""The site's pages. Each view asks the library, then `page` renders the template or,
for the same URL with `.json`, returns the same data as JSON."""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from multilateral.errors import MultilateralError, UnknownEntity
from multilateral.kb import KnowledgeBase
from multilateral.model import tables
from multilateral.model.access import Token
from multilateral.model.fact_form import submitted_fact
from multilateral.web.auth import (
    WebError,
    check_csrf,
    check_secret,
    log_in,
    log_out,
    require,
)
from multilateral.web.chart import legend, timeline_svg
from multilateral.web.markup import highlight
from multilateral.web.openapi import MAX_ID, PathId, QueryId, errors, media
from multilateral.web.openapi import page as answers
from multilateral.web.render import Sections, html, page

router = APIRouter()
log = logging.getLogger(__name__)
On = Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD (default: today)")]
JSON_NOTE = " Add `.json` to the path for the JSON twin."
CSV_NOTE = JSON_NOTE[:-1] + ", `.csv` for its table as CSV."


def _kb(request: Request) -> KnowledgeBase:
    kb: KnowledgeBase = request.app.state.kb
    return kb


def _by_status(standings: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for standing in standings:
        grouped[standing["status"]].append(standing)
    return dict(grouped)


@router.get("/", summary="Home: recent and featured articles, tags, feeds." + JSON_NOTE,
            response_class=HTMLResponse, responses=answers())
def home(request: Request) -> Response:
    kb = _kb(request)
    data = {"recent": kb.articles(limit=10), "featured": kb.articles(featured=True, limit=5),
            "tags": kb.tags(), "feeds": {"articles": "/feeds/articles.atom",
                                         "organization": "/feeds/org/{id}.atom",
                                         "state": "/feeds/state/{id}.atom"}}
    return page(request, "home.html", data)


@router.get("/articles", summary="Articles, newest first; `tag` is a tag or an organization's "
            "or a state's id." + CSV_NOTE, response_class=HTMLResponse,
            responses=answers(csv=True))
def articles(request: Request, tag: str | None = None, featured: bool | None = None,
             page_number: Annotated[int, Query(alias="page", ge=1, le=MAX_ID // 50)] = 1
             ) -> Response:
    found = _kb(request).articles(tag=tag, featured=featured, limit=50,
                                  offset=50 * (page_number - 1))
    data = {"tag": tag, "featured": featured, "page": page_number, "articles": found}
    return page(request, "articles.html", data, table=lambda: tables.articles_table(found))


@router.get("/articles/{article_id}", summary="An article with its facts." + JSON_NOTE,
            response_class=HTMLResponse, responses=answers(404))
def article(request: Request, article_id: PathId) -> Response:
    kb = _kb(request)
    data = kb.article(article_id)
    try:
        checks: dict[str, Any] | None = kb.article_checks(article_id)
    except MultilateralError as exc:  # the article still reads without its checks
        log.warning("No check of article %s: %s", article_id, exc.message)
        checks = None
    data = {**data, "checks": checks}
    claims = checks["claims"] if checks else []
    return page(request, "article.html", data,
                segments=highlight(data["text"], data["facts"], claims))


@router.get("/org/{ident}", summary="An organization as of a date." + CSV_NOTE,
            response_class=HTMLResponse, responses=answers(400, 404, 409, csv=True))
def organization(request: Request, ident: str, on: On = None) -> Response:
    kb = _kb(request)
    overview = kb.overview(ident, on)
    data = {**overview.as_dict(), "articles": kb.articles(tag=overview.profile.org.id)}
    profile = overview.profile
    sections: Sections = request.app.state.sections
    return page(request, "org.html", data, table=lambda: tables.members_table(overview.members),
                by_status=_by_status(data["members"]["members"]),
                chart=timeline_svg(data["timeline"], data["on"], "/state/"), legend=legend(),
                record_sections=lambda: sections.render(
                    "org_record.html",
                    (profile.chairs, profile.instruments, profile.events, profile.conflicts),
                    {"data": data}))


@router.get("/org/{ident}/members", summary="Members on a date, by status." + CSV_NOTE,
            response_class=HTMLResponse, responses=answers(400, 404, 409, csv=True))
def members(request: Request, ident: str, on: On = None, status: str | None = None
            ) -> Response:
    result = _kb(request).members(ident, on, status)
    data = result.as_dict()
    return page(request, "members.html", data, table=lambda: tables.members_table(result),
                by_status=_by_status(data["members"]))


@router.get("/org/{ident}/history", summary="Every change of status, in order." + CSV_NOTE,
            response_class=HTMLResponse, responses=answers(404, 409, csv=True))
def history(request: Request, ident: str, state: str | None = None) -> Response:
    result = _kb(request).history(ident, state)
    return page(request, "history.html", result.as_dict(),
                table=lambda: tables.history_table(result))


@router.get("/org/{ident}/timeline.svg", summary="The membership timeline as SVG.",
            response_class=Response,
            responses=media("image/svg+xml", "The chart.", 400, 404, 409))
def org_chart(request: Request, ident: str, on: On = None) -> Response:
    svg = timeline_svg(_kb(request).timeline(ident).as_dict(), on, "/state/")
    return Response(str(svg), media_type="image/svg+xml")


@router.get("/state/{ident}", summary="A state's memberships on a date and over time."
            + CSV_NOTE, response_class=HTMLResponse, responses=answers(400, 404, 409, csv=True))
def state(request: Request, ident: str, on: On = None) -> Response:
    kb = _kb(request)
    held = kb.memberships(ident, on)
    timeline = kb.state_timeline(held.state.id).as_dict()
    data = {"state": held.state.as_dict(), "on": str(held.on), "memberships": held.as_dict(),
            "timeline": timeline, "articles": kb.articles(tag=held.state.id)}
    return page(request, "state.html", data, table=lambda: tables.memberships_table(held),
                chart=timeline_svg(timeline, str(held.on), "/org/"), legend=legend())


@router.get("/state/{ident}/timeline.svg", summary="A state's memberships over time as SVG.",
            response_class=Response,
            responses=media("image/svg+xml", "The chart.", 400, 404, 409))
def state_chart(request: Request, ident: str, on: On = None) -> Response:
    svg = timeline_svg(_kb(request).state_timeline(ident).as_dict(), on, "/org/")
    return Response(str(svg), media_type="image/svg+xml")


@router.get("/entity/{ident}", summary="An organization's or a state's page, by id.",
            response_class=RedirectResponse, status_code=303,
            responses={303: {"description": "To the entity's page.",
                             "headers": {"Location": {"schema": {"type": "string"}}}},
                       **errors(404, 422, html=True)})
def entity(request: Request, ident: str) -> Response:
    kb = _kb(request)
    for kind, prefix in (("organization", "/org/"), ("state", "/state/")):
        try:
            found = kb.organization(ident) if kind == "organization" else kb.state(ident)
        except UnknownEntity:
            continue
        return RedirectResponse(prefix + found.id, status_code=303)
    raise UnknownEntity("organization or state", ident, [])


@router.get("/search", summary="Full text over articles and entity names." + CSV_NOTE,
            response_class=HTMLResponse, responses=answers(csv=True))
def search(request: Request, q: str = "") -> Response:
    found = _kb(request).search(q)
    return page(request, "search.html", found, table=lambda: tables.search_table(found))


Editor = Annotated[Token, Depends(require("editor", cookie_ok=True))]


@router.get("/review", summary="Candidate facts waiting for an editor (editor token)."
            + JSON_NOTE, response_class=HTMLResponse,
            responses=answers(303, 401, 403, 429))
def review_queue(request: Request, token: Editor, article_id: QueryId = None) -> Response:
    data = {"candidates": _kb(request).review_queue(article_id)}
    return page(request, "review.html", data, token=token)


@router.post("/review/{candidate_id}", include_in_schema=False)
async def review_form(request: Request, candidate_id: PathId, token: Editor,
                      action: Annotated[str, Form()], csrf_token: Annotated[str, Form()] = "",
                      fact: Annotated[str, Form()] = "") -> Response:
    """The review page's form: the fact's fields (`f.NAME`), or a whole fact as JSON in
    `fact` (for scripts)."""
    check_csrf(request, csrf_token)
    form = await request.form()
    edited = None
    if action == "edit":
        fields = submitted_fact({k: v for k, v in form.items() if isinstance(v, str)})
        edited = fields or _parse_fact(fact)
    await run_in_threadpool(_kb(request).review, candidate_id, action, edited,
                            reviewer=token.name or f"token {token.id}")
    return RedirectResponse("/review", status_code=303)


def _parse_fact(text: str) -> dict[str, Any] | None:
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise WebError(400, "invalid_input", f"The edited fact is not valid JSON: {exc}.") \
            from None
    return value if isinstance(value, dict) else None


@router.post("/articles/{article_id}/feature", include_in_schema=False)
def feature_form(request: Request, article_id: PathId, token: Editor,
                 csrf_token: Annotated[str, Form()] = "",
                 featured: Annotated[str, Form()] = "1") -> Response:
    check_csrf(request, csrf_token)
    _kb(request).feature(article_id, featured == "1")
    return RedirectResponse(f"/articles/{article_id}", status_code=303)


@router.get("/login", include_in_schema=False)
def login_form(request: Request) -> Response:
    return html(request, "login.html", {})


@router.post("/login", include_in_schema=False)
def login(request: Request, token: Annotated[str, Form()],
          csrf_token: Annotated[str, Form()] = "") -> Response:
    check_csrf(request, csrf_token)
    found = check_secret(request, token.strip())
    if found is None:
        raise WebError(401, "unauthorized", "That token is not valid.")
    response = RedirectResponse("/review" if found.allows("editor") else "/", status_code=303)
    log_in(request, response, found)
    return response


@router.post("/logout", include_in_schema=False)
def logout(request: Request, csrf_token: Annotated[str, Form()] = "") -> Response:
    check_csrf(request, csrf_token)
    response = RedirectResponse("/", status_code=303)
    log_out(request, response)
    return response
