"""The JSON API's writes; every read is a page's `.json` twin. Writes need a token in
the Authorization header: an editor's (or an admin's); a reader's is refused with 403."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from multilateral.kb import KnowledgeBase
from multilateral.model.access import Token
from multilateral.model.dates import parse_optional
from multilateral.web.auth import require
from multilateral.web.openapi import (
    WRITE,
    FeaturedArticle,
    IngestAnswer,
    MadeToken,
    PathId,
    ReviewAnswer,
    Revoked,
    StoredId,
    TokenInfo,
    TokenList,
    answer,
    batch_answers,
)

router = APIRouter(prefix="/api", tags=["writes"])
Editor = Annotated[Token, Depends(require("editor"))]


class IngestRequest(BaseModel):
    source: str = Field(description="Where the article comes from: its URL or file name.")
    content: str = Field(description="The article itself, HTML or plain text.")
    published: str | None = Field(
        None, description="The article's date (YYYY-MM-DD, or YYYY-MM, YYYY) when the page "
                          "does not state it or states it wrongly; relative dates such as "
                          "'yesterday' resolve against it.")


class ReviewRequest(BaseModel):
    action: Literal["accept", "edit", "reject"]
    fact: dict[str, Any] | None = Field(
        None, description="For edit: the corrected fact, in the format of docs/FACTS.md.")


class FeatureRequest(BaseModel):
    featured: bool = True


def _kb(request: Request) -> KnowledgeBase:
    kb: KnowledgeBase = request.app.state.kb
    return kb


@router.post("/articles", summary="Read an article and store its facts for review (editor).",
             response_model=None, responses=answer(IngestAnswer, *WRITE, 400, 413))
def ingest(request: Request, body: IngestRequest, token: Editor) -> dict[str, Any]:
    # The article comes in the request: the server reads no path or URL on a client's word.
    return _kb(request).ingest_content(body.source, body.content.encode("utf-8"),
                                       published=parse_optional(body.published)).as_dict()


@router.post("/candidates/{candidate_id}/review",
             summary="Accept, edit or reject a candidate fact (editor).", response_model=None,
             responses=answer(ReviewAnswer, *WRITE, 400, 404, 413))
def review(request: Request, candidate_id: PathId, body: ReviewRequest,
           token: Editor) -> dict[str, Any]:
    return _kb(request).review(candidate_id, body.action, body.fact,
                               reviewer=token.name or f"token {token.id}").as_dict()


class BatchReviewRequest(BaseModel):
    accept: list[StoredId] = Field(default_factory=list, description="Candidates to accept.")
    reject: list[StoredId] = Field(default_factory=list, description="Candidates to reject.")
    accept_above: float | None = Field(
        None, ge=0, le=1, description="Also accept every pending candidate at or above this "
                                      "confidence.")
    article_id: StoredId | None = Field(None,
                                        description="With accept_above: only this article's.")


# The batch policy (`batch_exit_code`: 0 all done, 1 some failed, 2 all failed) as HTTP.
BATCH_STATUS = {0: 200, 1: 207, 2: 422}


@router.post("/review", summary="Several review decisions at once (editor); one that cannot "
                                "be made is listed and the rest go on: 200 all made, 207 some, "
                                "422 none.",
             response_model=None, responses=batch_answers())
def review_batch(request: Request, body: BatchReviewRequest, token: Editor) -> JSONResponse:
    batch = _kb(request).review_batch(accept=body.accept, reject=body.reject,
                                      accept_above=body.accept_above,
                                      article_id=body.article_id,
                                      reviewer=token.name or f"token {token.id}")
    return JSONResponse(batch.as_dict(), status_code=BATCH_STATUS[batch.exit_code])


@router.post("/articles/{article_id}/feature", summary="Feature an article or not (editor).",
             response_model=None, responses=answer(FeaturedArticle, *WRITE, 404, 413))
def feature(request: Request, article_id: PathId, body: FeatureRequest,
            token: Editor) -> dict[str, Any]:
    kb = _kb(request)
    kb.feature(article_id, body.featured)
    return kb.article(article_id)


Admin = Annotated[Token, Depends(require("admin"))]


class TokenRequest(BaseModel):
    role: Literal["reader", "editor", "admin"]
    name: str | None = None


@router.post("/tokens", summary="Make a token (admin); its secret is in this answer only.",
             response_model=None, responses=answer(MadeToken, *WRITE, 413))
def create_token(request: Request, body: TokenRequest, token: Admin) -> dict[str, Any]:
    made, secret = _kb(request).create_token(body.role, body.name)
    return {"id": made.id, "role": made.role, "name": made.name, "token": secret}


@router.get("/tokens", summary="The tokens made, without their secrets (admin).",
            response_model=None, responses=answer(TokenList, *WRITE))
def list_tokens(request: Request, token: Admin) -> dict[str, Any]:
    return {"tokens": _kb(request).list_tokens()}


@router.delete("/tokens/{token_id}", summary="Revoke a token (admin).", response_model=None,
               responses=answer(Revoked, *WRITE, 404))
def revoke_token(request: Request, token_id: PathId, token: Admin) -> dict[str, Any]:
    _kb(request).revoke_token(token_id)
    return {"id": token_id, "revoked": True}


@router.get("/whoami", summary="The role of the token sent.", response_model=None,
            responses=answer(TokenInfo, *WRITE))
def whoami(token: Annotated[Token, Depends(require("reader"))]) -> dict[str, Any]:
    return {"id": token.id, "role": token.role, "name": token.name}
