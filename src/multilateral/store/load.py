"""`init`: migrate the schema and load the bundled reference data, idempotently, atomically.

The data go in within one transaction: a failure leaves the database as it was.
A second `init` at the same time waits for the first (a lock file beside an
SQLite database, an advisory lock on PostgreSQL), then finds the data current
and changes nothing. Rows that did not come from the bundled datasets (facts
from reviewed articles, later) are kept across reloads.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    DateTime,
    Engine,
    Index,
    Table,
    bindparam,
    delete,
    func,
    insert,
    select,
    text,
    update,
)

from multilateral.errors import DatabaseError
from multilateral.reference import DATASETS, build_bundle, fingerprint
from multilateral.reference.bundle import SERIAL_TABLES, Bundle, Row
from multilateral.reference.cities import cities
from multilateral.store import migrate, version
from multilateral.store import schema as s
from multilateral.store.db import describe, sqlite_path, translate_errors
from multilateral.store.reads import CITIES_KEY, SUCCESSIONS_KEY

log = logging.getLogger(__name__)

FINGERPRINT_KEY = "reference_fingerprint"
LOCK_WAIT_SECONDS = 300
# Entity tables are upserted (facts from articles may point at them); fact tables replaced.
_ENTITY_TABLES = ("states", "organizations", "places")
_FACT_ORDER = ("memberships", "chairmanships", "instruments", "events", "foundings", "names")
_CHILDREN = {"instruments": ("instrument_parties", "instrument_id"),
             "events": ("event_organizers", "event_id")}
_FACT_TYPE = {table.name: fact_type for fact_type, table in s.FACT_TABLES.items()}


@dataclass
class InitReport:
    database: str
    loaded: bool
    seconds: float
    counts: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"database": self.database, "loaded": self.loaded,
                "seconds": round(self.seconds, 3), "counts": self.counts}


def initialise(engine: Engine, url: str, *, force: bool = False,
               on_wait: Callable[[str], None] | None = None) -> InitReport:
    """Create or migrate the schema, then (re)load the reference data if they changed."""
    started = time.perf_counter()
    with translate_errors(url), _init_lock(engine, url, on_wait):
        with engine.begin() as connection:
            migrate.upgrade(connection)
        wanted = fingerprint()
        with engine.begin() as connection:
            current = connection.scalar(
                select(s.meta.c.value).where(s.meta.c.key == FINGERPRINT_KEY))
            if current == wanted and not force:
                return InitReport(describe(url), False, time.perf_counter() - started,
                                  _counts(connection))
            bundle = build_bundle()
            _replace(connection, bundle)
            # The succession table rides in meta until it has a table of its own (a
            # migration); the questions read it to know which states continue which.
            _set_meta(connection, SUCCESSIONS_KEY, json.dumps(bundle.rows.get("successions", [])))
            _set_meta(connection, FINGERPRINT_KEY, wanted)
            _set_meta(connection, "loaded_at", dt.datetime.now(dt.UTC).isoformat())
            _set_meta(connection, CITIES_KEY, json.dumps(cities()))
            version.bump_facts(connection)
            counts = _counts(connection)
    log.info("loaded reference data into %s: %s", describe(url), counts)
    return InitReport(describe(url), True, time.perf_counter() - started, counts)


@contextmanager
def _init_lock(engine: Engine, url: str,
               on_wait: Callable[[str], None] | None) -> Iterator[None]:
    path = sqlite_path(url)
    if engine.dialect.name == "sqlite":
        if path is None:  # in-memory: nobody else can see it
            yield
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(f"{path}.init-lock", "w") as handle:
            _flock(handle.fileno(), path, on_wait)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return
    with engine.connect() as holder:
        key = 0x6D756C74  # "mult"
        got = holder.scalar(text("select pg_try_advisory_lock(:k)"), {"k": key})
        if not got:
            if on_wait:
                on_wait(f"Another `multilateral init` is running on {describe(url)}; waiting.")
            holder.execute(text(f"set lock_timeout = '{LOCK_WAIT_SECONDS}s'"))
            holder.scalar(text("select pg_advisory_lock(:k)"), {"k": key})
        holder.commit()
        try:
            yield
        finally:
            holder.execute(text("select pg_advisory_unlock(:k)"), {"k": key})
            holder.commit()


def _flock(fd: int, path: Path, on_wait: Callable[[str], None] | None) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    except BlockingIOError:
        if on_wait:
            on_wait(f"Another `multilateral init` is running on {path}; waiting.")
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while time.monotonic() < deadline:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            time.sleep(0.1)
    raise DatabaseError(f"Another `multilateral init` on {path} did not finish within "
                        f"{LOCK_WAIT_SECONDS} s. If none is running, delete {path}.init-lock.")


def _replace(connection: Connection, bundle: Bundle) -> None:
    """Swap the bundled datasets' rows for the bundle's, in the caller's transaction."""
    tables = s.metadata.tables
    for name in _FACT_ORDER:
        table = tables[name]
        ours = select(table.c.id).where(table.c.dataset.in_(DATASETS))
        if name in _FACT_TYPE:
            connection.execute(delete(s.fact_sources).where(
                s.fact_sources.c.fact_type == _FACT_TYPE[name], s.fact_sources.c.fact_id.in_(ours)))
        if name in _CHILDREN:
            child, column = _CHILDREN[name]
            connection.execute(delete(tables[child]).where(tables[child].c[column].in_(ours)))
        connection.execute(delete(table).where(table.c.dataset.in_(DATASETS)))
    connection.execute(delete(s.population).where(s.population.c.dataset.in_(DATASETS)))
    connection.execute(delete(s.observations).where(s.observations.c.dataset.in_(DATASETS)))

    _upsert(connection, s.sources, list(bundle.sources.values()))
    for name in _ENTITY_TABLES:
        # Parents before children: a row may name a parent that comes later in its file.
        rows = sorted(bundle.rows.get(name, []),
                      key=lambda row: bool(row.get("parent_id") or row.get("within_id")))
        _upsert(connection, tables[name], rows)

    # The bulk tables' own indexes are built once after their rows are in, not kept up
    # row by row (the primary keys stay).
    bulk = [tables[name] for name in (*_FACT_ORDER, *(c for c, _ in _CHILDREN.values()),
                                      "fact_sources", "population", "observations")]
    indexes = [index for table in bulk for index in sorted(table.indexes, key=_index_name)]
    for index in indexes:
        index.drop(connection)
    offsets = {name: int(connection.scalar(
        select(func.coalesce(func.max(tables[name].c.id), 0))) or 0) for name in SERIAL_TABLES}
    # Rows are copied with their ids moved on only where rows from articles hold the first
    # ids (a fresh database has none: the bundle's rows go in as they are).
    for name in _FACT_ORDER:
        _insert(connection, tables[name], _offset(bundle.rows.get(name, []), "id", offsets[name]))
    for parent, (child, column) in _CHILDREN.items():
        _insert(connection, tables[child],
                _offset(bundle.rows.get(child, []), column, offsets[parent]))
    table_of = {fact_type: table.name for fact_type, table in s.FACT_TABLES.items()}
    links = bundle.links if not any(offsets.values()) else [
        {**link, "fact_id": link["fact_id"] + offsets[table_of[link["fact_type"]]]}
        for link in bundle.links]
    _insert(connection, s.fact_sources, links)
    _insert(connection, s.population, bundle.rows.get("population", []))
    _insert(connection, s.observations, bundle.rows.get("observations", []))
    for index in indexes:
        index.create(connection)
    if connection.dialect.name == "postgresql":
        for name in SERIAL_TABLES:
            connection.execute(text(
                f"select setval(pg_get_serial_sequence('{name}', 'id'), "
                f"coalesce((select max(id) from {name}), 0) + 1, false)"))


