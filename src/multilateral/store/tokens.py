"""API tokens: made at random, shown once, kept only as a SHA-256 hash.

The tokens carry 256 random bits, so a fast hash is enough: there is no password
to guess from it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from sqlalchemy import Connection, insert, select, update

from multilateral.model.access import ROLES, Token
from multilateral.store import schema as s

PREFIX = "mlt_"


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create(connection: Connection, role: str, name: str | None, now: dt.datetime
           ) -> tuple[Token, str]:
    if role not in ROLES:
        raise ValueError(f"Unknown role '{role}': use one of {', '.join(ROLES)}.")
    secret = PREFIX + secrets.token_urlsafe(32)
    key = connection.execute(insert(s.api_tokens).values(
        token_hash=digest(secret), role=role, name=name, created_at=now)).inserted_primary_key
    assert key is not None
    return Token(int(key[0]), role, name), secret


def lookup(connection: Connection, secret: str, now: dt.datetime) -> Token | None:
    t = s.api_tokens
    row = connection.execute(
        select(t.c.id, t.c.role, t.c.name)
        .where(t.c.token_hash == digest(secret), t.c.revoked_at.is_(None))).first()
    if row is None:
        return None
    connection.execute(update(t).where(t.c.id == row.id).values(last_used_at=now))
    return Token(row.id, row.role, row.name)


def listing(connection: Connection) -> list[dict[str, object]]:
    t = s.api_tokens
    rows = connection.execute(
        select(t.c.id, t.c.role, t.c.name, t.c.created_at, t.c.last_used_at, t.c.revoked_at)
        .order_by(t.c.id)).all()
    return [{"id": row.id, "role": row.role, "name": row.name,
             "created_at": _iso(row.created_at), "last_used_at": _iso(row.last_used_at),
             "revoked_at": _iso(row.revoked_at)} for row in rows]


def revoke(connection: Connection, token_id: int, now: dt.datetime) -> bool:
    """Revoke a token; False when there is no such token (revoking twice is harmless)."""
    t = s.api_tokens
    found = connection.execute(select(t.c.revoked_at).where(t.c.id == token_id)).first()
    if found is None:
        return False
    if found.revoked_at is None:
        connection.execute(update(t).where(t.c.id == token_id).values(revoked_at=now))
    return True


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None
