"""The data version: a number that moves on whenever what the knowledge base answers may have
changed (`init` loading data, an article stored, a review decision, a feature). Answers
cached by version stay right until it moves; every server process and database sees the
same number, since it lives in the database beside the data it describes."""

from __future__ import annotations

from sqlalchemy import Connection, cast, insert, select, update
from sqlalchemy.types import Integer, Text

from multilateral.store import schema as s

KEY = "data_version"


def current(connection: Connection) -> int:
    value = connection.scalar(select(s.meta.c.value).where(s.meta.c.key == KEY))
    return int(value) if value is not None else 0


def bump(connection: Connection) -> None:
    """Move the version on, in the caller's transaction (so it moves with the change it
    marks, and not if that change is rolled back). The row lock serialises writers."""
    moved = connection.execute(
        update(s.meta).where(s.meta.c.key == KEY)
        .values(value=cast(cast(s.meta.c.value, Integer) + 1, Text))).rowcount
    if not moved:
        connection.execute(insert(s.meta).values(key=KEY, value="1"))
