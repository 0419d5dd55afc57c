"""`init`: schema, idempotence, atomicity, concurrency and damaged databases."""

import csv
import gzip
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, insert, select

from multilateral.errors import DatabaseError
from multilateral.kb import KnowledgeBase
from multilateral.reference import build_bundle
from multilateral.reference.bundle import data_dir
from multilateral.reference.memberships import membership_files
from multilateral.store import load
from multilateral.store import schema as s


def hand_rows() -> int:
    """Rows of the membership tables by hand (data/hand/memberships/*.csv)."""
    return sum(len(list(csv.DictReader(path.open(encoding="utf-8"))))
               for path in membership_files())


def factbook_history_rows() -> int:
    path = data_dir() / "cia-factbook-history" / "participation_spells.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return sum(1 for _ in csv.DictReader(handle))


# COW spells, the SCO seed, the SCO observer status in the General Assembly, the tables by hand
def bundled_memberships() -> int:
    # COW's spells, 354 more runs where a spell is cut at its state's years out of the
    # state system (Germany 1946-1989, the Baltic states 1941-1990), 162 split in two at a
    # succession (hand/successions.csv), the SCO seed's spells, its General Assembly
    # observer status, the tables by hand.
    return 18688 + 354 + 162 + 32 + 1 + hand_rows()


def count(kb: KnowledgeBase, table: str) -> int:
    with kb.engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(s.metadata.tables[table])))


def test_init_loads_everything_then_changes_nothing(fresh_db: str) -> None:
    kb = KnowledgeBase(fresh_db)
    first = kb.init()
    assert first.loaded
    assert first.counts["organizations"] >= 534 + 10  # COW's 534 and the bodies by hand
    assert first.counts["memberships"] == bundled_memberships()
    # The 2020 Factbook's own rows (not those the scrape took from elsewhere), and the runs
    # of its weekly history 2015-2026, as observations
    assert first.counts["observations"] == 10563 + factbook_history_rows()
    second = kb.init()
    assert not second.loaded and second.counts == first.counts


def test_migrations_match_the_schema_code(loaded_url: str) -> None:
    kb = KnowledgeBase(loaded_url)
    with kb.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": s.include_name})
        diff = compare_metadata(context, s.metadata)
    assert diff == []


def test_reload_keeps_facts_that_came_from_elsewhere(fresh_db: str) -> None:
    kb = KnowledgeBase(fresh_db)
    kb.init()
    with kb.engine.begin() as connection:
        fact = connection.execute(insert(s.memberships).values(
            org_id="SCO", member_type="state", member_id="LAO", status="dialogue_partner",
            start="2026", dataset="article:1")).inserted_primary_key[0]
        connection.execute(insert(s.sources).values(id="article:1", kind="article"))
        connection.execute(insert(s.fact_sources).values(
            fact_type="membership", fact_id=fact, source_id="article:1"))
    kb.init(force=True)
    with kb.engine.connect() as connection:
        kept = connection.execute(select(s.memberships).where(s.memberships.c.id == fact)).one()
        assert kept.dataset == "article:1"
        ids = connection.scalars(select(s.memberships.c.id)).all()
    assert len(ids) == len(set(ids)) == bundled_memberships() + 1


def test_a_failed_load_leaves_the_database_as_it_was(fresh_db: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    kb = KnowledgeBase(fresh_db)
    kb.init()
    before = count(kb, "memberships")

    def broken() -> object:
        bundle = build_bundle()
        bundle.rows["memberships"].append({**bundle.rows["memberships"][0], "id": 10**6,
                                           "org_id": "NO-SUCH-ORG"})
        return bundle

    monkeypatch.setattr(load, "build_bundle", broken)
    with pytest.raises(DatabaseError, match="Nothing was written"):
        kb.init(force=True)
    assert count(kb, "memberships") == before
    assert kb.members("SCO", on="2019-11-19").counts["member"] == 8


def test_two_inits_at_once_on_sqlite(tmp_path: Path) -> None:
    db = str(tmp_path / "race.db")
    command = [sys.executable, "-m", "multilateral", "--db", db, "init"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    said = " ".join(out for out, _ in outputs)
    assert said.count("Loaded") == 1 and said.count("Already current") == 1
    assert KnowledgeBase(db).members("UN", on="2014-01-01").counts == {"member": 193, "observer": 2}


def test_two_inits_at_once_on_postgresql(pg_database: Callable[[str], str]) -> None:
    url = pg_database("multilateral_race")
    reports: list[object] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            reports.append(KnowledgeBase(url).init())
        except Exception as exc:  # noqa: BLE001 - a thread's failure is asserted below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors
    assert sorted(r.loaded for r in reports) == [False, True]  # type: ignore[attr-defined]
    assert count(KnowledgeBase(url), "memberships") == bundled_memberships()


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is a text file, not a database\n" * 10)
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="not an SQLite database"):
        KnowledgeBase(str(path)).members("SCO")
    with pytest.raises(DatabaseError, match="not an SQLite database"):
        KnowledgeBase(str(path)).init()
    assert path.read_bytes() == before


def test_a_truncated_database(sqlite_url: str, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.db"
    shutil.copy(sqlite_url, damaged)
    with damaged.open("r+b") as handle:
        handle.truncate(damaged.stat().st_size // 3)
    with pytest.raises(DatabaseError, match="damaged.db"):
        KnowledgeBase(str(damaged)).members("UN", on="2000")


def test_a_missing_database_says_to_run_init(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="multilateral init"):
        KnowledgeBase(str(tmp_path / "nowhere.db")).members("SCO")
    assert not (tmp_path / "nowhere.db").exists()


def test_a_schema_without_data_says_to_run_init(fresh_db: str,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted() -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(load, "build_bundle", interrupted)
    with pytest.raises(KeyboardInterrupt):
        KnowledgeBase(fresh_db).init()
    monkeypatch.undo()
    with pytest.raises(DatabaseError, match="schema but no data"):
        KnowledgeBase(fresh_db).members("SCO")
    KnowledgeBase(fresh_db).init()
    assert KnowledgeBase(fresh_db).members("SCO", on="2019-11-19").counts["member"] == 8


def test_an_unreachable_postgresql_server() -> None:
    kb = KnowledgeBase("postgresql://postgres@127.0.0.1:1/multilateral")
    with pytest.raises(DatabaseError, match="Cannot use the database postgresql"):
        kb.members("SCO")


def test_a_database_without_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("create table t (x)").connection.close()
    with pytest.raises(DatabaseError, match="no multilateral schema"):
        KnowledgeBase(str(path)).members("SCO")


def test_init_keeps_the_readers_cities_so_reading_need_not_load_them(sqlite_url: str) -> None:
    from multilateral.store import queries

    kb = KnowledgeBase(sqlite_url)
    with kb.engine.connect() as connection:
        known = queries.known_names(connection)
    kb.close()
    assert len(known.cities) > 4000 and ("1526273", "Astana") in known.cities
