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
from typing import TYPE_CHECKING

from multilateral.ingest import sources
from multilateral.ingest.reading import UnreadableArticle
from multilateral.ingest.sources import Skipped, WorkItem
from multilateral.kb.database import Database
from multilateral.kb.outcomes import IngestItem, IngestReport
from multilateral.model.facts import Document
from multilateral.model.shingles import Print
from multilateral.store import articles, ledger

if TYPE_CHECKING:
    from multilateral.ingest.pipeline import Extractor

# Items asked of the ledger at once: one query per this many records of a resumed file.
CHUNK = 64


def entry(item: WorkItem | None) -> ledger.Entry | None:
    """The item's ledger entry; None for stdin (never skipped) and for no item."""
    if item is None or item.key is None:
        return None
    return ledger.Entry(item.key, item.source, item.offset)


def store(db: Database, document: Document, item: WorkItem | None = None,
          fingerprint: Print | None = None) -> IngestItem:
    """Store one article with its candidates, and its item's ledger row, in one transaction."""
    with db.begin() as connection:
        article_id, created = articles.save(connection, document, entry=entry(item),
                                            fingerprint=fingerprint)
    return IngestItem(document.source, article_id, created, len(document.facts))


def settle(db: Database, item: WorkItem, outcome: sources.Outcome,
           fingerprint: Print | None = None) -> IngestItem | Skipped:
    """Keep what became of one item: its article (with its row), or its row alone."""
    if isinstance(outcome, Document):
        return store(db, outcome, item, fingerprint)
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

    def read(item: WorkItem) -> sources.Read:
        return sources.read(item, extractor), None  # fingerprinted as it is stored

    for chunk in chunks(sources.items(paths, max_bytes=extractor.max_bytes)):
        empty = False
        done = finished(db, chunk)
        for listed in chunk:
            keep(report, step(db, listed, done, report, read), on_item, on_progress)
    if empty:
        raise sources.nothing_found(paths)
    return report


def step(db: Database, listed: sources.Listed, done: dict[str, int | None],
         report: IngestReport, read: Callable[[WorkItem], sources.Read]
         ) -> IngestItem | Skipped | None:
    """What becomes of one listed input: an unreadable one is a failure, a skip is kept
    as such, a finished item is passed over, and any other is read (`read`, here or on a
    worker) and settled. None: an item passed over that made no article."""
    if isinstance(listed, UnreadableArticle):
        return IngestItem(listed.name, error=listed.message)
    if isinstance(listed, Skipped):
        return listed
    if listed.key in done:
        return _done_before(report, listed, done[listed.key])
    return settle(db, listed, *read(listed))


def keep(report: IngestReport, result: IngestItem | Skipped | None,
         on_item: Callable[[IngestItem], None] | None,
         on_progress: Callable[[IngestReport], None] | None) -> None:
    """Count one input's result in the report and tell the callers."""
    if result is None:
        return
    if isinstance(result, Skipped):
        report.skip(result.reason)
    else:
        report.items.append(result)
        if on_item is not None:
            on_item(result)
    if on_progress is not None:
        on_progress(report)


def _done_before(report: IngestReport, item: WorkItem, article_id: int | None
                 ) -> IngestItem | None:
    """A finished item passed over: its article unchanged (a skipped one is only counted)."""
    report.done_before += 1
    if article_id is None:
        return None
    return IngestItem(item.name, article_id, created=False, facts=None, done_before=True)


def finished(db: Database, chunk: list[sources.Listed]) -> dict[str, int | None]:
    """The chunk's items the ledger has done, with their article ids."""
    keys = [listed.key for listed in chunk if isinstance(listed, WorkItem) and listed.key]
    if not keys:
        return {}
    with db.connect() as connection:
        return ledger.done(connection, keys)


def chunks(found: Iterable[sources.Listed], size: int = CHUNK
           ) -> Iterator[list[sources.Listed]]:
    """The inputs a chunk at a time: one ledger query a chunk."""
    iterator = iter(found)
    while chunk := list(islice(iterator, size)):
        yield chunk
