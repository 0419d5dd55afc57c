"""Who may do what: the roles an API token carries, reader < editor < admin."""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("reader", "editor", "admin")


@dataclass(frozen=True)
class Token:
    id: int
    role: str
    name: str | None

    def allows(self, role: str) -> bool:
        """Whether this token's role is `role` or above (reader < editor < admin)."""
        return ROLES.index(self.role) >= ROLES.index(role)
