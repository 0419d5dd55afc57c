"""The data version: a number that moves on whenever what the knowledge base answers may have
changed (`init` loading data, an article stored, a review decision, a feature). Answers
cached by version stay right until it moves; every server process and database sees the
same number, since it lives in the database beside the data it describes."""

from __future__ import annotations

from sqlalchemy import Connection, cast, insert, select, update
from sqlalchemy.types import Integer, Text

from multilateral.store import schema as s

KEY = "data_version"
# The facts claims are judged on change only with `init` and an accepted review, not with
# an article stored or featured: a stored check stays good across those.
FACTS_KEY = "facts_version"


def current(connection: Connection, key: str = KEY) -> int:
    value = connection.scalar(select(s.meta.c.value).where(s.meta.c.key == key))
    return int(value) if value is not None else 0


def bump(connection: Connection, key: str = KEY) -> None:
    """Move the version on, in the caller's transaction (so it moves with the change it
    marks, and not if that change is rolled back). The row lock serialises writers."""
    moved = connection.execute(
        update(s.meta).where(s.meta.c.key == key)
        .values(value=cast(cast(s.meta.c.value, Integer) + 1, Text))).rowcount
    if not moved:
        connection.execute(insert(s.meta).values(key=key, value="1"))


def bump_facts(connection: Connection) -> None:
    """The facts changed: both versions move on."""
    bump(connection, FACTS_KEY)
    bump(connection)
