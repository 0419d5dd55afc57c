"""A throw-away PostgreSQL cluster on 127.0.0.1 for the benchmarks, started the way the
test set-up starts one (tests/conftest.py): Debian's binaries, trust auth, fsync off."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text


def _bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    initdb = found[-1] if found else shutil.which("initdb")
    if not initdb:
        raise SystemExit("PostgreSQL binaries not found: install Debian's postgresql package")
    return Path(initdb).parent


@contextmanager
def server() -> Iterator[str]:
    """Yields the server's base URL (no database); stops it and removes its files after."""
    bindir = _bindir()
    root = Path(tempfile.mkdtemp(prefix="multilateral-bench-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(root, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    data = root / "data"
    subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-A", "trust",
                    "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"],
                   check=True, capture_output=True)
    subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-l",
                    str(root / "server.log"), "-o",
                    f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off",
                    "-w", "start"], check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast",
                        "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def database(base: str, name: str) -> str:
    """An empty database on the server; returns its URL."""
    engine = create_engine(f"{base}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'create database "{name}"'))
    engine.dispose()
    return f"{base}/{name}"
