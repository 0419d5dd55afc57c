"""The ingest ledger: which work items an ingest has finished, and how each ended.

A row is written in the transaction that stores its article (`articles.save` with an
`Entry`), so that a job killed between the two cannot leave an article without its row or
a row without its article. A restarted job asks `done` which of its items to skip.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from multilateral.store import schema as s

STORED, DUPLICATE, SKIPPED, FAILED = "stored", "duplicate", "skipped", "failed"
OUTCOMES = (STORED, DUPLICATE, SKIPPED, FAILED)
# A failed item is read again by the next run (a page over the time limit, a record the
# reader could not parse, may read with a later version); the others are done for good.
FINAL = (STORED, DUPLICATE, SKIPPED)


@dataclass(frozen=True)
class Entry:
    """What the ledger knows of an item before its outcome: its key, file and offset."""

    key: str
    source: str
    offset: int | None = None


def record(connection: Connection, entry: Entry, outcome: str, *,
           article_id: int | None = None, message: str | None = None) -> None:
    """Write the item's row (rewrite it, for a failed item read again), in the caller's
    transaction."""
    if outcome not in OUTCOMES:
        raise ValueError(f"unknown ledger outcome {outcome!r}")
    values = {"source": entry.source, "record_offset": entry.offset, "outcome": outcome,
              "article_id": article_id, "message": message,
              "done_at": dt.datetime.now(dt.UTC).replace(tzinfo=None)}
    # An upsert: two jobs on one file at once both end with one row, neither with an error
    # (PostgreSQL makes the second wait for the first's commit). Only a failed row is
    # rewritten: the second job's "duplicate" does not hide that the first stored it.
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    connection.execute(dialect.insert(s.ingest_ledger).values(key=entry.key, **values)
                       .on_conflict_do_update(index_elements=["key"], set_=values,
                                              where=s.ingest_ledger.c.outcome == FAILED))


def done(connection: Connection, keys: Iterable[str]) -> dict[str, int | None]:
    """Those of `keys` finished for good (stored, duplicate or skipped), each with its
    article's id (None for a skipped item)."""
    wanted = list(keys)
    found: dict[str, int | None] = {}
    t = s.ingest_ledger
    for at in range(0, len(wanted), 500):  # bound the statement's parameters
        found.update((row.key, row.article_id) for row in connection.execute(
            select(t.c.key, t.c.article_id).where(t.c.key.in_(wanted[at:at + 500]),
                                                  t.c.outcome.in_(FINAL))))
    return found


def done_offsets(connection: Connection, source: str) -> set[int]:
    """The offsets of a WARC file's records finished for good: a restart passes over them
    without reading their payloads."""
    return {int(offset) for offset in connection.scalars(
        select(s.ingest_ledger.c.record_offset).where(
            s.ingest_ledger.c.source == source, s.ingest_ledger.c.record_offset.is_not(None),
            s.ingest_ledger.c.outcome.in_(FINAL)))}


def rows(connection: Connection, source: str | None = None) -> list[dict[str, Any]]:
    """The ledger's rows (of one file), in key order."""
    statement = select(s.ingest_ledger)
    if source is not None:
        statement = statement.where(s.ingest_ledger.c.source == source)
    return [{"key": row.key, "source": row.source, "offset": row.record_offset,
             "outcome": row.outcome, "article_id": row.article_id, "message": row.message}
            for row in connection.execute(statement.order_by(s.ingest_ledger.c.key))]
