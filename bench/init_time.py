"""`multilateral init` on a fresh SQLite file, against the floor: every bundled CSV file
(the gzipped one too) loaded as it is into SQLite with the standard library, one table
and one index per file, in one transaction, in the same run.

    python bench/init_time.py [--runs 3]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from common import save
from multilateral.kb import KnowledgeBase
from multilateral.reference.bundle import data_dir


def floor_load(path: Path) -> int:
    """Each bundled CSV file into a table of its own, text columns as the header names
    them, indexed on the first; returns the rows loaded."""
    connection = sqlite3.connect(path)
    loaded = 0
    files = sorted(data_dir().rglob("*.csv")) + sorted(data_dir().rglob("*.csv.gz"))
    for number, file in enumerate(files):
        opener = gzip.open if file.suffix == ".gz" else open
        with opener(file, "rt", newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            rows = list(reader)
        columns = ", ".join(f'"c{i}" text' for i in range(len(header)))
        connection.execute(f"create table t{number} ({columns})")
        marks = ", ".join("?" for _ in header)
        connection.executemany(f"insert into t{number} values ({marks})", rows)
        connection.execute(f"create index ix{number} on t{number} (c0)")
        loaded += len(rows)
    connection.commit()
    connection.close()
    return loaded


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ours, floor, again = [], [], []
    floor_rows = 0
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
            floor_rows = floor_load(Path(tmp) / "floor.db")
            floor.append(time.perf_counter() - start)
    ours_s, floor_s = statistics.median(ours), statistics.median(floor)
    save("init_time", {
        "init_seconds": round(ours_s, 3), "second_init_seconds": round(statistics.median(again), 3),
        "floor_seconds": round(floor_s, 3), "ratio_to_floor": round(ours_s / floor_s, 1),
        "runs": args.runs,
        "floor_rows": floor_rows,
        "floor_description": "stdlib csv and sqlite3 loading every bundled CSV file (46, and "
                             "the gzipped Factbook history) as it is, a table and an index "
                             "each, one transaction",
    })


if __name__ == "__main__":
    main()
