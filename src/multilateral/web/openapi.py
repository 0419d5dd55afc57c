"""What the OpenAPI document says each route answers: the one error shape as a schema, the
error statuses a route can give, the media types of pages (HTML, or JSON and CSV for their
twins) and the bodies of the API's writes. Models here document; they do not filter what a
view returns (routes take them in `responses`, never as `response_model`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path, Query
from pydantic import BaseModel, Field

# Ids are 32-bit integers in the store (PostgreSQL's INTEGER): a larger number is refused as
# malformed (422), not sent to the database (which cannot take it).
MAX_ID = 2**31 - 1
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
QueryId = Annotated[int | None, Query(ge=1, le=MAX_ID)]
StoredId = Annotated[int, Field(ge=1, le=MAX_ID)]

# -- the one error shape ------------------------------------------------------


class ErrorDetail(BaseModel):
    where: str = Field(description="The part of the request at fault (`query.on`, `body.role`).")
    problem: str


class ErrorBody(BaseModel):
    status: int = Field(description="The HTTP status again.")
    code: str = Field(description="A stable name for the error: `unknown_entity`, "
                                  "`invalid_date`, `unauthorized`, ...")
    message: str = Field(description="What went wrong and what to do.")
    details: list[ErrorDetail] | None = Field(
        None, description="For a malformed request (422): each field at fault.")


class Error(BaseModel):
    """Every error, from every route: `{"error": {"status", "code", "message"}}`."""

    error: ErrorBody


_WHY = {
    303: "A browser without a session is sent to /login.",
    400: "A value that cannot be used: a date not in YYYY, YYYY-MM or YYYY-MM-DD (`on`, an "
         "article's `published`), a status "
         "not in the vocabulary, a date the organization did not exist on, a bad batch.",
    401: "No token, or a token that is not valid (unknown or revoked).",
    403: "A token whose role cannot do this.",
    404: "No such organization, state, article, candidate or token.",
    409: "A name that fits several entities: the message lists them.",
    413: "A request body over the limit (the max_article_bytes setting).",
    422: "A malformed request, or one the knowledge base cannot carry out.",
    429: "Too many wrong tokens from this address or for this token: wait `Retry-After`.",
    503: "The database cannot be reached.",
}
_ERROR_SCHEMA = {"$ref": "#/components/schemas/Error"}


def errors(*statuses: int, html: bool = False) -> dict[int | str, dict[str, Any]]:
    """Error responses in the one shape. `html`: a page, whose errors a browser (Accept:
    text/html) gets as an HTML page and any other client as JSON."""
    found: dict[int | str, dict[str, Any]] = {}
    for status in (*statuses, 503):
        if status == 303:
            found[303] = {"description": _WHY[303],
                          "headers": {"Location": {"schema": {"type": "string"}}}}
            continue
        content: dict[str, Any] = {"application/json": {"schema": _ERROR_SCHEMA}}
        if html:
            content["text/html"] = {"schema": {"type": "string"}}
        found[status] = {"description": _WHY[status], "model": Error, "content": content}
    return found


# -- pages --------------------------------------------------------------------

_JSON_TWIN = {"schema": {"type": "object", "description": "The page's data: the `.json` twin, "
                                                          "or Accept: application/json."}}
_CSV_TWIN = {"schema": {"type": "string", "description": "The page's table: the `.csv` twin."}}


def page(*statuses: int, csv: bool = False) -> dict[int | str, dict[str, Any]]:
    """A page's answers: HTML by default, its data as JSON for the `.json` twin or a client
    that asks for application/json, its table as CSV for the `.csv` twin (`csv`)."""
    content: dict[str, Any] = {"text/html": {"schema": {"type": "string"}},
                               "application/json": _JSON_TWIN}
    if csv:
        content["text/csv"] = _CSV_TWIN
    return {200: {"description": "The page, or its twin.", "content": content},
            **errors(*statuses, 422, html=True)}


def media(media_type: str, description: str, *statuses: int) -> dict[int | str, dict[str, Any]]:
    """An answer in one media type that is not JSON (an SVG chart, an Atom feed)."""
    return {200: {"description": description,
                  "content": {media_type: {"schema": {"type": "string"}}}},
            **errors(*statuses, 422, html=True)}


# -- the API's writes -----------------------------------------------------------


class IngestAnswer(BaseModel):
    source: str
    article_id: int | None = Field(description="The stored article's id.")
    created: bool = Field(description="False when the same text was stored before.")
    facts: int = Field(description="Candidate facts found, waiting for review.")
    error: str | None


class KnowledgeBaseEntry(BaseModel):
    fact_type: str | None
    fact_id: int | None


class ReviewAnswer(BaseModel):
    candidate: dict[str, Any] = Field(description="The candidate after the decision.")
    action: str
    knowledge_base: KnowledgeBaseEntry = Field(description="The fact the decision recorded.")
    conflicts: list[str]
    note: str | None


class BatchAnswer(BaseModel):
    reviewed: list[ReviewAnswer]
    errors: list[str] = Field(description="The decisions that could not be made, and why.")


class FeaturedArticle(BaseModel):
    id: int
    featured: bool
    title: str | None


class TokenInfo(BaseModel):
    id: int
    role: str
    name: str | None


class MadeToken(TokenInfo):
    token: str = Field(description="The secret: shown in this answer only.")


class TokenList(BaseModel):
    tokens: list[dict[str, Any]]


class Revoked(BaseModel):
    id: int
    revoked: bool


def answer(model: type[BaseModel], *statuses: int,
           description: str = "Done.") -> dict[int | str, dict[str, Any]]:
    """A JSON API route's answers: `model` on 200, and its errors."""
    return {200: {"description": description, "model": model}, **errors(*statuses, 422)}


def batch_answers() -> dict[int | str, dict[str, Any]]:
    """The batch review: 200 all made, 207 some; 422 is a malformed request (the error
    shape) or a batch none of whose decisions could be made (the batch's own answer)."""
    found = answer(BatchAnswer, *WRITE, 400, 413, description="All made.")
    found[207] = {"description": "Some made; `errors` says which not.", "model": BatchAnswer}
    found[422] = {"description": "A malformed request, or none of the decisions made.",
                  "content": {"application/json": {"schema": {"anyOf": [
                      _ERROR_SCHEMA, {"$ref": "#/components/schemas/BatchAnswer"}]}}}}
    return found


WRITE = (401, 403, 429)  # every write: a token, of a role that may make it
