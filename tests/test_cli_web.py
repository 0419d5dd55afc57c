"""`multilateral token create` and `multilateral serve`."""

from __future__ import annotations

import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from click.testing import CliRunner

from multilateral.cli import main
from multilateral.kb import KnowledgeBase


def test_token_create_prints_a_token_that_works_once_made(sqlite_url: str,
                                                          tmp_path: Path) -> None:
    db = tmp_path / "tokens.db"
    shutil.copyfile(sqlite_url, db)
    result = CliRunner().invoke(main, ["--db", str(db), "token", "create", "--role", "editor",
                                       "--name", "desk"])
    assert result.exit_code == 0, result.output
    secret = result.stdout.strip()
    assert secret.startswith("mlt_") and len(secret) > 40
    made = KnowledgeBase(str(db)).authenticate(secret)
    assert made is not None and made.role == "editor" and made.name == "desk"
    bad = CliRunner().invoke(main, ["--db", str(db), "token", "create", "--role", "king"])
    assert bad.exit_code == 2


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "none.db"), "serve"])
    assert result.exit_code == 3
    assert "multilateral init" in result.output


def test_serve_answers_on_the_port_it_prints(sqlite_url: str, tmp_path: Path) -> None:
    db = tmp_path / "served.db"  # serve turns on the write-ahead log: a file of its own
    shutil.copyfile(sqlite_url, db)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "multilateral", "--db", str(db), "serve", "--port", str(port),
         "--workers", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/org/SCO/members.json"
                                            "?on=2019-11-19", timeout=5) as response:
                    body = response.read().decode()
                break
            except OSError:
                assert server.poll() is None, server.communicate()[1]
                assert time.monotonic() < deadline, "serve did not answer"
                time.sleep(0.2)
        assert '"member":8' in body
        # Both workers answer, and a write made meanwhile by another process is seen at once.
        kb = KnowledgeBase(str(db))
        before = kb.data_version()
        kb.ingest([str(Path(__file__).resolve().parents[1] / "gold" / "articles"
                       / "000_seed.txt")])
        assert kb.data_version() == before + 1
        kb.close()
        for _ in range(6):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/articles.json",
                                        timeout=5) as response:
                assert "Shanghai" in response.read().decode()
        with sqlite3.connect(db) as connection:
            assert connection.execute("pragma journal_mode").fetchone()[0] == "wal"
    finally:
        server.terminate()
        _, err = server.communicate(timeout=20)
    assert f"at http://127.0.0.1:{port}/ with 2 workers" in err


def test_tokens_are_listed_without_secrets_and_revoked(sqlite_url: str, tmp_path: Path) -> None:
    db = tmp_path / "tokens.db"
    shutil.copyfile(sqlite_url, db)
    runner = CliRunner()
    secret = runner.invoke(main, ["--db", str(db), "token", "create", "--role", "reader"]
                           ).stdout.strip()
    listed = runner.invoke(main, ["--db", str(db), "token", "list", "--format", "json"])
    assert listed.exit_code == 0 and secret not in listed.output
    made = json.loads(listed.stdout)["tokens"]
    assert [(t["id"], t["role"], t["revoked_at"]) for t in made] == [(1, "reader", None)]
    assert runner.invoke(main, ["--db", str(db), "token", "revoke", "1"]).exit_code == 0
    assert KnowledgeBase(str(db)).authenticate(secret) is None
    missing = runner.invoke(main, ["--db", str(db), "token", "revoke", "99"])
    assert missing.exit_code == 2 and "token list" in missing.output
