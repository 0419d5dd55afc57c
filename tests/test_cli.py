"""The CLI over a real SQLite file: formats, exit codes and messages."""

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from multilateral.cli import main


@pytest.fixture()
def run(sqlite_url: str) -> "Runner":
    return Runner(sqlite_url)


class Runner:
    def __init__(self, db: str) -> None:
        self.db = db

    def __call__(self, *args: str) -> Result:
        return CliRunner().invoke(main, ["--db", self.db, *args])


def test_members_table_gives_the_counts_and_the_members(run: Runner) -> None:
    result = run("members", "SCO", "--on", "2019-11-19")
    assert result.exit_code == 0
    assert "8 members, 4 observers, 6 dialogue partners" in result.output  # members first
    assert "Mongolia" in result.output and "2017-06-09" in result.output


def test_members_json_is_machine_readable(run: Runner) -> None:
    result = run("members", "SCO", "--on", "2019-11-19", "--format", "json")
    data = json.loads(result.output)
    assert data["counts"] == {"dialogue_partner": 6, "member": 8, "observer": 4}
    assert data["on"] == "2019-11-19" and data["org"]["id"] == "SCO"


def test_members_csv_has_one_row_per_member(run: Runner) -> None:
    result = run("members", "SCO", "--on", "2019-11-19", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == 18
    assert {row["status"] for row in rows} == {"member", "observer", "dialogue_partner"}
    assert all(row["sources"].startswith("http") for row in rows)


def test_unknown_organization_exits_2_with_a_suggestion(run: Runner) -> None:
    result = run("members", "SCOO")
    assert result.exit_code == 2
    assert "Unknown organization 'SCOO'" in result.output and "'SCO'" in result.output


def test_malformed_date_exits_2(run: Runner) -> None:
    result = run("members", "SCO", "--on", "2019-13-40")
    assert result.exit_code == 2 and "Invalid date '2019-13-40'" in result.output


def test_date_before_the_organization_existed_exits_2(run: Runner) -> None:
    result = run("members", "SCO", "--on", "1990-01-01")
    assert result.exit_code == 2 and "did not exist" in result.output


def test_unknown_status_is_a_usage_error(run: Runner) -> None:
    result = run("members", "SCO", "--status", "friend")
    assert result.exit_code == 2 and "friend" in result.output


def test_corrupt_database_exits_3(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(b"\x00garbage" * 100)
    result = CliRunner().invoke(main, ["--db", str(path), "members", "SCO"])
    assert result.exit_code == 3 and "not an SQLite database" in result.output


def test_database_url_from_the_environment(sqlite_url: str) -> None:
    result = CliRunner().invoke(main, ["members", "UN", "--on", "2014-01-01", "--format",
                                       "json"], env={"MULTILATERAL_DATABASE_URL": sqlite_url})
    assert json.loads(result.output)["counts"] == {"member": 193, "observer": 2}


def test_init_twice_says_nothing_changed(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    first = CliRunner().invoke(main, ["--db", db, "init"])
    second = CliRunner().invoke(main, ["--db", db, "init"])
    assert first.exit_code == second.exit_code == 0
    assert first.output.startswith("Loaded") and second.output.startswith("Already current")


def test_share(run: Runner) -> None:
    result = run("share", "SCO", "--on", "2019", "--status", "member", "--format", "json")
    data = json.loads(result.output)
    assert data["year"] == 2019 and 41 < data["percent"] < 42.5
    assert data["population"] == sum(m["population"] for m in data["members"])
    assert "41.7%" in run("share", "SCO", "--on", "2019").output


def test_history_csv(run: Runner) -> None:
    rows = list(csv.DictReader(io.StringIO(
        run("history", "SCO", "--state", "Pakistan", "--format", "csv").output)))
    assert [(r["date"], r["change"], r["status"]) for r in rows] == [
        ("2005", "start", "observer"), ("2017-06-09", "end", "observer"),
        ("2017-06-09", "start", "member")]


def test_org_and_overlap_and_memberships(run: Runner) -> None:
    profile = json.loads(run("org", "SCO", "--on", "2019-11-19", "--format", "json").output)
    assert profile["counts_on"]["member"] == 8 and profile["conflicts"]
    sheet = list(csv.DictReader(io.StringIO(run("org", "SCO", "--format", "csv").output)))
    assert {"name", "founding", "chair", "instrument", "event", "conflict"} <= {
        row["section"] for row in sheet}
    text = run("org", "SCO").output
    assert "Sources disagree" in text and "A/RES/59/48" in text
    overlap = json.loads(run("overlap", "SCO", "CSTO", "--on", "2014", "--format", "json").output)
    assert overlap["counts"]["member/member"] == 4
    held = json.loads(run("memberships", "India", "--on", "2016-01-01", "--format",
                          "json").output)
    assert {m["id"]: m["status"] for m in held["memberships"]}["SCO"] == "observer"


def test_find(run: Runner) -> None:
    result = run("find", "counter-terrorism", "--format", "json")
    ids = [r["id"] for r in json.loads(result.output)["results"]]
    assert "UNOCT" in ids


def test_help_starts_without_the_database_or_reading_layers() -> None:
    import subprocess
    import sys
    probe = ("import sys\nfrom multilateral.cli import main\n"
             "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in ('sqlalchemy', 'trafilatura', 'alembic') "
             "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
