"""One error shape for every error, pinned by tests/test_web_errors.py:

    {"error": {"status": 404, "code": "unknown_entity", "message": "Unknown ..."}}

(plus "details" for a malformed request). Pages get the same message as HTML.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from multilateral.errors import MultilateralError
from multilateral.web.middleware import error_as_json
from multilateral.web.render import html, json_response

log = logging.getLogger(__name__)

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 409: "conflict", 422: "invalid_request",
          429: "too_many_requests", 501: "not_implemented"}


def error_body(status: int, code: str, message: str, details: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {"status": status, "code": code, "message": message}
    if details is not None:
        body["details"] = details
    return {"error": body}


def _respond(request: Request, status: int, code: str, message: str, details: Any = None,
             headers: Mapping[str, str] | None = None) -> Response:
    body = error_body(status, code, message, details)
    if error_as_json(request.scope):
        return json_response(body, status, dict(headers or {}))
    return html(request, "error.html", {"error": body["error"], "token": None}, status,
                dict(headers or {}))


def install(app: FastAPI) -> None:
    @app.exception_handler(MultilateralError)
    async def domain(request: Request, exc: MultilateralError) -> Response:
        return _respond(request, exc.status, exc.code, exc.message,
                        headers=getattr(exc, "headers", None))

    @app.exception_handler(HTTPException)
    async def http(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"No page at {request.url.path}. The site's pages start at /."
        return _respond(request, exc.status_code, _CODES.get(exc.status_code, "error"),
                        message, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = [{"where": ".".join(str(part) for part in err["loc"]), "problem": err["msg"]}
                   for err in exc.errors()]
        first = details[0] if details else {"where": "request", "problem": "invalid"}
        return _respond(request, 422, "invalid_request",
                        f"Invalid request: {first['where']}: {first['problem']}.", details)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("Unhandled error on %s", request.url.path)
        return _respond(request, 500, "internal_error",
                        "Something went wrong on our side; the error is logged.")
