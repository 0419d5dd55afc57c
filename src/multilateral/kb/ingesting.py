"""An ingest job in one process: the work items of the given paths (`ingest.sources`), each
read and stored in its own transaction with its ledger row, those a previous run finished
passed over.

The ledger (`store.ledger`) makes a job resumable: an article and its row are written in
one transaction, so a job killed at any moment and started again reads exactly the items
that were not finished. A failed item is read again by the next run; stored, duplicate
and skipped ones are not. Inputs no item stands for (a request record, a broken gzip
member) are reported and not kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from multilateral.errors import InvalidInput
from multilateral.ingest import sources
from multilateral.ingest.pipeline import Extractor
from multilateral.ingest.reading import UnreadableArticle
from multilateral.ingest.sources import Skipped, WorkItem
from multilateral.kb.database import Database
from multilateral.kb.outcomes import IngestItem, IngestReport
from multilateral.model.facts import Document
from multilateral.store import articles, ledger

# Items asked of the ledger at once: one query per this many records of a resumed file.
CHUNK = 64


def entry(item: WorkItem | None) -> ledger.Entry | None:
    """The item's ledger entry; None for stdin (never skipped) and for no item."""
    if item is None or item.key is None:
        return None
    return ledger.Entry(item.key, item.source, item.offset)


def store(db: Database, document: Document, item: WorkItem | None = None) -> IngestItem:
    """Store one article with its candidates, and its item's ledger row, in one transaction."""
    with db.begin() as connection:
        article_id, created = articles.save(connection, document, entry=entry(item))
    return IngestItem(document.source, article_id, created, len(document.facts))


def settle(db: Database, item: WorkItem, outcome: sources.Outcome) -> IngestItem | Skipped:
    """Keep what became of one item: its article (with its row), or its row alone."""
    if isinstance(outcome, Document):
        return store(db, outcome, item)
    found = entry(item)
    if found is not None:
        with db.begin() as connection:
            if isinstance(outcome, Skipped):
                ledger.record(connection, found, ledger.SKIPPED, message=outcome.reason)
            else:
                ledger.record(connection, found, ledger.FAILED, message=outcome.message)
    if isinstance(outcome, Skipped):
        return outcome
    return IngestItem(outcome.name, error=outcome.message)


def run(db: Database, extractor: Extractor, paths: list[str], *,
        on_item: Callable[[IngestItem], None] | None = None,
        on_progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Ingest the items under `paths`; raises InvalidInput when there is none at all."""
    report = IngestReport()
    empty = True
    for chunk in _chunks(sources.items(paths, max_bytes=extractor.max_bytes), CHUNK):
        empty = False
        done = _done(db, chunk)
        for listed in chunk:
            result = _one(db, extractor, listed, done, report)
            if result is None:
                continue
            if isinstance(result, Skipped):
                report.skip(result.reason)
            else:
                report.items.append(result)
                if on_item is not None:
                    on_item(result)
            if on_progress is not None:
                on_progress(report)
    if empty:
        raise InvalidInput("No article found in " + ", ".join(paths) + ": give HTML or text "
                           "files, WARC archives (.warc, .warc.gz), or a directory holding "
                           "some.")
    return report


def _one(db: Database, extractor: Extractor, listed: sources.Listed,
         done: dict[str, int | None], report: IngestReport) -> IngestItem | Skipped | None:
    if isinstance(listed, UnreadableArticle):
        return IngestItem(listed.name, error=listed.message)
    if isinstance(listed, Skipped):
        return listed
    if listed.key in done:
        return _done_before(report, listed, done[listed.key])
    return settle(db, listed, sources.read(listed, extractor))


def _done_before(report: IngestReport, item: WorkItem, article_id: int | None
                 ) -> IngestItem | None:
    """A finished item passed over: its article unchanged (a skipped one is only counted)."""
    report.done_before += 1
    if article_id is None:
        return None
    return IngestItem(item.name, article_id, created=False, facts=None, done_before=True)


def _done(db: Database, chunk: list[sources.Listed]) -> dict[str, int | None]:
    keys = [listed.key for listed in chunk if isinstance(listed, WorkItem) and listed.key]
    if not keys:
        return {}
    with db.connect() as connection:
        return ledger.done(connection, keys)


def _chunks(found: Iterable[sources.Listed], size: int) -> Iterator[list[sources.Listed]]:
    iterator = iter(found)
    while chunk := list(islice(iterator, size)):
        yield chunk