def _index_name(index: Index) -> str:
    return str(index.name)


def _offset(rows: list[Row], column: str, by: int) -> list[Row]:
    """The rows with `column` moved on by `by`: copies, unless `by` is 0."""
    return [{**row, column: row[column] + by} for row in rows] if by else rows


def _insert(connection: Connection, table: Table, rows: list[Row]) -> None:
    """Many rows at once, handed to the driver as plain tuples: SQLAlchemy's per-row
    parameter processing was most of `init`'s time. Values are converted as SQLAlchemy's
    own types store them (SQLite: dates as ISO text, booleans as 0/1)."""
    if not rows:
        return
    names = [c.name for c in table.c if any(c.name in row for row in rows[:50])]
    names += [c.name for c in table.c if c.name not in names and any(c.name in r for r in rows)]
    convert = [_to_sqlite(table.c[name].type) if connection.dialect.name == "sqlite" else None
               for name in names]
    marks = ", ".join("?" if connection.dialect.paramstyle == "qmark" else "%s" for _ in names)
    columns = ", ".join(connection.dialect.identifier_preparer.quote(n) for n in names)
    statement = f"INSERT INTO {table.name} ({columns}) VALUES ({marks})"
    fixes = [(index, fix) for index, fix in enumerate(convert) if fix is not None]
    if not fixes:
        connection.exec_driver_sql(statement, [tuple(map(row.get, names)) for row in rows])
        return
    values = [list(map(row.get, names)) for row in rows]
    for index, fix in fixes:  # only the date and boolean columns, and only on SQLite
        for value in values:
            if value[index] is not None:
                value[index] = fix(value[index])
    connection.exec_driver_sql(statement, [tuple(value) for value in values])


def _to_sqlite(kind: Any) -> Any:
    if isinstance(kind, DateTime):
        return lambda value: value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(kind, Date):
        return lambda value: value.isoformat()
    if isinstance(kind, Boolean):
        return int
    return None


def _upsert(connection: Connection, table: Table, rows: list[Row]) -> None:
    existing = set(connection.scalars(select(table.c.id)))
    new = [row for row in rows if row["id"] not in existing]
    old = [{f"_{key}": value for key, value in row.items()} for row in rows
           if row["id"] in existing]
    _insert(connection, table, new)
    if old:
        columns = [c.name for c in table.c if c.name != "id"]
        statement = (update(table).where(table.c.id == bindparam("_id"))
                     .values({c: bindparam(f"_{c}") for c in columns}))
        connection.execute(statement, old)


def _set_meta(connection: Connection, key: str, value: str) -> None:
    connection.execute(delete(s.meta).where(s.meta.c.key == key))
    connection.execute(insert(s.meta).values(key=key, value=value))


def _counts(connection: Connection) -> dict[str, int]:
    return {name: int(connection.scalar(select(func.count()).select_from(s.metadata.tables[name]))
                      or 0)
            for name in ("organizations", "states", "memberships", "instruments", "events",
                         "chairmanships", "sources", "observations", "population")}
