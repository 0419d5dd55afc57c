"""The knowledge base's database: its URL, one engine opened on first use, and
connections whose errors come out as the library's own (`DatabaseError`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from multilateral.store import version as data_version
from multilateral.store.db import open_engine, require_schema, resolve_url, translate_errors

if TYPE_CHECKING:
    from multilateral.store.load import InitReport


class Database:
    def __init__(self, url: str | None = None) -> None:
        self.url = resolve_url(url)
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = open_engine(self.url)
            require_schema(self._engine, self.url)
        return self._engine

    def init(self, *, force: bool = False,
             on_wait: Callable[[str], None] | None = None) -> InitReport:
        """Create the schema and load the bundled data (skipped when already current)."""
        from multilateral.store.load import initialise  # Alembic and the loaders: init only
        engine = open_engine(self.url, create=True)
        report = initialise(engine, self.url, force=force, on_wait=on_wait)
        self._engine = engine
        return report

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection for reading."""
        engine = self.engine
        with translate_errors(self.url), engine.connect() as connection:
            yield connection

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A connection in one transaction, committed when the block ends without error."""
        engine = self.engine
        with translate_errors(self.url), engine.begin() as connection:
            yield connection

    def prepare_for_serving(self) -> None:
        engine = self.engine  # raises DatabaseError with advice when missing or empty
        if engine.dialect.name == "sqlite":
            with translate_errors(self.url), engine.connect() as connection:
                # Readers no longer wait for a writer, nor a writer for readers; the mode
                # stays with the file.
                connection.exec_driver_sql("PRAGMA journal_mode=WAL")

    def version(self) -> int:
        """The data version: it moves on with every write that can change an answer."""
        with self.connect() as connection:
            return data_version.current(connection)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
