"""The changes the news reports (`KnowledgeBase.changes`): a page, its JSON twin
(`/changes.json`) and an Atom feed (`/changes.atom`), from one call to the library."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from multilateral.web.feeds import changes_atom
from multilateral.web.openapi import media
from multilateral.web.openapi import page as answers
from multilateral.web.render import page

router = APIRouter()
Since = Annotated[str | None, Query(description="Only changes last seen on or after this "
                                    "date (YYYY, YYYY-MM or YYYY-MM-DD).")]
Org = Annotated[str | None, Query(description="Only changes about this organization.")]
Limit = Annotated[int, Query(ge=1, le=500, description="At most this many, most stories "
                             "first; `more` says whether there are others.")]


def _report(request: Request, since: str | None, org: str | None, limit: int
            ) -> dict[str, Any]:
    result: dict[str, Any] = request.app.state.kb.changes(since=since or None,
                                                          org=org or None,
                                                          limit=limit).as_dict()
    return result


def _query(request: Request) -> str:
    return f"?{request.url.query}" if request.url.query else ""


@router.get("/changes", summary="What the news reports that the knowledge base does not "
            "hold, or contradicts as of the story's date. Add `.json` to the path for the "
            "JSON twin; `/changes.atom` is its feed.", response_class=HTMLResponse,
            responses=answers(400, 404, 409))
def changes(request: Request, since: Since = None, org: Org = None,
            limit: Limit = 50) -> Response:
    return page(request, "changes.html", _report(request, since, org, limit),
                feed="/changes.atom" + _query(request))


@router.get("/changes.atom", tags=["feeds"], summary="Atom feed of the changes the news "
            "reports.", response_class=Response,
            responses=media("application/atom+xml", "The feed.", 400, 404, 409))
def changes_feed(request: Request, since: Since = None, org: Org = None,
                 limit: Limit = 50) -> Response:
    base = str(request.base_url).rstrip("/")
    body = changes_atom("multilateral: changes the news reports", str(request.url), base,
                        _report(request, since, org, limit)["changes"])
    links = {"text/html": "/changes", "application/json": "/changes.json"}
    header = ", ".join(f'<{url}{_query(request)}>; rel="alternate"; type="{media_type}"'
                       for media_type, url in links.items())
    return Response(body, media_type="application/atom+xml", headers={"Link": header})
