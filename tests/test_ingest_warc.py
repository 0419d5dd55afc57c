"""WARC archives as input: response records become articles named by their URL, dated by
the page or else by the capture day; what is no article is skipped and counted; a bad
record, a broken gzip member or a record over the size limit is reported where it is, and
the job goes on."""

from __future__ import annotations

import json
import pickle
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from multilateral.cli import main
from multilateral.ingest import sources
from multilateral.ingest.reading import UnreadableArticle
from multilateral.kb import KnowledgeBase
from multilateral.model.facts import Document
from warc_support import GOLD, Rec, page, warc_bytes, write_warc

UNDATED = ("Trade talks\n\nMinisters of the Association of Southeast Asian Nations met to "
           "discuss trade in the region.\n")


def dated() -> bytes:
    return page((GOLD / "001_asean_56th_anniversary.txt").read_text(encoding="utf-8"))


def run(db: str, *args: str) -> object:
    return CliRunner().invoke(main, ["--db", db, *args])


def ingest_json(db: str, *paths: Path) -> tuple[int, dict[str, object]]:
    result = CliRunner().invoke(main, ["--db", db, "ingest", "--format", "json",
                                       *map(str, paths)])
    return result.exit_code, json.loads(result.stdout)


def test_pages_are_named_by_url_and_dated_by_the_page_or_the_capture_day(
        writable_url: str, tmp_path: Path) -> None:
    warc = tmp_path / "news.warc.gz"
    write_warc(warc, [Rec("response", "https://example.org/dated", dated(),
                          date="2024-03-05T10:00:00Z"),
                      Rec("response", "https://example.org/undated", page(UNDATED),
                          date="2024-03-05T23:59:59Z")])
    plain = tmp_path / "dated.html"
    plain.write_bytes(dated())
    kb = KnowledgeBase(writable_url)
    own = next(d for d in kb.extract([str(plain)]) if isinstance(d, Document)).published
    report = kb.ingest([str(warc)])
    assert [i.source for i in report.items] == ["https://example.org/dated",
                                                "https://example.org/undated"]
    first, second = (kb.article(i.article_id or 0) for i in report.items)
    kb.close()
    assert first["source"] == "https://example.org/dated"
    assert own is not None and first["published"] == own != "2024-03-05"  # the page's own
    assert second["published"] == "2024-03-05"  # the capture day, a day's precision
    assert any("archived (2024-03-05)" in w for w in second["warnings"])


def test_what_is_no_article_is_skipped_and_counted_by_reason(
        writable_url: str, tmp_path: Path) -> None:
    url = "https://example.org/a"
    warc = tmp_path / "mixed.warc"
    write_warc(warc, [Rec("request", url), Rec("response", url, dated()), Rec("metadata", url),
                      Rec("response", url + ".png", b"\x89PNG\r\n\x1a\n" + bytes(64),
                          content_type="image/png"),
                      Rec("response", url + ".pdf", b"%PDF-1.7\n" + bytes(64),
                          content_type="application/pdf"),
                      Rec("response", url + "/gone", page(UNDATED), status=404),
                      Rec("response", url + "/cat", page("Cats\n\nA cat sat on a mat.\n"))])
    code, report = ingest_json(writable_url, warc)
    assert code == 0, report
    assert report["stored"] == 1 and report["failed"] == 0 and report["read"] == 7
    assert report["skipped_by_reason"] == {
        "request record": 1, "metadata record": 1, "image/png": 1, "application/pdf": 1,
        "HTTP 404": 1, "names no organization or state": 1}


@pytest.mark.parametrize("suffix", [".warc", ".warc.gz"])
def test_a_truncated_or_corrupt_record_is_named_and_the_job_goes_on(
        writable_url: str, tmp_path: Path, suffix: str) -> None:
    records = [Rec("response", "https://example.org/1", dated()),
               Rec("response", "https://example.org/2", page(UNDATED)),
               Rec("response", "https://example.org/3", dated() + b"<p>Three.</p>",
                   declared=len(dated()) + 5000)]  # says more bytes than the file holds
    data, offsets = warc_bytes(records, gz=suffix.endswith(".gz"))
    if suffix == ".warc":  # a header broken in the middle of the file
        data = data[:offsets[1]] + data[offsets[1]:].replace(b"WARC-Type: response",
                                                             b"WARC-Tpye: respnose", 1)
    warc = tmp_path / f"bad{suffix}"
    warc.write_bytes(data)
    code, report = ingest_json(writable_url, warc)
    assert code == 1
    items = report["items"]
    assert isinstance(items, list)
    errors = [i["error"] for i in items if i["error"]]
    assert items[0]["source"] == "https://example.org/1" and items[0]["created"]
    assert any(f"{warc} (record at offset {offsets[2]}): a truncated record" in e
               for e in errors), errors
    if suffix == ".warc":
        assert any(f"(record at offset {offsets[1]}): a corrupt record" in e for e in errors)
    else:
        assert report["stored"] == 2


