"""Fixtures: real SQLite files built by the project's own init, and a real PostgreSQL server.

The PostgreSQL server is a throw-away cluster started here on 127.0.0.1 from
Debian's binaries. Without them the PostgreSQL tests skip, unless
MULTILATERAL_REQUIRE_PG is set (as CI does), when they fail.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from multilateral.kb import KnowledgeBase
from pg_support import create_database, pg_bindir, running_server

# The knowledge base answers "today" questions against this day in tests.
TODAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A PostgreSQL server for this test session; yields its base URL (no database)."""
    bindir = pg_bindir()
    if bindir is None:
        if os.environ.get("MULTILATERAL_REQUIRE_PG"):
            pytest.fail("PostgreSQL binaries not found; install Debian's postgresql package")
        pytest.skip("PostgreSQL binaries not found")
    with running_server(bindir, "multilateral-pg-") as base:
        yield base


@pytest.fixture()
def pg_database(pg_server: str) -> Callable[[str], str]:
    """Makes an empty PostgreSQL database on the session's server; returns its URL."""
    return lambda name: create_database(pg_server, name)


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("kb") / "multilateral.db"
    KnowledgeBase(str(path)).init()
    return str(path)


@pytest.fixture(scope="session")
def postgres_url(pg_server: str) -> str:
    url = create_database(pg_server, "multilateral_shared")
    KnowledgeBase(url).init()
    return url


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def loaded_url(request: pytest.FixtureRequest) -> str:
    """A database loaded once per backend; tests that use it only read."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(name))


@pytest.fixture()
def kb(loaded_url: str) -> Iterator[KnowledgeBase]:
    base = KnowledgeBase(loaded_url, today=TODAY)
    yield base
    base.close()


@pytest.fixture()
def fresh_db(tmp_path: Path) -> str:
    """A path for a new SQLite database that no init has touched."""
    return str(tmp_path / "fresh.db")


@pytest.fixture(scope="session")
def pg_template(pg_server: str) -> str:
    """A loaded PostgreSQL database that per-test databases are copied from."""
    url = create_database(pg_server, "multilateral_template")
    base = KnowledgeBase(url)
    base.init()
    base.close()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def writable_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A loaded database of its own for a test that writes (articles, reviews)."""
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_url")
        copy = tmp_path / "writable.db"
        shutil.copyfile(template, copy)
        return str(copy)
    template_url = request.getfixturevalue("pg_template")
    server = template_url.rsplit("/", 1)[0]
    name = f"writable_{abs(hash(request.node.nodeid)) % 10**8}"
    return create_database(server, name, template="multilateral_template")


GOLD = Path(__file__).resolve().parents[1] / "gold" / "articles"


@pytest.fixture()
def seed_path() -> Path:
    """The seed article, as the gold set keeps it in the repository."""
    return GOLD / "000_seed.txt"


# -- the web site ---------------------------------------------------------------


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def web_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A loaded database per backend for the web tests, apart from the read-only one: they
    add articles and tokens (a test that accepts facts takes a `writable_url` of its own)."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("web") / "web.db"
        shutil.copyfile(request.getfixturevalue("sqlite_url"), path)
        return str(path)
    template_url = request.getfixturevalue("pg_template")
    server = template_url.rsplit("/", 1)[0]
    engine = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text('drop database if exists "multilateral_web"'))
        connection.execute(text('create database "multilateral_web" '
                                'template "multilateral_template"'))
    engine.dispose()
    return f"{server}/multilateral_web"
