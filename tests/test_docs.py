"""The README documents every command and every setting."""

from pathlib import Path

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
