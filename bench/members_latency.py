"""`members ORG --on DATE` latency over random (organization, date) questions across all
COW organizations, against the floor: the same question asked directly of SQLite over
the raw spells CSV (one indexed table, years only, no sources, no names), same run.

    python bench/members_latency.py [--queries 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from common import percentiles, save
from multilateral.errors import OutOfExistence
from multilateral.kb import KnowledgeBase
from multilateral.reference.bundle import data_dir


def questions(count: int, seed: int) -> list[tuple[str, dt.date]]:
    rng = random.Random(seed)
    with (data_dir() / "cow-igo" / "igos.csv").open(newline="") as handle:
        orgs = [(row["ioname"], int(row["sdate"]), int(row["deaddate"] or 2014))
                for row in csv.DictReader(handle)]
    out = []
    for _ in range(count):
        ioname, first, last = rng.choice(orgs)
        day = dt.date(first, 1, 1) + dt.timedelta(
            days=rng.randrange((dt.date(last, 12, 31) - dt.date(first, 1, 1)).days + 1))
        out.append((ioname, day))
    return out


def floor_db() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    connection.execute("create table spells (ccode int, state text, ioname text, status int, "
                       "first_year int, last_year int)")
    with (data_dir() / "cow-igo" / "state_igo_spells.csv").open(newline="") as handle:
        connection.executemany("insert into spells values (?, ?, ?, ?, ?, ?)",
                               [tuple(row.values()) for row in csv.DictReader(handle)])
    connection.execute("create index ix on spells (ioname, first_year)")
    return connection


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    asked = questions(args.queries, args.seed)
    connection = floor_db()
    sql = ("select ccode, status from spells where ioname = ? and first_year <= ? "
           "and last_year >= ?")
    ours, floor = [], []
    answered = floor_answered = refused = 0
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase(str(Path(tmp) / "kb.db"))
        kb.init()
        # Interleaved, so that both see the same machine at the same moment.
        for ioname, day in asked:
            start = time.perf_counter()
            try:
                result = kb.members(ioname, on=day)
            except OutOfExistence:  # COW's years, before the founding a curated table gives
                refused += 1
                continue
            ours.append(time.perf_counter() - start)
            answered += len(result.certain) + len(result.uncertain)
            start = time.perf_counter()
            rows = connection.execute(sql, (ioname, day.year, day.year)).fetchall()
            floor.append(time.perf_counter() - start)
            floor_answered += len(rows)
        kb.close()
    ours_p, floor_p = percentiles(ours), percentiles(floor)
    save("members_latency", {
        "queries": args.queries, "seed": args.seed, "ours": ours_p, "floor": floor_p,
        "ratio_p50": round(ours_p["p50_ms"] / floor_p["p50_ms"], 1),
        "ratio_p95": round(ours_p["p95_ms"] / floor_p["p95_ms"], 1),
        "members_returned": answered, "floor_rows_returned": floor_answered,
        "refused_before_founding": refused,
        "floor_description": "stdlib sqlite3, in memory, spells CSV as is, years, no sources",
    })


if __name__ == "__main__":
    main()
