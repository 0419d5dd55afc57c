"""Request bodies over the limit are refused (413) from their Content-Length, or while
they stream, before the body is read whole and before any token is looked up."""

from __future__ import annotations

import json
from typing import Any

import anyio

from conftest import TODAY
from multilateral.web import WebSettings, create_app
from web_support import bearer, client, token

LIMIT_SETTING = 1000  # max_article_bytes in these tests


def _asgi_post(url: str, chunks: int, size: int, headers: list[tuple[bytes, bytes]]
               ) -> tuple[int, dict[str, Any], int]:
    """POST a well-formed ingest request of `size` bytes, without a token, straight to the
    ASGI app, in `chunks` pieces; (status, JSON body, pieces the app pulled)."""
    app = create_app(WebSettings(database=url, today=TODAY, max_article_bytes=LIMIT_SETTING))
    envelope = json.dumps({"source": "big.txt", "content": ""}).encode()
    document = envelope[:-2] + b"x" * (size - len(envelope)) + envelope[-2:]
    step = size // chunks
    pieces = [document[i:i + step] for i in range(0, size, step)]
    pulled = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        if pulled >= len(pieces):
            return {"type": "http.disconnect"}
        pulled += 1
        return {"type": "http.request", "body": pieces[pulled - 1],
                "more_body": pulled < len(pieces)}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": "/api/articles",
             "raw_path": b"/api/articles", "query_string": b"", "root_path": "",
             "headers": [(b"host", b"testserver"), (b"content-type", b"application/json"),
                         *headers],
             "client": ("127.0.0.1", 50000), "server": ("testserver", 80)}
    anyio.run(app, scope, receive, send)
    app.state.kb.close()
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, json.loads(body), pulled


def test_a_declared_length_over_the_limit_is_refused_unread(web_url: str) -> None:
    size = 10_000_000
    status, body, pulled = _asgi_post(web_url, 100, size,
                                      [(b"content-length", str(size).encode())])
    assert status == 413 and body["error"]["code"] == "body_too_large"
    assert "bytes" in body["error"]["message"]
    assert pulled == 0  # refused from the header: not a byte read, no token looked up


def test_a_streamed_body_is_cut_off_at_the_limit_before_authentication(web_url: str) -> None:
    status, body, pulled = _asgi_post(web_url, 1000, 10_000_000, [])  # 10 MB, chunked
    assert status == 413 and body["error"]["code"] == "body_too_large"  # not 401
    assert pulled <= 10  # stopped just past the limit (about 68 KB), not read whole


def test_a_body_within_the_limit_goes_through(web_url: str) -> None:
    editor = bearer(token(web_url, "editor"))
    text = "The Shanghai Cooperation Organisation held a summit in Bishkek in 2019."
    with client(web_url, max_article_bytes=LIMIT_SETTING) as web:
        small = web.post("/api/articles", headers=editor,
                         json={"source": "limits.txt", "content": text})
        large = web.post("/api/articles", headers=editor,
                         json={"source": "big.txt", "content": "x" * 200_000})
    assert small.status_code == 200 and small.json()["article_id"]
    assert large.status_code == 413 and large.json()["error"]["status"] == 413