def test_a_broken_gzip_member_ends_its_file_not_the_job(writable_url: str,
                                                       tmp_path: Path) -> None:
    records = [Rec("response", f"https://example.org/{n}", page(f"{UNDATED}\nPart {n}.\n"))
               for n in range(3)]
    data, offsets = warc_bytes(records, gz=True)
    middle = offsets[1] + (offsets[2] - offsets[1]) // 2
    broken = tmp_path / "a_broken.warc.gz"
    broken.write_bytes(data[:middle] + bytes(24) + data[middle + 24:])
    cut = tmp_path / "b_cut.warc.gz"
    cut.write_bytes(data[:middle])
    good = tmp_path / "c_good.warc.gz"
    write_warc(good, [Rec("response", "https://example.org/good", dated())])
    (tmp_path / "d_empty.warc").write_bytes(b"")
    (tmp_path / "e_page.warc").write_bytes(dated())  # a page, named as an archive
    (tmp_path / "f_first_cut.warc.gz").write_bytes(data[:offsets[1] // 2])
    code, report = ingest_json(writable_url, tmp_path)  # a folder of archives
    assert code == 1
    items = report["items"]
    assert isinstance(items, list)
    errors = [i["error"] for i in items if i["error"]]
    assert any(e.startswith(f"{broken}: the archive is broken after the record at offset "
                            f"{offsets[0]}") and "the rest of the file is not read" in e
               for e in errors), errors
    assert any(e.startswith(f"{cut} (record at offset {offsets[1]}): the file ends inside "
                            "this gzip member") for e in errors), errors
    assert any(e.startswith(f"{tmp_path / 'd_empty.warc'}: no WARC record") for e in errors)
    assert any(e.startswith(f"{tmp_path / 'e_page.warc'}: not a WARC archive") for e in errors)
    assert any(e.startswith(f"{tmp_path / 'f_first_cut.warc.gz'} (record at offset 0): the "
                            "file ends inside") for e in errors), errors
    stored = [i["source"] for i in items if i["created"]]
    assert stored == ["https://example.org/0", "https://example.org/good"]


def test_a_record_over_the_size_limit_is_refused_unread(kb: KnowledgeBase,
                                                        tmp_path: Path) -> None:
    warc = tmp_path / "big.warc.gz"
    # It declares 10 MB and holds a few hundred bytes: read, it would be "truncated".
    write_warc(warc, [Rec("response", "https://example.org/big", dated(),
                          declared=10_000_000),
                      Rec("response", "https://example.org/small", page(UNDATED))])
    listed = list(sources.items([str(warc)], max_bytes=5_000_000))
    refused = [x for x in listed if isinstance(x, UnreadableArticle)]
    assert len(refused) == 1 and "10,000,000 bytes is over the 5,000,000-byte limit" \
        in refused[0].message and "(record at offset 0)" in refused[0].message
    # a worker handed the item itself refuses it the same way, from the header
    extractor = replace(kb.extractor(), max_bytes=5_000_000)
    outcome = sources.read(sources.WorkItem(str(warc), 0), extractor)
    assert isinstance(outcome, UnreadableArticle) and "over the" in outcome.message


def test_payloads_sent_compressed_or_chunked_are_decoded_within_the_limit(
        kb: KnowledgeBase, tmp_path: Path) -> None:
    warc = tmp_path / "sent.warc"
    offsets = write_warc(warc, [
        Rec("response", "https://example.org/gz", dated(), encoding="gzip"),
        Rec("response", "https://example.org/chunked", page(UNDATED), encoding="chunked")])
    extractor = kb.extractor()
    first, second = (sources.read(sources.WorkItem(str(warc), at), extractor) for at in offsets)
    plain = tmp_path / "dated.html"
    plain.write_bytes(dated())
    from_file = sources.read(sources.WorkItem(str(plain)), extractor)
    assert isinstance(first, Document) and isinstance(from_file, Document)
    assert first.sha256 == from_file.sha256  # the very bytes the server compressed
    assert isinstance(second, Document)
    assert "Southeast Asian Nations met to discuss trade" in second.text
    # small when stored, large once decoded: refused at the limit, not read whole
    bomb = tmp_path / "bomb.warc"
    write_warc(bomb, [Rec("response", "https://example.org/bomb",
                          page(UNDATED + "trade " * 5000), encoding="gzip")])
    refused = sources.read(sources.WorkItem(str(bomb), 0), replace(extractor, max_bytes=8000))
    assert isinstance(refused, UnreadableArticle)
    assert "decoded, it is over the 8,000-byte limit" in refused.message


def test_work_items_pickle_and_keep_their_ledger_keys(tmp_path: Path) -> None:
    warc = tmp_path / "two.warc"
    offsets = write_warc(warc, [Rec("request", "https://example.org/1"),
                                Rec("response", "https://example.org/1", dated())])
    plain = tmp_path / "a.txt"
    plain.write_text(UNDATED, encoding="utf-8")
    listed = list(sources.items([str(tmp_path)]))
    items = [x for x in listed if isinstance(x, sources.WorkItem)]
    assert [i.offset for i in items] == [None, offsets[1]]
    assert items[1].key == f"{warc.resolve()}#{offsets[1]}"
    assert pickle.loads(pickle.dumps(items)) == items
    assert [i.key for i in sources.items([str(tmp_path)])
            if isinstance(i, sources.WorkItem)] == [i.key for i in items]
    plain.write_text(UNDATED + "More.\n", encoding="utf-8")  # edited: a new item
    again = next(i for i in sources.items([str(plain)]) if isinstance(i, sources.WorkItem))
    assert again.key != items[0].key
