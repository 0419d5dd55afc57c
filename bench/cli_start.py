"""How long a command takes from the shell: `members SCO --on 2019-11-19` and `--help`,
against the floor measured in the same run, a bare `python -c` that opens the same SQLite
file and counts a table. Rounds interleave the three; medians of wall time."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import save
from multilateral.kb import KnowledgeBase

ROUNDS = 15


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "kb.db")
        KnowledgeBase(db).init()
        commands = {
            "floor": [sys.executable, "-c", "import sqlite3, sys; sqlite3.connect(sys.argv[1])"
                      ".execute('select count(*) from memberships').fetchone()", db],
            "members": [sys.executable, "-m", "multilateral", "--db", db, "members", "SCO",
                        "--on", "2019-11-19"],
            "help": [sys.executable, "-m", "multilateral", "--help"],
        }
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(ROUNDS):
            for name, command in commands.items():
                samples[name].append(timed(command))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    for name, value in medians.items():
        print(f"{name:8} {1000 * value:7.1f} ms  ({value / medians['floor']:.1f}x the floor)")
    save("cli_start", {"rounds": ROUNDS,
                       "median_ms": {k: round(1000 * v, 1) for k, v in medians.items()},
                       "ratio_to_floor": {k: round(v / medians["floor"], 2)
                                          for k, v in medians.items() if k != "floor"}})


if __name__ == "__main__":
    main()
