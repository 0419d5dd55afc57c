"""Settings, each declared once: the CLI, the docs and the tests read this list."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str
    help: str


SETTINGS = (
    Setting(
        "database", "MULTILATERAL_DATABASE_URL",
        "an SQLite file in the user's data directory "
        "(e.g. ~/.local/share/multilateral/multilateral.db)",
        "Database URL (sqlite:///path.db or postgresql://user@host/db) or a path to an SQLite "
        "file. The --db option overrides it.",
    ),
)
