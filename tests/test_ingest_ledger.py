"""The ingest ledger: each item read is kept with how it ended, in the article's own
transaction; a job started again passes over what is done and reads failed items again.
On SQLite and PostgreSQL."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from multilateral.cli import main
from multilateral.cli.progress import ProgressLine
from multilateral.ingest.sources import WorkItem
from multilateral.kb import IngestReport, KnowledgeBase
from multilateral.model.facts import Document
from multilateral.store import articles, ledger
from multilateral.store import schema as s
from warc_support import GOLD, Rec, page, write_warc


def gold_page(name: str) -> bytes:
    return page((GOLD / name).read_text(encoding="utf-8"))


def ledger_rows(kb: KnowledgeBase) -> dict[int | None, tuple[str, int | None]]:
    with kb.db.connect() as connection:
        return {row["offset"]: (row["outcome"], row["article_id"])
                for row in ledger.rows(connection)}


def test_each_record_read_is_kept_with_its_outcome(writable_url: str, tmp_path: Path) -> None:
    seed = gold_page("000_seed.txt")
    warc = tmp_path / "crawl.warc.gz"
    offsets = write_warc(warc, [
        Rec("request", "https://example.org/seed"),
        Rec("response", "https://example.org/seed", seed),
        Rec("response", "https://mirror.example.org/seed", seed),  # the same content again
        Rec("response", "https://example.org/cat", page("Cats\n\nA cat sat on a mat.\n")),
        Rec("response", "https://example.org/cut", seed, declared=len(seed) + 999)])
    kb = KnowledgeBase(writable_url)
    first = kb.ingest([str(warc)])
    assert first.failed == 1 and first.skipped == {"request record": 1,
                                                   "names no organization or state": 1}
    article_id = first.items[0].article_id
    rows = ledger_rows(kb)
    assert rows == {offsets[1]: ("stored", article_id), offsets[2]: ("duplicate", article_id),
                    offsets[3]: ("skipped", None), offsets[4]: ("failed", None)}
    with kb.db.connect() as connection:
        failed = [r for r in ledger.rows(connection) if r["outcome"] == "failed"][0]
    assert failed["key"] == f"{warc.resolve()}#{offsets[4]}"
    assert "a truncated record" in (failed["message"] or "")

    again = kb.ingest([str(warc)])  # a restart: done items passed over, the failed one read
    assert again.done_before == 3 and again.failed == 1 and again.stored == 0
    assert [i.done_before for i in again.items] == [True, True, False]
    assert ledger_rows(kb) == rows  # one row per item still
    kb.close()


def test_the_ledger_row_lives_and_dies_with_its_article(writable_url: str,
                                                       tmp_path: Path) -> None:
    kb = KnowledgeBase(writable_url)
    document = next(iter(kb.extract([str(GOLD / "000_seed.txt")])))
    assert isinstance(document, Document)
    entry = ledger.Entry("k#1", "/x/k", 1)
    with pytest.raises(RuntimeError), kb.db.begin() as connection:
        articles.save(connection, document, entry=entry)
        raise RuntimeError("killed between the article and the commit")
    with kb.db.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(s.articles)) == 0
        assert ledger.rows(connection) == []
    item = WorkItem(str(GOLD / "000_seed.txt"), stamp="1:2")
    stored = kb.store_document(document, item)
    with kb.db.connect() as connection:
        assert [(r["key"], r["outcome"], r["article_id"]) for r in ledger.rows(connection)] \
            == [(item.key, "stored", stored.article_id)]
    kb.close()


def test_an_edited_file_is_read_again_an_unchanged_one_is_not(writable_url: str,
                                                             tmp_path: Path) -> None:
    article = tmp_path / "note.txt"
    text = (GOLD / "000_seed.txt").read_text(encoding="utf-8")
    article.write_text(text, encoding="utf-8")
    kb = KnowledgeBase(writable_url)
    assert kb.ingest([str(article)]).stored == 1
    unchanged = kb.ingest([str(article)])
    assert unchanged.done_before == 1 and unchanged.items[0].done_before
    article.write_text(text + "\nA line added.\n", encoding="utf-8")
    assert kb.ingest([str(article)]).stored == 1
    kb.close()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_one_line_on_a_terminal_and_nothing_in_a_pipe(
        writable_url: str, tmp_path: Path) -> None:
    report = IngestReport()
    terminal = Terminal()
    line = ProgressLine(terminal)
    line(report, final=True)
    report.skip("request record")
    line.close(report)
    written = terminal.getvalue()
    assert written.startswith("\r0 read, 0 stored, 0 failed, ") and written.endswith("\n")
    assert written.count("\r") == 2 and "\r1 read, 0 stored, 0 failed, " in written
    warc = tmp_path / "one.warc"
    write_warc(warc, [Rec("response", "https://example.org/s", gold_page("000_seed.txt"))])
    result = CliRunner().invoke(main, ["--db", writable_url, "ingest", str(warc)])
    assert result.exit_code == 0, result.output
    assert "\r" not in result.stderr and "1 stored, 0 unchanged, 0 failed (1 read)" \
        in result.stdout
