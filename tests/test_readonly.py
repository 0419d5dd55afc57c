"""A database this user may read but not write: questions answer, writes fail with exit 3 and
a message, never a driver's traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from multilateral.cli import main

GOLD = Path(__file__).resolve().parents[1] / "gold" / "articles"


def test_a_read_only_database_reads_and_refuses_writes(sqlite_url: str, tmp_path: Path) -> None:
    copy = tmp_path / "kb.db"
    shutil.copyfile(sqlite_url, copy)
    # SQLite's own read-only mode: the same refusal a file without write permission gets
    # (the tests run as root, for whom file permissions do not hold).
    url = f"sqlite:///file:{copy}?mode=ro&uri=true"
    runner = CliRunner()
    read = runner.invoke(main, ["--db", url, "members", "SCO", "--on", "2019-11-19"])
    assert read.exit_code == 0 and "8 members" in read.output
    for command in (["ingest", str(GOLD / "000_seed.txt")], ["token", "create", "--role",
                                                              "reader"]):
        result = runner.invoke(main, ["--db", url, *command])
        assert result.exit_code == 3, (command, result.output)
        assert "is read-only here" in result.output and "Nothing was written" in result.output
        assert "Traceback" not in result.output and result.exception is None or \
            isinstance(result.exception, SystemExit)
