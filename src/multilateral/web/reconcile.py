"""An OpenRefine reconciliation service (Reconciliation API 0.2) for organizations and
states: GET /reconcile gives the manifest, `queries` (GET or POST form) the matches,
`extend` the data extension (web/extension.py); beside it a preview of each entity, an
entity suggest service and the data extension's property proposals.

A query may name a Wikidata id instead of (or beside) a name: as its `query` ("Q148" or
the entity's URI) or as the property `wikidata`. States carry their Wikidata ids (from the
OWID crosswalk), organizations those a page showed (hand/wikidata_orgs.csv); a type that
holds none says so in the answer."""

from __future__ import annotations

import json
import re
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from multilateral.errors import InvalidInput, MultilateralError
from multilateral.kb import KnowledgeBase
from multilateral.model.membership import Ref
from multilateral.web import extension
from multilateral.web.openapi import errors, media
from multilateral.web.render import html

router = APIRouter(tags=["reconciliation"])
TYPES = [{"id": kind, "name": name} for kind, name in extension.TYPES.items()]
MAX_QUERIES = 200
MAX_LIMIT = 25
# The Reconciliation API asks services to allow calls from any origin (browser clients).
CORS = {"Access-Control-Allow-Origin": "*"}
# A preview is shown in an <iframe> of the client's page (OpenRefine's), on any origin.
PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *"
QID = re.compile(r"^(?:https?://(?:www\.)?wikidata\.org/(?:entity|wiki)/)?(Q[1-9][0-9]*)$",
                 re.IGNORECASE)


def manifest(base: str) -> dict[str, Any]:
    return {
        "versions": ["0.2"],
        "name": "multilateral: international organizations and states",
        "identifierSpace": f"{base}/entity/",
        "schemaSpace": f"{base}/types/",
        "documentation": f"{base}/docs",
        "defaultTypes": TYPES,
        "view": {"url": f"{base}/entity/{{{{id}}}}"},
        "preview": {"url": f"{base}/reconcile/preview?id={{{{id}}}}", "width": 400,
                    "height": 160},
        "suggest": {"entity": {"service_url": base,
                               "service_path": "/reconcile/suggest/entity"}},
        "extend": {"propose_properties": {"service_url": base,
                                          "service_path": "/reconcile/properties"},
                   "property_settings": extension.SETTINGS},
        "batchSize": MAX_QUERIES,
    }


def _type(kind: str) -> list[dict[str, str]]:
    return [t for t in TYPES if t["id"] == kind]


def _kinds(wanted: Any) -> list[str]:
    """The types a query asks for: a type id, or a list of ids or type objects; none (or
    none we know) means both."""
    items = wanted if isinstance(wanted, list) else [wanted]
    ids = {item.get("id") if isinstance(item, dict) else item for item in items}
    return [kind for kind in extension.TYPES if kind in ids] or list(extension.TYPES)


def _limit(query: dict[str, Any]) -> int:
    given = query.get("limit")
    if given is None:
        return 5
    if not isinstance(given, int) or isinstance(given, bool) or given < 1:
        raise InvalidInput(f"A query's `limit` must be a positive whole number, not "
                           f"{json.dumps(given)}.")
    return min(given, MAX_LIMIT)


def _wikidata(query: dict[str, Any], text: str) -> str | None:
    """The Wikidata id a query names: as its text, or as the property `wikidata`."""
    for prop in query.get("properties") or []:
        if isinstance(prop, dict) and prop.get("pid") == "wikidata":
            given = prop.get("v")
            values: list[Any] = given if isinstance(given, list) else [given]
            for value in values:
                value = value.get("id") if isinstance(value, dict) else value
                if isinstance(value, str) and (found := QID.match(value.strip())):
                    return found.group(1).upper()
    found = QID.match(text)
    return found.group(1).upper() if found else None


