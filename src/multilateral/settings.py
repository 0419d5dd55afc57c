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
    "Wrong API tokens in a row from one client address, or for one token prefix, before "
    "each further wrong one is refused for a doubling pause (a right token never waits).",
)

HTTPS = Setting(
    "https", "MULTILATERAL_HTTPS", "0",
    "1 when the site is served over HTTPS (behind a TLS proxy): the session and CSRF cookies "
    "then carry Secure, so a browser never sends them over plain HTTP.",
)
SESSION_HOURS = Setting(
    "session_hours", "MULTILATERAL_SESSION_HOURS", "12",
    "Hours an editor's browser session lasts after logging in at /login.",
)
SECRET_KEY = Setting(
    "secret_key", "MULTILATERAL_SECRET_KEY", "made at random when the server starts",
    "The key that signs the site's CSRF tokens. Set it when several server processes serve "
    "one site; otherwise a restart only makes an open form ask to be reloaded.",
)
TRUSTED_PROXIES = Setting(
    "trusted_proxies", "MULTILATERAL_TRUSTED_PROXIES", "none",
    "Addresses or networks of the reverse proxies in front of the site, separated by commas "
    "(127.0.0.1, 10.0.0.0/8): from them alone X-Forwarded-For is believed, so that wrong "
    "tokens are counted per real client.",
)

SETTINGS = (DATABASE, MAX_ARTICLE_BYTES, FAILURES_ALLOWED, HTTPS, SESSION_HOURS, SECRET_KEY,
            TRUSTED_PROXIES)


def int_setting(setting: Setting) -> int:
    """The setting's value from the environment, or its default."""
    value = setting.from_env() or setting.default
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{setting.env}={value!r} is not a whole number; unset it or give "
                         f"one (default {setting.default}).") from None


def bool_setting(setting: Setting) -> bool:
    """A yes/no setting: 1, true or yes (any case) is yes; unset, its default."""
    value = (setting.from_env() or setting.default).strip().lower()
    if value in ("1", "true", "yes"):
        return True
    if value in ("0", "false", "no"):
        return False
    raise ValueError(f"{setting.env}={value!r} is neither 1 nor 0; unset it or give one "
                     f"(default {setting.default}).")
