"""An OpenRefine reconciliation service (Reconciliation API 0.2) for organization and
state names: GET /reconcile gives the manifest, `queries` (GET or POST form) the matches."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse

from multilateral.kb import KnowledgeBase
from multilateral.web.auth import WebError
from multilateral.web.openapi import errors

router = APIRouter(tags=["reconciliation"])
TYPES = [{"id": "organization", "name": "International organization"},
         {"id": "state", "name": "State"}]
MAX_QUERIES = 200
# The Reconciliation API asks services to allow calls from any origin (browser clients).
CORS = {"Access-Control-Allow-Origin": "*"}


def manifest(base: str) -> dict[str, Any]:
    return {
        "versions": ["0.2"],
        "name": "multilateral: international organizations and states",
        "identifierSpace": f"{base}/entity/",
        "schemaSpace": f"{base}/types/",
        "defaultTypes": TYPES,
        "view": {"url": f"{base}/entity/{{{{id}}}}"},
    }


def _answer(kb: KnowledgeBase, query: dict[str, Any]) -> dict[str, Any]:
    text = str(query.get("query") or "").strip()
    wanted = query.get("type")
    limit = min(int(query.get("limit") or 5), 25)
    kinds = [wanted] if wanted in ("organization", "state") else ["organization", "state"]
    found: list[dict[str, Any]] = []
    for kind in kinds:
        for entity, score, sure in kb.match(text, kind, limit) if text else []:
            found.append({"id": entity.id, "name": entity.name, "score": score, "match": sure,
                          "type": [t for t in TYPES if t["id"] == kind]})
    found.sort(key=lambda r: -r["score"])
    if sum(1 for r in found if r["match"]) > 1:  # the same name for an org and a state
        for r in found:
            r["match"] = False
    return {"result": found[:limit]}


def _run(request: Request, queries: str | None) -> JSONResponse:
    base = str(request.base_url).rstrip("/")
    if not queries:
        return JSONResponse(manifest(base), headers=CORS)
    try:
        batch = json.loads(queries)
    except ValueError as exc:
        raise WebError(400, "invalid_input", f"`queries` is not valid JSON: {exc}.") from None
    if not isinstance(batch, dict) or not all(isinstance(q, dict) for q in batch.values()):
        raise WebError(400, "invalid_input", "`queries` must be a JSON object of "
                       "{\"q0\": {\"query\": \"...\", \"type\": \"state\"}, ...}.")
    if len(batch) > MAX_QUERIES:
        raise WebError(400, "invalid_input", f"At most {MAX_QUERIES} queries per request.")
    kb: KnowledgeBase = request.app.state.kb
    return JSONResponse({key: _answer(kb, query) for key, query in batch.items()},
                        headers=CORS)


@router.get("/reconcile", summary="Reconciliation manifest, or answers to `queries`.",
            responses=errors(400, 422))
def reconcile_get(request: Request, queries: str | None = None) -> JSONResponse:
    return _run(request, queries)


@router.post("/reconcile", summary="Answers to a batch of reconciliation `queries`.",
             responses=errors(400, 413, 422))
def reconcile_post(request: Request,
                   queries: Annotated[str | None, Form()] = None) -> JSONResponse:
    return _run(request, queries)
