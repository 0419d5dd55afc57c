"""ASGI middlewares every request passes: twins, HEAD as GET, a limit on request bodies,
CORS on reads, security headers.

Every page has a JSON twin: the same URL with `.json` added (`/org/SCO.json`), and a
page that holds a table a CSV twin (`/org/SCO/members.csv`).

A small ASGI middleware strips the suffix before routing and remembers it, so that
each view is written once and `page` picks the template, the JSON or the CSV.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TWIN_KEY = "multilateral.twin"  # "json" or "csv"
# Paths whose own name ends in .json (FastAPI's schema) stay as they are.
_KEEP = ("/openapi.json",)
_SUFFIXES = {".json": "json", ".csv": "csv"}


class Twins:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path: str = scope["path"]
            for suffix, twin in _SUFFIXES.items():
                if path.endswith(suffix) and path not in _KEEP:
                    path = path[: -len(suffix)]
                    if path in ("", "/index"):
                        path = "/"
                    scope = {**scope, "path": path, "raw_path": path.encode(), TWIN_KEY: twin}
                    break
        await self.app(scope, receive, send)


def twin(scope: Mapping[str, Any]) -> str | None:
    """"json" or "csv" when the page was asked for as that twin, else None."""
    found = scope.get(TWIN_KEY)
    return str(found) if found else None


def is_twin(scope: Mapping[str, Any]) -> bool:
    """Was the page asked for as its JSON (or CSV) twin?"""
    return twin(scope) is not None


def error_as_json(scope: Mapping[str, Any]) -> bool:
    """Errors in JSON for the twins, the API and any client that does not ask for HTML."""
    if is_twin(scope) or scope["path"].startswith(("/api/", "/reconcile")):
        return True
    accept = dict(scope.get("headers") or []).get(b"accept", b"").decode()
    return "text/html" not in accept


def asks_for_json(scope: Mapping[str, Any]) -> bool:
    """A client that names application/json in Accept and not text/html gets a page's JSON
    twin at the page's own URL (a browser, or one that sends */*, gets the page)."""
    accept = dict(scope.get("headers") or []).get(b"accept", b"").decode("latin-1")
    return "application/json" in accept and "text/html" not in accept


# No script runs on our pages (none is needed), so article text can never run even if it
# were mis-escaped. /docs is FastAPI's Swagger page, which needs its script.
CSP = ("default-src 'self'; script-src 'none'; object-src 'none'; style-src 'self'; "
       "img-src 'self' data:; frame-ancestors 'none'")
# Built once: each response only gets those of them it does not set itself.
_SECURITY = ((b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
             (b"referrer-policy", b"same-origin"))
_CORS = ((b"access-control-allow-origin", b"*"),
         (b"access-control-expose-headers", b"Link, Retry-After"))


def _add_missing(message: Message, wanted: tuple[tuple[bytes, bytes], ...]) -> None:
    headers: list[tuple[bytes, bytes]] = list(message.get("headers", ()))
    present = {name.lower() for name, _ in headers}
    message["headers"] = headers + [pair for pair in wanted if pair[0] not in present]


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/docs"):
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                _add_missing(message, _SECURITY)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """Answer HEAD (feed readers and link checkers ask it) as GET, without the body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def body_limit(max_article_bytes: int) -> int:
    """The largest request body: an article of the largest size, as a JSON string (which
    may spell a character in up to three times its UTF-8 bytes: "\\u0439" for "й"),
    plus 64 KiB for the rest of the envelope."""
    return 3 * max_article_bytes + 64 * 1024


def too_large_message(limit: int) -> str:
    return (f"The request body is over {limit} bytes, the most this server reads; articles "
            "are limited by the max_article_bytes setting (MULTILATERAL_MAX_ARTICLE_BYTES).")


class BodyLimit:
    """Refuse a body over `limit` bytes with 413: from its Content-Length before a byte is
    read, or, for a body sent in chunks, as soon as the count passes the limit. Either way
    before the view runs, so before any token is looked up (FastAPI reads the body before
    it solves the dependencies). `refuse` renders the error in the site's one shape."""

    def __init__(self, app: ASGIApp, limit: int,
                 refuse: Callable[[Request, int, str], Response]) -> None:
        self.app = app
        self.limit = limit
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = next((value for name, value in scope["headers"]
                         if name == b"content-length"), None)
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            response = self.refuse(Request(scope), 413, too_large_message(self.limit))
            await response(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:  # handled by the app's HTTPException handler
                    raise HTTPException(413, too_large_message(self.limit))
            return message

        await self.app(scope, counted, send)


# Reads are open to pages of other sites (a researcher's notebook, a map): no credentials
# go with a `*` origin, so editors' pages and the API's writes are left out.
_NOT_READS = ("/api/", "/review", "/login", "/logout")


class ReadCors:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") \
                or scope["path"].startswith(_NOT_READS):
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                _add_missing(message, _CORS)
            await send(message)

        await self.app(scope, receive, send_with_headers)
