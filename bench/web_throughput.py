"""Requests per second and p95 latency of the SCO page, its members JSON and an article page,
served by `multilateral serve --workers N` (SQLite), against the floor measured in the same
run: a static file served by the same server (and, for reference, a bare ASGI app
returning a constant, bench/baseline_app.py). Repeated requests are answered from the
answer cache; `sco_page_uncached` asks for a different day each time, so every request
is rendered. Load from wrk on 127.0.0.1 when installed, else a bounded Python client.

    python bench/web_throughput.py [--duration 10] [--connections 8] [--rounds 2] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from common import save
from http_load import load
from multilateral.kb import KnowledgeBase

HERE = Path(__file__).parent
TARGETS = {"baseline": "/", "static_file": "/static/site.css",
           "sco_page": "/org/SCO?on=2019-11-19",
           "members_json": "/org/SCO/members.json?on=2019-11-19",
           "article_page": "/articles/1", "sco_page_uncached": "/org/SCO?on={day}"}
SEED = HERE.parent / "gold" / "articles" / "000_seed.txt"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"server for {url} did not start") from None
            time.sleep(0.2)


def with_wrk(url: str, duration: int, connections: int) -> dict[str, Any]:
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "-s",
         str(HERE / "wrk_summary.lua"), url], check=True, capture_output=True, text=True).stdout
    summary = json.loads(out.strip().splitlines()[-1])
    return {"rps": summary["requests"] / (summary["duration_us"] / 1e6),
            "p50_ms": summary["p50_us"] / 1000, "p95_ms": summary["p95_us"] / 1000,
            "errors": summary["errors"], "requests": summary["requests"]}


def with_python(url: str, duration: int, connections: int) -> dict[str, Any]:
    """A bounded client: `connections` threads, keep-alive, for `duration` seconds."""
    host, _, rest = url.removeprefix("http://").partition("/")
    return load(int(host.split(":")[1]), "/" + rest, connections, duration=duration)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    def load(url: str, duration: int, connections: int) -> dict[str, Any]:
        fixed = "{day}" not in url and shutil.which("wrk")
        return (with_wrk if fixed else with_python)(url, duration, connections)
    ports = {"ours": free_port(), "baseline": free_port()}
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "kb.db")
        kb = KnowledgeBase(db)
        kb.init()
        kb.ingest([str(SEED)])  # article 1
        kb.close()
        servers = {
            "ours": subprocess.Popen([sys.executable, "-m", "multilateral", "--db", db, "serve",
                                      "--port", str(ports["ours"]), "--workers",
                                      str(args.workers)], stderr=subprocess.DEVNULL),
            "baseline": subprocess.Popen([sys.executable, "-m", "uvicorn", "baseline_app:app",
                                          "--port", str(ports["baseline"]), "--log-level",
                                          "warning"], cwd=HERE),
        }
        try:
            urls = {name: f"http://127.0.0.1:{ports['baseline' if name == 'baseline' else 'ours']}"
                          f"{path}" for name, path in TARGETS.items()}
            for name, url in urls.items():
                wait_until_up(url.replace("{day}", "2019-11-19"),
                              servers["baseline" if name == "baseline" else "ours"])
                load(url, 1, 2)  # warm up
            runs: dict[str, list[dict[str, Any]]] = {name: [] for name in TARGETS}
            # Rounds interleave the targets so that all see the same machine.
            for _ in range(args.rounds):
                for name, url in urls.items():
                    runs[name].append(load(url, args.duration, args.connections))
        finally:
            for server in servers.values():
                server.terminate()
                server.wait(timeout=10)
    summary = {name: {"rps": round(statistics.fmean(r["rps"] for r in rs), 1),
                      "p50_ms": round(statistics.fmean(r["p50_ms"] for r in rs), 2),
                      "p95_ms": round(statistics.fmean(r["p95_ms"] for r in rs), 2),
                      "errors": sum(r["errors"] for r in rs),
                      "requests": sum(r["requests"] for r in rs)} for name, rs in runs.items()}
    floor = summary["static_file"]
    save("web_throughput", {
        "load_generator": "wrk" if shutil.which("wrk") else "python threads",
        "duration_s": args.duration, "connections": args.connections, "rounds": args.rounds,
        "server": f"multilateral serve --workers {args.workers}, SQLite",
        "floor_description": "a static file served by the same server, same run",
        **summary,
        "floor_rps_over_ours": {
            name: round(floor["rps"] / summary[name]["rps"], 2)
            for name in ("sco_page", "members_json", "article_page", "sco_page_uncached")},
    })


if __name__ == "__main__":
    main()
