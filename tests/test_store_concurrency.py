"""Writers at the same time: the same article stored by two ingests at once is stored once,
and the one that comes second hears "already stored", not a driver's traceback."""

from __future__ import annotations

import threading

from multilateral.ingest.sources import WorkItem
from multilateral.kb import IngestItem, KnowledgeBase
from multilateral.model.facts import Document, Evidence, Founding
from multilateral.store import ledger

WRITERS = 4


def test_the_same_article_stored_at_once_is_stored_once(writable_url: str) -> None:
    fact = Founding(org="SCO", org_id="SCO", date="2001", evidence=Evidence(0, 3, "SCO"),
                    confidence=0.9)
    start = threading.Barrier(WRITERS)
    results: list[IngestItem | BaseException] = []

    def store() -> None:
        kb = KnowledgeBase(writable_url)
        document = Document("race.txt", "e" * 64, "SCO was founded in 2001.", "Race",
                            facts=[fact])
        start.wait()
        try:
            results.append(kb.store_document(document))
        except BaseException as exc:  # noqa: BLE001  # reported below, whatever it is
            results.append(exc)
        finally:
            kb.close()

    threads = [threading.Thread(target=store) for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    errors = [r for r in results if isinstance(r, BaseException)]
    assert errors == []
    items = [r for r in results if isinstance(r, IngestItem)]
    assert sorted(item.created for item in items) == [False] * (WRITERS - 1) + [True]
    assert len({item.article_id for item in items}) == 1
    kb = KnowledgeBase(writable_url)
    assert len(kb.candidates(items[0].article_id)) == 1
    kb.close()


def test_one_work_item_stored_by_two_jobs_at_once_has_one_ledger_row(writable_url: str) -> None:
    fact = Founding(org="SCO", org_id="SCO", date="2001", evidence=Evidence(0, 3, "SCO"),
                    confidence=0.9)
    item = WorkItem("/archive/crawl.warc.gz", 1234)
    start = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def store() -> None:
        kb = KnowledgeBase(writable_url)
        document = Document("https://example.org/race", "f" * 64, "SCO was founded in 2001.",
                            "Race", facts=[fact])
        start.wait()
        try:
            kb.store_document(document, item)
        except BaseException as exc:  # noqa: BLE001  # reported below, whatever it is
            errors.append(exc)
        finally:
            kb.close()

    threads = [threading.Thread(target=store) for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    kb = KnowledgeBase(writable_url)
    with kb.db.connect() as connection:
        rows = ledger.rows(connection)
    kb.close()
    assert [(r["key"], r["outcome"]) for r in rows] == [(item.key, "stored")]
