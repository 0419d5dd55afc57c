"""The plain-SQL reads (store.reads) give the same records through the standard sqlite3
module as through SQLAlchemy's connection, and URLs are read as SQLAlchemy reads them."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from sqlalchemy.engine import make_url

from multilateral.kb import KnowledgeBase
from multilateral.model.dates import PartialDate
from multilateral.store import reads
from multilateral.store.queries import AlchemyReader
from multilateral.store.url import sqlite_file


@pytest.mark.parametrize("org", ["SCO", "UN", "EU", "ASEAN"])
def test_claims_are_the_same_through_either_driver(sqlite_url: str, org: str) -> None:
    kb = KnowledgeBase(sqlite_url)
    with kb.engine.connect() as connection:
        through_sqlalchemy = reads.claims(AlchemyReader(connection), org_ids=[org])
        dated = reads.claims(AlchemyReader(connection), org_ids=[org],
                             when=PartialDate.parse("2010"))
    direct = reads.SQLiteReader(sqlite3.connect(sqlite_url), sqlite_url)
    assert reads.claims(direct, org_ids=[org]) == through_sqlalchemy
    # SQLite keeps days as text: they come back as dates (COW's coverage ends 2014-12-31).
    assert all(isinstance(c.known_until, dt.date) for c in through_sqlalchemy
               if c.known_until is not None)
    assert reads.claims(direct, org_ids=[org], when=PartialDate.parse("2010")) == dated
    assert through_sqlalchemy and all(c.sources for c in through_sqlalchemy)
    assert len(dated) < len(through_sqlalchemy)
    kb.close()


def test_names_resolve_in_any_case_through_sqlite(sqlite_url: str) -> None:
    direct = reads.SQLiteReader(sqlite3.connect(sqlite_url), sqlite_url)
    for typed in ("SCO", "sco", " Sco ", "Shanghai Cooperation Organization"):
        found = reads.entity(direct, "organization", typed)
        assert found is not None and found.id == "SCO"
    found = reads.entity(direct, "organization", "afdb")  # a mixed-case id
    assert found is not None and found.id == "AfDB"
    assert reads.entity(direct, "organization", "SCOO") is None


@pytest.mark.parametrize("url", [
    "sqlite:////tmp/kb.db", "sqlite:///relative/kb.db", "sqlite+pysqlite:////tmp/kb.db",
    "sqlite:////tmp/kb.db?timeout=5", "sqlite:///file:/tmp/kb.db?mode=ro&uri=true",
])
def test_sqlite_urls_name_the_file_sqlalchemy_opens(url: str) -> None:
    found = sqlite_file(url)
    assert found is not None
    database = make_url(url).database
    assert database is not None and str(found.path) == database.removeprefix("file:")
    if "uri=true" in url:
        assert found.connect_args() == ("file:/tmp/kb.db?mode=ro", True)


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:",
                                 "postgresql+psycopg://u@h/db"])
def test_memory_and_other_databases_have_no_file(url: str) -> None:
    assert sqlite_file(url) is None
