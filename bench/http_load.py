"""A bounded HTTP load of keep-alive clients for the web benchmarks: `connections` threads
for a duration or a number of requests, each "{day}" in a path a day of its own (so that
no answer comes from the cache)."""

from __future__ import annotations

import datetime as dt
import http.client
import itertools
import statistics
import threading
import time
from typing import Any

_days = itertools.count()  # across runs, so that no uncached request repeats a day
_days_lock = threading.Lock()


def _path(template: str) -> str:
    if "{day}" not in template:
        return template
    with _days_lock:
        day = dt.date(2001, 6, 15) + dt.timedelta(days=next(_days) % 9000)
    return template.replace("{day}", day.isoformat())


def load(port: int, template: str, connections: int, *, duration: float | None = None,
         count: int | None = None) -> dict[str, Any]:
    """`connections` keep-alive clients for `duration` seconds or `count` requests in all."""
    latencies: list[float] = []
    errors = [0]
    left = [count if count is not None else -1]
    lock = threading.Lock()
    stop = time.monotonic() + (duration or 1e9)

    def worker() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine = []
        while time.monotonic() < stop:
            if count is not None:
                with lock:
                    if left[0] <= 0:
                        break
                    left[0] -= 1
            start = time.perf_counter()
            connection.request("GET", _path(template))
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - start)
            if response.status != 200:
                with lock:
                    errors[0] += 1
        with lock:
            latencies.extend(mine)

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return {"rps": round(len(latencies) / elapsed, 1), "p50_ms": round(1000 * cuts[49], 2),
            "p95_ms": round(1000 * cuts[94], 2), "errors": errors[0],
            "requests": len(latencies)}
