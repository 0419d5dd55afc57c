"""Input that probing found mishandled: control characters, foreign digits, links and folders
that lead nowhere, files that are no article, ids that do not exist."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from click.testing import CliRunner

from multilateral.cli import main
from multilateral.ingest.dates import find_dates
from multilateral.ingest.reading import collect
from multilateral.kb import KnowledgeBase
from multilateral.model.dates import PartialDate
from web_support import bearer, client, token

ARTICLE = ("Ministers meet\n\nPublished 1 March 2024\n\nSweden joined NATO on 7 March 2024, "
           "the Alliance said.\n")


def test_control_characters_are_stripped_at_reading(writable_url: str, tmp_path: Path) -> None:
    crafted = tmp_path / "crafted.txt"
    crafted.write_text("Minis\x1b[2Jters\x07 meet\u202e\n\nPublished 1 March 2024\n\n"
                       "Sweden joined\x1b]0;owned\x07 NATO on 7 March 2024.\n", encoding="utf-8")
    kb = KnowledgeBase(writable_url)
    item = kb.ingest([str(crafted)]).items[0]
    stored = kb.article(item.article_id or 0)
    kb.close()
    for text in (stored["title"], stored["text"]):
        assert not any(ch in text for ch in "\x1b\x07\u202e"), text
    assert "Sweden joined]0;owned NATO" in stored["text"]


def test_dates_take_ascii_digits_only(sqlite_url: str) -> None:
    result = CliRunner().invoke(main, ["--db", sqlite_url, "members", "SCO", "--on",
                                       "٢٠١٩-١١-١٩"])
    assert result.exit_code == 2 and "write the digits as 0-9" in result.output


def test_relative_dates_in_a_text_of_year_one_do_not_raise() -> None:
    found = find_dates("They met yesterday and again in January.", PartialDate.parse("0001-01-01"))
    assert [m.date for m in found if m.date is not None] == [PartialDate(1, 1)]


def test_a_symbolic_link_loop_is_named_as_such(sqlite_url: str, tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    result = CliRunner().invoke(main, ["--db", sqlite_url, "extract", str(loop)])
    assert result.exit_code == 2 and "symbolic link that leads to no file" in result.output


def test_a_folder_that_cannot_be_listed_counts_as_a_failure(tmp_path: Path) -> None:
    # A folder nested past the longest path the system takes cannot be listed, even by root
    # (for whom a permission error cannot be made); os.walk reports it like any other.
    (tmp_path / "a.txt").write_text(ARTICLE)
    parent = os.open(tmp_path, os.O_RDONLY)
    try:
        for _ in range(20):
            os.mkdir("d" * 250, dir_fd=parent)
            child = os.open("d" * 250, os.O_RDONLY, dir_fd=parent)
            os.close(parent)
            parent = child
    finally:
        os.close(parent)
    items = list(collect([str(tmp_path)]))
    failed = [item for item in items if not isinstance(item, Path)]
    assert [Path(str(item)).name for item in items if isinstance(item, Path)] == ["a.txt"]
    assert len(failed) == 1 and "cannot be listed" in str(failed[0])
    shutil.rmtree(tmp_path / ("d" * 250), ignore_errors=True)


def test_a_file_that_names_no_organization_or_state_is_no_article(writable_url: str,
                                                                  tmp_path: Path) -> None:
    stray = tmp_path / "hostname"
    stray.write_text("vm\n")
    kb = KnowledgeBase(writable_url)
    refused = kb.ingest([str(stray)])
    assert refused.exit_code == 2 and "no organization or state is named" in str(
        refused.items[0].error) and "--force" in str(refused.items[0].error)
    forced = kb.ingest([str(stray)], force=True)
    assert forced.exit_code == 0 and forced.items[0].created
    kb.close()


def test_an_article_publishes_its_file_name_not_the_servers_folders(writable_url: str,
                                                                     tmp_path: Path) -> None:
    article = tmp_path / "deep" / "folder" / "wire.txt"
    article.parent.mkdir(parents=True)
    article.write_text(ARTICLE)
    kb = KnowledgeBase(writable_url)
    item = kb.ingest([str(article)]).items[0]
    stored = kb.article(item.article_id or 0)
    kb.close()
    assert stored["source"] == "wire.txt" and str(tmp_path) not in str(stored)


def test_revoking_an_unknown_token_is_not_found(writable_url: str) -> None:
    admin = bearer(token(writable_url, "admin"))
    with client(writable_url) as web:
        missing = web.delete("/api/tokens/987654", headers=admin)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    result = CliRunner().invoke(main, ["--db", writable_url, "token", "revoke", "987654"])
    assert result.exit_code == 2 and "No token 987654" in result.output


def test_statuses_come_members_first(sqlite_url: str) -> None:
    kb = KnowledgeBase(sqlite_url)
    result = kb.members("SCO", on="2019-11-19")
    kb.close()
    assert list(result.counts) == ["member", "observer", "dialogue_partner"]
    assert [st.status for st in result.certain][:8] == ["member"] * 8


def test_force_reads_a_stray_file_from_the_command_line(writable_url: str, tmp_path: Path
                                                       ) -> None:
    stray = tmp_path / "hostname"
    stray.write_text("vm\n")
    refused = CliRunner().invoke(main, ["--db", writable_url, "ingest", str(stray)])
    forced = CliRunner().invoke(main, ["--db", writable_url, "ingest", "--force", str(stray)])
    assert refused.exit_code == 2 and "--force" in refused.output
    assert forced.exit_code == 0 and "1 stored" in forced.output
