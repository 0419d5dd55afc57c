"""Editors' browser sessions: a random id in the cookie, its SHA-256 hash in the store.

A session opens the site's forms for the token that logged in, until it expires, until
logging out revokes it, or until the token itself is revoked.
"""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import Connection, insert, select, update

from multilateral.model.access import Token
from multilateral.store import schema as s
from multilateral.store.tokens import digest

PREFIX = "mls_"  # told apart from an API token (mlt_) at a glance


def open_session(connection: Connection, token: Token, now: dt.datetime,
                 lifetime: dt.timedelta) -> str:
    """A new session for `token`; returns the id for the cookie (stored only hashed)."""
    secret = PREFIX + secrets.token_urlsafe(32)
    connection.execute(insert(s.web_sessions).values(
        session_hash=digest(secret), token_id=token.id, created_at=now,
        expires_at=now + lifetime))
    return secret


def lookup(connection: Connection, secret: str, now: dt.datetime) -> Token | None:
    """The token a live session stands for; None when unknown, expired, logged out, or
    its token revoked."""
    w, t = s.web_sessions, s.api_tokens
    row = connection.execute(
        select(t.c.id, t.c.role, t.c.name).join(t, t.c.id == w.c.token_id)
        .where(w.c.session_hash == digest(secret), w.c.revoked_at.is_(None),
               w.c.expires_at > now, t.c.revoked_at.is_(None))).first()
    return Token(row.id, row.role, row.name) if row else None


def revoke(connection: Connection, secret: str, now: dt.datetime) -> None:
    """End a session (logging out); an unknown or ended one is left as it is."""
    w = s.web_sessions
    connection.execute(update(w).where(w.c.session_hash == digest(secret),
                                       w.c.revoked_at.is_(None)).values(revoked_at=now))