class Batch:
    """One batch's answers; what the knowledge base holds of Wikidata ids is asked once."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._held: dict[str, bool] = {}

    def holds_wikidata(self, kind: str) -> bool:
        if kind not in self._held:
            self._held[kind] = bool(self.kb.wikidata_ids(kind))
        return self._held[kind]

    def answer(self, query: dict[str, Any]) -> dict[str, Any]:
        text = str(query.get("query") or "").strip()
        kinds = _kinds(query.get("type"))
        limit = _limit(query)
        qid = _wikidata(query, text)
        if qid:
            by_id = self._by_wikidata(qid, kinds)
            if by_id["result"] or text.upper() == qid or QID.match(text):
                return by_id
            return {**self._by_name(text, kinds, limit), "note": by_id["note"]}
        return self._by_name(text, kinds, limit)

    def _by_wikidata(self, qid: str, kinds: list[str]) -> dict[str, Any]:
        found = [(kind, self.kb.by_wikidata(kind, qid)) for kind in kinds]
        hits = [_candidate(ref, 100, True) for _, ref in found if ref is not None]
        if hits:
            return {"result": hits}
        unheld = [kind for kind in kinds if not self.holds_wikidata(kind)]
        note = f"No {' or '.join(kinds)} with Wikidata id {qid} is held."
        if unheld:
            note += (f" The knowledge base holds no Wikidata ids for "
                     f"{' or '.join(k + 's' for k in unheld)} yet: reconcile them by name.")
        return {"result": [], "note": note}

    def _by_name(self, text: str, kinds: list[str], limit: int) -> dict[str, Any]:
        found = [_candidate(ref, score, sure) for kind in kinds
                 for ref, score, sure in (self.kb.match(text, kind, limit) if text else [])]
        found.sort(key=lambda r: -r["score"])
        if sum(1 for r in found if r["match"]) > 1:  # the same name for an org and a state
            for r in found:
                r["match"] = False
        return {"result": found[:limit]}


def _candidate(ref: Ref, score: int, sure: bool) -> dict[str, Any]:
    return {"id": ref.id, "name": ref.name, "score": score, "match": sure,
            "type": _type(ref.type)}


def _json(text: str, name: str, shape: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise InvalidInput(f"`{name}` is not valid JSON: {exc}. It must be {shape}.") from None


def _run(request: Request, queries: str | None, extend: str | None) -> JSONResponse:
    kb: KnowledgeBase = request.app.state.kb
    if extend:
        query = _json(extend, "extend", 'a JSON object of {"ids": [...], "properties": [...]}')
        return JSONResponse(extension.extend(kb, query), headers=CORS)
    if not queries:
        return JSONResponse(manifest(str(request.base_url).rstrip("/")), headers=CORS)
    shape = 'a JSON object of {"q0": {"query": "...", "type": "state"}, ...}'
    batch = _json(queries, "queries", shape)
    if not isinstance(batch, dict) or not all(isinstance(q, dict) for q in batch.values()):
        raise InvalidInput(f"`queries` must be {shape}.")
    if len(batch) > MAX_QUERIES:
        raise InvalidInput(f"At most {MAX_QUERIES} queries per request.")
    answers = Batch(kb)
    return JSONResponse({key: answers.answer(query) for key, query in batch.items()},
                        headers=CORS)


Extend = "A data extension query: {\"ids\": [...], \"properties\": [{\"id\": ...}]}."


@router.get("/reconcile", summary="Reconciliation manifest, or answers to `queries`, or the "
            "data extension `extend`.", responses=errors(400, 404, 409, 422))
def reconcile_get(request: Request, queries: str | None = None,
                  extend: Annotated[str | None, Query(description=Extend)] = None
                  ) -> JSONResponse:
    return _run(request, queries, extend)


@router.post("/reconcile", summary="Answers to a batch of reconciliation `queries`, or the "
             "data extension `extend`.", responses=errors(400, 404, 409, 413, 422))
def reconcile_post(request: Request, queries: Annotated[str | None, Form()] = None,
                   extend: Annotated[str | None, Form(description=Extend)] = None
                   ) -> JSONResponse:
    return _run(request, queries, extend)


@router.get("/reconcile/preview", summary="A small HTML preview of an entity, for an iframe.",
            response_class=HTMLResponse,
            responses=media("text/html", "The preview.", 404, 409))
def preview(request: Request, id: str) -> HTMLResponse:  # the spec's name
    kb: KnowledgeBase = request.app.state.kb
    ref = extension.entity(kb, id)
    if ref is None:
        raise extension.unknown(id)
    qid = kb.wikidata_ids(ref.type, [ref.id]).get(ref.id)
    summary: dict[str, Any]
    if ref.type == "organization":
        try:
            summary = {"counts": kb.members(ref.id).counts}
        except MultilateralError:  # dissolved: the preview still names it
            summary = {"counts": {}}
    else:
        held = kb.memberships(ref.id)
        summary = {"member_of": [st.subject for st in held.certain if st.has("member")]}
    response = html(request, "reconcile_preview.html",
                    {"entity": ref, "kind": extension.TYPES[ref.type], "wikidata": qid,
                     "on": str(kb.today), **summary, "token": None})
    response.headers["Content-Security-Policy"] = PREVIEW_CSP
    response.headers.update(CORS)
    return response


@router.get("/reconcile/suggest/entity", summary="Organizations and states whose names "
            "contain `prefix`, shortest names first (the entity suggest service).",
            responses=errors(422))
def suggest_entity(request: Request, prefix: str = "",
                   cursor: Annotated[int, Query(ge=0, le=10_000)] = 0) -> JSONResponse:
    kb: KnowledgeBase = request.app.state.kb
    return JSONResponse(extension.suggest(kb, prefix, cursor), headers=CORS)


@router.get("/reconcile/properties", summary="The properties data extension offers for a "
            "type (`organization` or `state`).", responses=errors(400, 422))
def properties(request: Request, type: str,  # the spec's name
               limit: Annotated[int | None, Query(ge=1, le=100)] = None) -> JSONResponse:
    kb: KnowledgeBase = request.app.state.kb
    return JSONResponse(extension.propose(kb, type, limit), headers=CORS)
