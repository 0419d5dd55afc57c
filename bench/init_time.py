"""`multilateral init` on a fresh SQLite file, against the floor: the raw spells CSV
loaded into SQLite with the standard library, in the same run.

    python bench/init_time.py [--runs 3]
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from common import save
from multilateral.kb import KnowledgeBase
from multilateral.reference.bundle import data_dir


def floor_load(path: Path) -> None:
    """Only the 18,688 COW spells, as they are, into one indexed table."""
    with (data_dir() / "cow-igo" / "state_igo_spells.csv").open(newline="") as handle:
        rows = [tuple(row.values()) for row in csv.DictReader(handle)]
    connection = sqlite3.connect(path)
    connection.execute("create table spells (ccode int, state text, ioname text, status int, "
                       "first_year int, last_year int)")
    connection.executemany("insert into spells values (?, ?, ?, ?, ?, ?)", rows)
    connection.execute("create index ix on spells (ioname, first_year)")
    connection.commit()
    connection.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ours, floor, again = [], [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            kb = KnowledgeBase(str(Path(tmp) / "kb.db"))
            kb.init()
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            kb.init()  # already current: the idempotent path
            again.append(time.perf_counter() - start)
            kb.close()
            start = time.perf_counter()
            floor_load(Path(tmp) / "floor.db")
            floor.append(time.perf_counter() - start)
    ours_s, floor_s = statistics.median(ours), statistics.median(floor)
    save("init_time", {
        "init_seconds": round(ours_s, 3), "second_init_seconds": round(statistics.median(again), 3),
        "floor_seconds": round(floor_s, 3), "ratio_to_floor": round(ours_s / floor_s, 1),
        "runs": args.runs,
        "floor_description": "stdlib sqlite3 loading state_igo_spells.csv into one indexed table",
    })


if __name__ == "__main__":
    main()
