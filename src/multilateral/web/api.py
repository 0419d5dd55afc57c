"""The JSON API's writes; every read is a page's `.json` twin. Writes need a token in
the Authorization header: an editor's (or an admin's); a reader's is refused with 403."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from multilateral.kb import KnowledgeBase
from multilateral.store.tokens import Token
from multilateral.web.auth import WebError, require

router = APIRouter(prefix="/api", tags=["writes"])
Editor = Annotated[Token, Depends(require("editor"))]


class IngestRequest(BaseModel):
    paths: list[str] = Field(description="Paths (on the server) or URLs of articles to read.")


class ReviewRequest(BaseModel):
    action: Literal["accept", "edit", "reject"]
    fact: dict[str, Any] | None = Field(
        None, description="For edit: the corrected fact, in the format of docs/FACTS.md.")


class FeatureRequest(BaseModel):
    featured: bool = True


def _kb(request: Request) -> KnowledgeBase:
    kb: KnowledgeBase = request.app.state.kb
    return kb


@router.post("/articles", summary="Read articles into the knowledge base (editor).")
def ingest(request: Request, body: IngestRequest, token: Editor) -> dict[str, Any]:
    kb = _kb(request)
    reader = getattr(kb, "ingest", None)
    if reader is None:
        raise WebError(501, "not_implemented",
                       "This installation cannot read articles yet (no ingest pipeline).")
    report = reader(body.paths)
    result: dict[str, Any] = report.as_dict()
    return result


@router.post("/candidates/{candidate_id}/review",
             summary="Accept, edit or reject a candidate fact (editor).")
def review(request: Request, candidate_id: int, body: ReviewRequest,
           token: Editor) -> dict[str, Any]:
    return _kb(request).review(candidate_id, body.action, body.fact,
                               reviewer=token.name or f"token {token.id}")


@router.post("/articles/{article_id}/feature", summary="Feature an article or not (editor).")
def feature(request: Request, article_id: int, body: FeatureRequest,
            token: Editor) -> dict[str, Any]:
    return _kb(request).feature(article_id, body.featured)


@router.get("/whoami", summary="The role of the token sent.")
def whoami(token: Annotated[Token, Depends(require("reader"))]) -> dict[str, Any]:
    return {"id": token.id, "role": token.role, "name": token.name}
