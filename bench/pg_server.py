"""A throw-away PostgreSQL cluster on 127.0.0.1 for the benchmarks, started as the test
set-up starts one (tests/pg_support.py): Debian's binaries, trust auth, fsync off."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from pg_support import create_database, pg_bindir, running_server  # noqa: E402


@contextmanager
def server() -> Iterator[str]:
    """Yields the server's base URL (no database); stops it and removes its files after."""
    bindir = pg_bindir()
    if bindir is None:
        raise SystemExit("PostgreSQL binaries not found: install Debian's postgresql package")
    with running_server(bindir, "multilateral-bench-pg-") as base:
        yield base


def database(base: str, name: str) -> str:
    """An empty database on the server; returns its URL."""
    return create_database(base, name)
