"""API tokens: made, listed, revoked and checked; only a token's hash is ever stored.
Editors' browser sessions stand for a token: opened at login, ended at logout."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from multilateral.errors import InvalidInput, NotFound
from multilateral.kb.database import Database
from multilateral.kb.lazy import lazy_module
from multilateral.model.access import ROLES, Token

if TYPE_CHECKING:
    from multilateral.store import sessions, tokens
else:  # SQLAlchemy: only when a token or a session is asked for
    sessions = lazy_module("multilateral.store.sessions")
    tokens = lazy_module("multilateral.store.tokens")


class Tokens:
    def __init__(self, db: Database) -> None:
        self.db = db

    def create(self, role: str, name: str | None = None) -> tuple[Token, str]:
        """A new API token; the secret is returned once and only its hash is stored."""
        if role not in ROLES:
            raise InvalidInput(f"Unknown role '{role}': use one of {', '.join(ROLES)}.")
        with self.db.begin() as connection:
            return tokens.create(connection, role, name, _now())

    def listing(self) -> list[dict[str, Any]]:
        """Every token made, without its secret: id, role, name, when made, used, revoked."""
        with self.db.connect() as connection:
            return tokens.listing(connection)

    def revoke(self, token_id: int) -> None:
        with self.db.begin() as connection:
            if not tokens.revoke(connection, token_id, _now()):
                raise NotFound(f"No token {token_id}. `multilateral token list` shows them.")

    def authenticate(self, secret: str) -> Token | None:
        with self.db.begin() as connection:
            return tokens.lookup(connection, secret, _now())

    def open_session(self, token: Token, lifetime: dt.timedelta) -> str:
        """A browser session for `token` lasting `lifetime`; returns its id (the cookie)."""
        with self.db.begin() as connection:
            return sessions.open_session(connection, token, _now(), lifetime)

    def session(self, secret: str) -> Token | None:
        """The token a live session stands for, or None."""
        with self.db.connect() as connection:
            return sessions.lookup(connection, secret, _now())

    def close_session(self, secret: str) -> None:
        with self.db.begin() as connection:
            sessions.revoke(connection, secret, _now())


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
