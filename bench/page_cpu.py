"""CPU per request of a page rendered in process (no server, no network): the SCO page
uncached (a day of its own for each request), through the whole app, its middlewares
included; with --profile, cProfile's top functions. Sync views run inline, not in the
thread pool, so that the profile sees them.

    python bench/page_cpu.py [--requests 300] [--path /org/SCO] [--profile]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import datetime as dt
import itertools
import pstats
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import anyio.to_thread

from common import save
from multilateral.kb import KnowledgeBase
from multilateral.web.app import WebSettings, create_app

_days = itertools.count()


async def _inline(func: Callable[..., Any], *args: Any, **_: Any) -> Any:
    return func(*args)


async def _get(app: Any, path: str) -> None:
    day = (dt.date(2001, 6, 15) + dt.timedelta(days=next(_days))).isoformat()
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "GET", "scheme": "http", "path": path, "raw_path": path.encode(),
             "query_string": f"on={day}".encode(), "root_path": "",
             "headers": [(b"host", b"127.0.0.1"), (b"accept", b"text/html")],
             "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80), "state": {}}
    await app(scope, receive, send)
    if sent[0]["status"] != 200:
        raise SystemExit(f"{path}?on={day} answered {sent[0]['status']}")


async def _many(app: Any, path: str, requests: int) -> None:
    for _ in range(requests):
        await _get(app, path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--path", default="/org/SCO")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    anyio.to_thread.run_sync = _inline  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "kb.db")
        kb = KnowledgeBase(db)
        kb.init()
        kb.close()
        app = create_app(WebSettings(database=db))
        asyncio.run(_many(app, args.path, 20))  # warm: templates compiled, data read
        start = time.process_time()
        asyncio.run(_many(app, args.path, args.requests))
        cpu_ms = 1000 * (time.process_time() - start) / args.requests
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(asyncio.run, _many(app, args.path, args.requests))
            pstats.Stats(profile).sort_stats("tottime").print_stats(25)
        app.state.kb.close()
    save("page_cpu", {"path": f"{args.path}?on=<a new day each time>",
                      "requests": args.requests, "cpu_ms_per_request": round(cpu_ms, 2)})


if __name__ == "__main__":
    main()
