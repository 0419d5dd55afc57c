"""Opening the database named by a URL: an SQLite file by default, PostgreSQL when asked."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url

from multilateral.errors import DatabaseError
from multilateral.store.url import check_sqlite_file, default_path, resolve_url, sqlite_path

__all__ = ["default_path", "describe", "open_engine", "require_schema", "resolve_url",
           "sqlite_path", "translate_errors"]

def describe(url: str) -> str:
    """The URL without its password, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def open_engine(url: str, *, create: bool = False) -> Engine:
    """An engine for `url`, refusing a file that is not an SQLite database before using it."""
    path = sqlite_path(url)
    if path is not None:
        check_sqlite_file(path, create=create)
    try:
        engine = create_engine(url, future=True)
    except (sa_exc.ArgumentError, sa_exc.NoSuchModuleError) as exc:
        raise DatabaseError(f"Cannot use database URL '{url}': {exc}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 30000")
    cursor.close()


@contextmanager
def translate_errors(url: str) -> Iterator[None]:
    """Turn driver errors into a DatabaseError that names the database."""
    try:
        yield
    except sa_exc.OperationalError as exc:
        if "readonly" in str(exc.orig).lower():
            raise DatabaseError(
                f"The database {describe(url)} is read-only here: {_first_line(exc)}. Reading "
                "works; to write, give this user write access to the file and its folder "
                "(or open a copy). Nothing was written."
            ) from None
        raise DatabaseError(
            f"Cannot use the database {describe(url)}: {_first_line(exc)}"
        ) from None
    except (sa_exc.IntegrityError, sa_exc.DataError) as exc:
        raise DatabaseError(
            f"The data do not fit the database {describe(url)}: {_first_line(exc)}. "
            "Nothing was written."
        ) from None
    except sa_exc.DatabaseError as exc:
        raise DatabaseError(
            f"The database {describe(url)} is damaged or not a multilateral database: "
            f"{_first_line(exc)}. Move it aside and run `multilateral init`."
        ) from None


def _first_line(exc: sa_exc.DBAPIError) -> str:
    return str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)


def require_schema(engine: Engine, url: str) -> None:
    """Fail with advice when the database has not been initialised."""
    with translate_errors(url):
        present = set(inspect(engine).get_table_names())
    if "memberships" not in present or "meta" not in present:
        raise DatabaseError(
            f"The database {describe(url)} has no multilateral schema yet. "
            "Run `multilateral init` first."
        )
    with translate_errors(url), engine.connect() as connection:
        loaded = connection.execute(text("select 1 from meta where key = 'loaded_at'")).first()
    if loaded is None:
        raise DatabaseError(
            f"The database {describe(url)} has the schema but no data (an init was "
            "interrupted?). Run `multilateral init`."
        )
