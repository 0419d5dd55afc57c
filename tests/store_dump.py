"""What an ingest leaves in a store, as plain rows to compare: articles with their ids and
sources, their tags, candidates with their facts, the ledger, the stories' fingerprints
and band keys (made by a reader on Ray, by the writer in one process) and their copies.
Times of day are left out (when a row was written is not what it holds)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, create_engine, select

from multilateral.store import schema as s
from multilateral.store.url import resolve_url

_LEFT_OUT = {"ingested_at", "done_at", "seen"}


def dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    engine = create_engine(resolve_url(url))
    try:
        with engine.connect() as connection:
            return {table.name: _rows(connection, table)
                    for table in (s.articles, s.article_tags, s.candidates, s.ingest_ledger,
                                  s.story_prints, s.story_bands, s.story_copies)}
    finally:
        engine.dispose()


def _rows(connection: Any, table: Table) -> list[tuple[Any, ...]]:
    columns = [c for c in table.columns if c.name not in _LEFT_OUT]
    keys = list(table.primary_key.columns) or columns
    return [tuple(row) for row in connection.execute(select(*columns).order_by(*keys))]
