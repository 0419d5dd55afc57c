"""ASGI middlewares every request passes: JSON twins, HEAD as GET, security headers.

Every page has a JSON twin: the same URL with `.json` added (`/org/SCO.json`).

A small ASGI middleware strips the suffix before routing and remembers it, so that
each view is written once and `respond` picks the template or the JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

JSON_KEY = "multilateral.json"
# Paths whose own name ends in .json (FastAPI's schema) stay as they are.
_KEEP = ("/openapi.json",)


class JsonSuffix:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path: str = scope["path"]
            if path.endswith(".json") and path not in _KEEP:
                path = path[: -len(".json")]
                if path in ("", "/index"):
                    path = "/"
                scope = {**scope, "path": path, "raw_path": path.encode(), JSON_KEY: True}
        await self.app(scope, receive, send)


def is_twin(scope: Mapping[str, Any]) -> bool:
    """Was the page asked for as its JSON twin?"""
    return bool(scope.get(JSON_KEY))


def error_as_json(scope: Mapping[str, Any]) -> bool:
    """Errors in JSON for the twins, the API and any client that does not ask for HTML."""
    if scope.get(JSON_KEY) or scope["path"].startswith(("/api/", "/reconcile")):
        return True
    accept = dict(scope.get("headers") or []).get(b"accept", b"").decode()
    return "text/html" not in accept


# No script runs on our pages (none is needed), so article text can never run even if it
# were mis-escaped. /docs is FastAPI's Swagger page, which needs its script.
CSP = ("default-src 'self'; script-src 'none'; object-src 'none'; style-src 'self'; "
       "img-src 'self' data:; frame-ancestors 'none'")


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/docs"):
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Content-Security-Policy", CSP)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "same-origin")
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
