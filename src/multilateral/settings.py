"""Settings, each declared once (name, environment variable, default, help): the CLI, the web
application, the docs and the tests read this list."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str  # as the docs show it
    help: str

    def from_env(self) -> str | None:
        return os.environ.get(self.env) or None


DATABASE = Setting(
    "database", "MULTILATERAL_DATABASE_URL",
    "an SQLite file in the user's data directory "
    "(e.g. ~/.local/share/multilateral/multilateral.db)",
    "Database URL (sqlite:///path.db or postgresql://user@host/db) or a path to an SQLite "
    "file. The --db option overrides it.",
)
# A news page is 10-500 KB; 5 MB leaves room for inline junk and refuses a runaway file.
MAX_ARTICLE_BYTES = Setting(
    "max_article_bytes", "MULTILATERAL_MAX_ARTICLE_BYTES", "5000000",
    "The largest article read, in bytes, from a file, stdin or an upload.",
)
FAILURES_ALLOWED = Setting(
    "failures_allowed", "MULTILATERAL_FAILURES_ALLOWED", "10",
    "Wrong API tokens in a row from one client before each further try must wait.",
)

SETTINGS = (DATABASE, MAX_ARTICLE_BYTES, FAILURES_ALLOWED)


def int_setting(setting: Setting) -> int:
    """The setting's value from the environment, or its default."""
    value = setting.from_env() or setting.default
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{setting.env}={value!r} is not a whole number; unset it or give "
                         f"one (default {setting.default}).") from None
