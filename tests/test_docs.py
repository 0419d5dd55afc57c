"""The README documents every command and every setting."""

from pathlib import Path

from click.testing import CliRunner

from multilateral.cli import main
from multilateral.settings import SETTINGS

README = (Path(__file__).parent.parent / "README.md").read_text()


def test_every_command_is_in_the_readme() -> None:
    missing = [name for name in main.commands if f"multilateral {name}" not in README]
    assert not missing


def test_every_setting_is_in_the_readme() -> None:
    assert all(setting.env in README for setting in SETTINGS)


def test_the_readme_gives_the_two_set_up_commands() -> None:
    assert "make demo" in README and "make test" in README


def test_the_readme_first_result_is_what_runs(sqlite_url: str) -> None:
    """Every line the README shows of `members SCO --on 2019-11-19` is a line it prints."""
    block = README.split("$ multilateral members SCO --on 2019-11-19\n", 1)[1].split("\n\n$", 1)[0]
    shown = [line for line in block.splitlines() if line.strip() and line != "..."]
    result = CliRunner().invoke(main, ["--db", sqlite_url, "members", "SCO", "--on",
                                       "2019-11-19"])
    printed = result.output.splitlines()
    assert len(shown) >= 5 and [line for line in shown if line not in printed] == []
