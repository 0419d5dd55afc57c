"""The knowledge base's database: its URL, one engine opened on first use, and
connections whose errors come out as the library's own (`DatabaseError`). The questions
asked most read an SQLite file through the standard sqlite3 module (`read`), so that a
command answering one does not import SQLAlchemy."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from multilateral.errors import DatabaseError
from multilateral.store.reads import Reader, SQLiteReader
from multilateral.store.url import SQLiteFile, check_sqlite_file, resolve_url, sqlite_file

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

    from multilateral.store.load import InitReport


class Database:
    def __init__(self, url: str | None = None) -> None:
        self.url = resolve_url(url)
        self._engine: Engine | None = None
        self._file = sqlite_file(self.url)
        # One sqlite3 connection per thread (the web server's views run in threads).
        self._local = threading.local()
        self._opened: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from multilateral.store.db import open_engine, require_schema
            self._engine = open_engine(self.url)
            require_schema(self._engine, self.url)
        return self._engine

    def init(self, *, force: bool = False,
             on_wait: Callable[[str], None] | None = None) -> InitReport:
        """Create the schema and load the bundled data (skipped when already current)."""
        from multilateral.store.db import open_engine
        from multilateral.store.load import initialise  # Alembic and the loaders: init only
        engine = open_engine(self.url, create=True)
        report = initialise(engine, self.url, force=force, on_wait=on_wait)
        self._engine = engine
        return report

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection for reading."""
        from multilateral.store.db import translate_errors
        engine = self.engine
        with translate_errors(self.url), engine.connect() as connection:
            yield connection

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A connection in one transaction, committed when the block ends without error."""
        from multilateral.store.db import translate_errors
        engine = self.engine
        with translate_errors(self.url), engine.begin() as connection:
            yield connection

    @contextmanager
    def read(self) -> Iterator[Reader]:
        """A reader for the plain SQL of `store.reads`: this thread's sqlite3 connection on an
        SQLite file, SQLAlchemy's connection on any other database."""
        if self._file is None:
            from multilateral.store.queries import AlchemyReader
            with self.connect() as connection:
                yield AlchemyReader(connection)
            return
        handle: sqlite3.Connection | None = getattr(self._local, "sqlite", None)
        if handle is None:
            handle = self._local.sqlite = self._open_sqlite(self._file)
        yield SQLiteReader(handle, self.url)

    def _open_sqlite(self, file: SQLiteFile) -> sqlite3.Connection:
        """Open the file for reading, with the advice `engine` gives when it is missing,
        not SQLite's, without the schema or without data."""
        check_sqlite_file(file.path)
        database, uri = file.connect_args()
        try:
            connection = sqlite3.connect(database, uri=uri, check_same_thread=False)
            connection.execute("PRAGMA busy_timeout = 30000")
            tables = {name for (name,) in connection.execute(
                "select name from sqlite_master where type = 'table' "
                "and name in ('memberships', 'meta')")}
            loaded = "meta" in tables and connection.execute(
                "select 1 from meta where key = 'loaded_at'").fetchone() is not None
        except sqlite3.Error as exc:
            raise DatabaseError(
                f"The database {self.url} is damaged or not a multilateral database: {exc}. "
                "Move it aside and run `multilateral init`.") from None
        if len(tables) < 2:
            connection.close()
            raise DatabaseError(f"The database {self.url} has no multilateral schema yet. "
                                "Run `multilateral init` first.")
        if not loaded:
            connection.close()
            raise DatabaseError(f"The database {self.url} has the schema but no data (an init "
                                "was interrupted?). Run `multilateral init`.")
        with self._lock:
            self._opened.append(connection)
        return connection

    def prepare_for_serving(self) -> None:
        from multilateral.store.db import translate_errors
        engine = self.engine  # raises DatabaseError with advice when missing or empty
        if engine.dialect.name == "sqlite":
            with translate_errors(self.url), engine.connect() as connection:
                # Readers no longer wait for a writer, nor a writer for readers; the mode
                # stays with the file.
                connection.exec_driver_sql("PRAGMA journal_mode=WAL")

    def version(self) -> int:
        """The data version: it moves on with every write that can change an answer."""
        from multilateral.store import version as data_version
        with self.connect() as connection:
            return data_version.current(connection)

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for connection in opened:
            connection.close()
        self._local = threading.local()
        if self._engine is not None:
            self._engine.dispose()
