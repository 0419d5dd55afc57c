"""API tokens: made, listed, revoked and checked; only a token's hash is ever stored."""

from __future__ import annotations

import datetime as dt
from typing import Any

from multilateral.errors import InvalidInput, NotFound
from multilateral.kb.database import Database
from multilateral.model.access import ROLES, Token
from multilateral.store import tokens


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


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
