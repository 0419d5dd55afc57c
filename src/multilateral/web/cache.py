"""Answers served from what is already known: a public page, or its JSON or CSV twin, is
rendered once per data version and then sent from memory.

The data version lives in the database and moves on with every write that can change an
answer (`store.version`), so each server process, on SQLite or PostgreSQL, sees a write
made by any other at its next request. Each answer carries an ETag made of the version
and its bytes; a client that sends it back in If-None-Match gets 304. Requests that may
be personal (a session cookie, an Authorization header) and the writing and editing
paths are never cached.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

PRIVATE_PREFIXES = ("/api/", "/review", "/login", "/logout", "/static/")
MAX_ENTRIES = 2048
MAX_BYTES = 64 * 1024 * 1024
CACHE_CONTROL = b"public, no-cache"  # keep it, but ask each time whether it still holds


@dataclass(frozen=True)
class Answer:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes


class Answers:
    """A bounded store of rendered answers, oldest dropped first; safe across threads."""

    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple[object, ...], Answer] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[object, ...]) -> Answer | None:
        with self._lock:
            answer = self._items.get(key)
            if answer is not None:
                self._items.move_to_end(key)
            return answer

    def put(self, key: tuple[object, ...], answer: Answer) -> None:
        if len(answer.body) > self.max_bytes // 8:
            return  # one huge answer would push out everything else
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._items[key] = answer
            self._bytes += len(answer.body)
            while len(self._items) > self.max_entries or self._bytes > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self._bytes -= len(dropped.body)

    def __len__(self) -> int:
        return len(self._items)


class AnswerCache:
    """ASGI middleware: a GET of a public page is answered from `Answers` while the data
    version is the one it was rendered at."""

    def __init__(self, app: ASGIApp, version: Callable[[], int], answers: Answers,
                 private_cookies: tuple[str, ...] = ()) -> None:
        self.app = app
        self.version = version
        self.answers = answers
        self.private_cookies = private_cookies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        request = Headers(scope=scope)
        key = (scope["path"], scope.get("query_string", b""),
               request.get("accept", ""), self.version())
        answer = self.answers.get(key)
        if answer is None:
            answer = await self._render(scope, receive, send)
            if answer is None:
                return  # not a cacheable answer: already sent as it was
            self.answers.put(key, answer)
            state = b"miss"
        else:
            state = b"hit"
        if answer.etag in _tags(request.get("if-none-match", "")):
            await send({"type": "http.response.start", "status": 304,
                        "headers": [(b"etag", answer.etag), (b"cache-control", CACHE_CONTROL),
                                    (b"x-cache", state)]})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": answer.status,
                    "headers": [*answer.headers, (b"x-cache", state)]})
        await send({"type": "http.response.body", "body": answer.body})

    def _cacheable(self, scope: Scope) -> bool:
        if scope["method"] != "GET" or scope["path"].startswith(PRIVATE_PREFIXES):
            return False
        headers = Headers(scope=scope)
        if "authorization" in headers:
            return False
        cookies = headers.get("cookie", "")
        return not any(f"{name}=" in cookies for name in self.private_cookies)

    async def _render(self, scope: Scope, receive: Receive, send: Send) -> Answer | None:
        """Run the app; keep a 200 answer that sets no cookie, pass anything else through."""
        start: Message | None = None
        chunks: list[bytes] = []
        passing = False

        async def capture(message: Message) -> None:
            nonlocal start, passing
            if message["type"] == "http.response.start":
                headers = Headers(raw=message["headers"])
                if message["status"] != 200 or "set-cookie" in headers:
                    passing = True
                    await send(message)
                    return
                start = message
            elif passing:
                await send(message)
            else:
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        if passing or start is None:
            return None
        body = b"".join(chunks)
        etag = b'"' + hashlib.sha256(body).hexdigest()[:24].encode() + b'"'
        headers = [(k, v) for k, v in start["headers"]
                   if k.lower() not in (b"etag", b"cache-control", b"content-length")]
        headers += [(b"etag", etag), (b"cache-control", CACHE_CONTROL),
                    (b"content-length", str(len(body)).encode())]
        return Answer(start["status"], headers, body, etag)


def _tags(header: str) -> set[bytes]:
    return {tag.strip().removeprefix("W/").encode() for tag in header.split(",") if tag.strip()}
