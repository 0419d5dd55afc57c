"""CPU per request of each pure-ASGI middleware every request passes (web/middleware.py),
each wrapped round a constant app, in process: no server, no network, so the figures are
the middlewares' own work (microseconds; the constant app alone is subtracted).

    python bench/middleware_cost.py [--requests 20000]
"""

from __future__ import annotations

import argparse
import asyncio
import time
from typing import Any

from common import save
from multilateral.web import errors
from multilateral.web.middleware import (
    BodyLimit,
    HeadAsGet,
    ReadCors,
    SecurityHeaders,
    Twins,
    body_limit,
)

BODY = b"<p>constant</p>"
# What a browser sends: a dozen headers.
HEADERS = [(b"host", b"127.0.0.1:8000"), (b"user-agent", b"Mozilla/5.0 (X11; Linux x86_64)"),
           (b"accept", b"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
           (b"accept-language", b"en-GB,en;q=0.5"), (b"accept-encoding", b"gzip, deflate"),
           (b"connection", b"keep-alive"), (b"upgrade-insecure-requests", b"1"),
           (b"sec-fetch-dest", b"document"), (b"sec-fetch-mode", b"navigate"),
           (b"sec-fetch-site", b"none"), (b"sec-fetch-user", b"?1"), (b"priority", b"u=0, i")]


async def constant(scope: Any, receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/html; charset=utf-8"),
                            (b"content-length", str(len(BODY)).encode())]})
    await send({"type": "http.response.body", "body": BODY})


async def _receive() -> dict[str, Any]:
    return {"type": "http.request", "body": b"", "more_body": False}


async def _send(message: Any) -> None:
    return None


async def _run(app: Any, requests: int, path: str) -> None:
    for _ in range(requests):
        scope = {"type": "http", "method": "GET", "path": path, "raw_path": path.encode(),
                 "query_string": b"on=2019-11-19", "headers": HEADERS, "root_path": ""}
        await app(scope, _receive, _send)


def cpu_us(app: Any, requests: int, path: str = "/org/SCO") -> float:
    asyncio.run(_run(app, 200, path))
    best = float("inf")
    for _ in range(3):  # the least of three: the machine is shared
        start = time.process_time()
        asyncio.run(_run(app, requests, path))
        best = min(best, time.process_time() - start)
    return 1e6 * best / requests


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=20_000)
    args = parser.parse_args()
    limit = body_limit(1_000_000)
    each = {"Twins": Twins(constant), "BodyLimit": BodyLimit(constant, limit, errors.refuse),
            "HeadAsGet": HeadAsGet(constant), "ReadCors": ReadCors(constant),
            "SecurityHeaders": SecurityHeaders(constant)}
    stack = SecurityHeaders(ReadCors(HeadAsGet(BodyLimit(Twins(constant), limit,
                                                         errors.refuse))))
    bare = cpu_us(constant, args.requests)
    result = {name: round(cpu_us(app, args.requests) - bare, 2) for name, app in each.items()}
    result["all_five"] = round(cpu_us(stack, args.requests) - bare, 2)
    result["twin_path_all_five"] = round(cpu_us(stack, args.requests, "/org/SCO.json") - bare,
                                         2)
    save("middleware_cost", {"unit": "microseconds of CPU per request, the constant app's "
                             f"{bare:.2f} us taken off", "requests": args.requests, **result})


if __name__ == "__main__":
    main()
