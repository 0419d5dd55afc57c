"""Throughput as connections rise, and the memory of `serve`, on SQLite and PostgreSQL.

For each database, `multilateral serve --workers 2` (the seed article stored) is loaded
by a Python client (threads, keep-alive) on 127.0.0.1:
1. 1, 2, 4, 8 and 32 connections, `--duration` seconds each: the static file (the floor,
   same server, same run), the SCO page repeated (from the answer cache), the SCO page
   uncached (a day of its own for every request, so each one is rendered) and the
   members JSON repeated.
2. Memory, from /proc: the peak RSS (VmHWM) of each server process after the 32-connection
   runs; then `--requests` requests of the uncached and of the cached SCO page on 8
   connections, RSS sampled every 1,000. The uncached run fills each worker's answer
   cache (bounded at 64 MiB of bodies, web/cache.py) on the way.

    python bench/web_scaling.py [--duration 5] [--workers 2] [--requests 10000]
                                [--databases sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pg_server
from common import save
from http_load import load
from multilateral.kb import KnowledgeBase
from web_throughput import free_port, wait_until_up

HERE = Path(__file__).parent
SEED = HERE.parent / "gold" / "articles" / "000_seed.txt"
CONNECTIONS = (1, 2, 4, 8, 32)
TARGETS = {"static_file": "/static/site.css", "sco_page": "/org/SCO?on=2019-11-19",
           "sco_page_uncached": "/org/SCO?on={day}",
           "members_json": "/org/SCO/members.json?on=2019-11-19"}
def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def memory(pid: int) -> dict[str, dict[str, float]]:
    """RSS and peak RSS (MiB) of the server and each process it started."""
    out: dict[str, dict[str, float]] = {}
    todo = [pid]
    while todo:
        each = todo.pop()
        todo += _children(each)
        try:
            status = Path(f"/proc/{each}/status").read_text()
            command = Path(f"/proc/{each}/cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        role = ("supervisor" if each == pid else
                "resource tracker" if b"resource_tracker" in command else "worker")
        out[f"{role} {each}"] = {"rss_mib": round(int(fields["VmRSS"].split()[0]) / 1024, 1),
                                 "peak_mib": round(int(fields["VmHWM"].split()[0]) / 1024, 1)}
    return out


@contextmanager
def serving(url: str, workers: int) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "multilateral", "--db", url, "serve",
                                "--port", str(port), "--workers", str(workers)],
                               stderr=subprocess.DEVNULL)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/static/site.css", process)
        time.sleep(2)  # every worker up, its reader's names built
        yield port, process
    finally:
        process.terminate()
        process.wait(timeout=20)


def measure(url: str, args: argparse.Namespace) -> dict[str, Any]:
    kb = KnowledgeBase(url)
    kb.init()
    kb.ingest([str(SEED)])
    kb.close()
    result: dict[str, Any] = {}
    with serving(url, args.workers) as (port, process):
        for template in TARGETS.values():
            load(port, template, 2, duration=1)  # warm up
        series: dict[str, dict[int, dict[str, Any]]] = {name: {} for name in TARGETS}
        for connections in CONNECTIONS:
            for name, template in TARGETS.items():
                series[name][connections] = load(port, template, connections,
                                                 duration=args.duration)
                print(name, connections, series[name][connections], file=sys.stderr)
        result["connections"] = series
        result["load_average_after_series"] = [round(x, 2) for x in os.getloadavg()]
        result["rps_by_connections"] = {name: {c: run["rps"] for c, run in runs.items()}
                                        for name, runs in series.items()}
        result["memory_after_32_connections"] = memory(process.pid)
        for name in ("sco_page_uncached", "sco_page"):
            samples = []
            for done in range(1000, args.requests + 1, 1000):
                load(port, TARGETS[name], 8, count=1000)
                workers = {k: v for k, v in memory(process.pid).items()
                           if k.startswith("worker")}
                samples.append({"requests": done,
                                "rss_mib": round(sum(v["rss_mib"] for v in workers.values()),
                                                 1),
                                "per_worker_mib": [v["rss_mib"] for v in workers.values()]})
            result[f"rss_every_1000_{name}"] = samples
        result["memory_at_end"] = memory(process.pid)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=float, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--databases", default="sqlite,postgresql")
    args = parser.parse_args()
    wanted = args.databases.split(",")
    results: dict[str, Any] = {
        "load_generator": "python threads, keep-alive, on the same machine",
        "server": f"multilateral serve --workers {args.workers}", "duration_s": args.duration,
        "floor_description": "static_file: a static file served by the same server, same run"}
    if "sqlite" in wanted:
        with tempfile.TemporaryDirectory() as tmp:
            results["sqlite"] = measure(str(Path(tmp) / "kb.db"), args)
    if "postgresql" in wanted:
        with pg_server.server() as base:
            results["postgresql"] = measure(pg_server.database(base, "bench"), args)
    save("web_scaling", results)


if __name__ == "__main__":
    main()
