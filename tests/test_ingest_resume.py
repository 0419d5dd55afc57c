"""A job killed at a random moment and started again makes the store an uninterrupted run
makes: `multilateral ingest` on a WARC archive of the gold articles, run as a process on a
real SQLite file, killed with SIGKILL (5 trials, seeded), then run to its end."""

from __future__ import annotations

import json
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from warc_support import crawl, write_warc

PAGES = 18  # 54 records: a request, a response and a metadata record per page
TRIALS = 5


def ingest(db: Path, warc: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "multilateral", "--db", str(db), "ingest",
                             "--format", "json", str(warc)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(process: subprocess.Popen[bytes]) -> dict[str, Any]:
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err.decode()
    report: dict[str, Any] = json.loads(out)
    return report


def ledger_rows(db: Path) -> int:
    with sqlite3.connect(db, timeout=30) as connection:
        return int(connection.execute("SELECT count(*) FROM ingest_ledger").fetchone()[0])


def store(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """What the store holds, timestamps aside; ids are kept: the job reads its items in one
    order and a killed transaction leaves no row, so they must come out the same."""
    queries = {
        "articles": "SELECT id, sha256, source, title, published, author, text, warnings "
                    "FROM articles ORDER BY id",
        "candidates": "SELECT id, article_id, position, type, fact, confidence, status "
                      "FROM candidates ORDER BY id",
        "tags": "SELECT article_id, tag, kind, entity_id FROM article_tags "
                "ORDER BY article_id, tag",
        "ledger": "SELECT key, source, record_offset, outcome, article_id, message "
                  "FROM ingest_ledger ORDER BY key",
    }
    with sqlite3.connect(db) as connection:
        return {name: connection.execute(sql).fetchall() for name, sql in queries.items()}


def test_a_job_killed_at_random_and_restarted_makes_the_same_store(
        sqlite_url: str, tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, crawl(PAGES))
    template = Path(sqlite_url.removeprefix("sqlite:///"))
    whole = tmp_path / "whole.db"
    shutil.copyfile(template, whole)
    report = finish(ingest(whole, warc))
    assert report["stored"] == PAGES and report["failed"] == 0
    expected = store(whole)
    assert len(expected["articles"]) == PAGES and len(expected["ledger"]) == PAGES
    assert {row[3] for row in expected["ledger"]} == {"stored"}

    rng = random.Random(15)
    killed = 0
    dones = []
    for trial in range(TRIALS):
        db = tmp_path / f"trial{trial}.db"
        shutil.copyfile(template, db)
        # Kills spread over the job: after a random number of items is done, one in each
        # fifth of the job, and a random moment into the next (mid-article, mid-commit).
        target = rng.randrange(trial * PAGES // TRIALS, (trial + 1) * PAGES // TRIALS)
        extra = rng.uniform(0, 0.15)
        process = ingest(db, warc)
        while process.poll() is None and ledger_rows(db) < target:
            time.sleep(0.01)
        time.sleep(extra)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            process.wait()
            killed += process.returncode == -signal.SIGKILL
        done = ledger_rows(db)
        dones.append(done)
        resumed = finish(ingest(db, warc))
        assert resumed["done_before"] == done, trial
        assert resumed["stored"] == PAGES - done, trial
        assert store(db) == expected, f"trial {trial}: killed after {done} items"
    assert killed >= 3, dones  # the kills landed inside the job, not after it
    assert len(set(dones)) >= 3, dones  # and at different points of it
