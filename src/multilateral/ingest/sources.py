"""Work items: the units an ingest job reads, one at a time, in one process or many.

An item is a file (HTML or text, or "-" for stdin) or one record of a WARC file, named by
the file's path and the record's offset. Three parts make the seam every runner uses:

- `WorkItem`, a frozen record of plain values (it pickles: a pool of workers can be
  handed items), with `key`, the ingest ledger's key for it;
- `items(paths)`, the items under the given paths, lazily and in a stable order: files
  walked as `reading.collect` walks them (folders sorted), a WARC file's records by
  offset, read by their headers alone (memory stays bounded whatever the file's size).
  What is no item comes out beside them: a record that is no article as a `Skipped`
  (request and metadata records, images, PDFs), what cannot be read as its
  `UnreadableArticle` (a folder that cannot be listed, a corrupt record, a broken gzip
  member, which also ends its file);
- `read(item, extractor)`, one item into a Document, a `Skipped` or an
  `UnreadableArticle`; it never raises for a bad input.

An article read from a WARC record is named by the record's URL (WARC-Target-URI): that
is its source on the site. The file and offset it came from are the ledger's. A page of
an archive that is readable but no article for us (another language, no organization or
state named) is skipped, not failed: an archive holds every page a crawl met.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from multilateral.errors import InvalidInput
from multilateral.ingest import reading, warc
from multilateral.ingest.reading import UnreadableArticle
from multilateral.model.dates import PartialDate
from multilateral.model.facts import Document
from multilateral.model.shingles import Print

if TYPE_CHECKING:  # a job's driver lists items without the reading stack (`kb.cluster`)
    from multilateral.ingest.pipeline import Extractor


@dataclass(frozen=True)
class WorkItem:
    """A file (offset None), or the WARC record at `offset` in the file at `path`."""

    path: str  # as given or found under a folder; "-" for stdin
    offset: int | None = None  # where the record starts in the file as stored (compressed)
    # A plain file's size and modification time: an edited file is a new item, read again.
    stamp: str = ""

    @property
    def source(self) -> str:
        """The file, absolute: the ledger's `source`."""
        return self.path if self.path == "-" else os.path.abspath(self.path)

    @property
    def key(self) -> str | None:
        """The ledger's key: the file and the record's offset, or the file and its stamp;
        None for stdin, which is never skipped."""
        if self.path == "-":
            return None
        if self.offset is not None:
            return f"{self.source}#{self.offset}"
        return f"{self.source}@{self.stamp}"

    @property
    def name(self) -> str:
        """How messages name the item."""
        return self.path if self.offset is None else warc.where(self.path, self.offset)


@dataclass(frozen=True)
class Skipped:
    """An input that is no article for us, with a short reason the report counts by."""

    name: str
    reason: str
    item: WorkItem | None = None


Listed = WorkItem | Skipped | UnreadableArticle
Outcome = Document | Skipped | UnreadableArticle
# An outcome with its text's fingerprints, when a reader made them (a Document's, on a
# worker: work the one writer then does not do); None: the writer makes them.
Read = tuple[Outcome, Print | None]


def items(paths: list[str], *, max_bytes: int = reading.MAX_BYTES) -> Iterator[Listed]:
    """The work items under `paths`, lazily, in a stable order, with what is no item."""
    for found in reading.collect(paths, suffixes=(*reading.SUFFIXES, *warc.SUFFIXES)):
        if isinstance(found, UnreadableArticle):
            yield found
        elif found != "-" and warc.is_warc(found):
            yield from _records(Path(found), max_bytes)
        else:
            yield WorkItem(str(found), stamp=_stamp(found))


def nothing_found(paths: list[str]) -> InvalidInput:
    """The error for paths that hold no input at all (extract, ingest, the Ray job)."""
    return InvalidInput("No article found in " + ", ".join(paths) + ": give HTML or text "
                        "files, WARC archives (.warc, .warc.gz), or a directory holding some.")


def _records(path: Path, max_bytes: int) -> Iterator[Listed]:
    if not path.is_file():
        yield UnreadableArticle(str(path), "no such file" if not path.exists() else
                                "not a file", "Check the path.")
        return
    for entry in warc.scan(path, max_bytes=max_bytes):
        if isinstance(entry, warc.Header):
            yield WorkItem(str(path), entry.offset)
        elif isinstance(entry, warc.Skip):
            item = WorkItem(str(path), entry.offset)
            yield Skipped(item.name, entry.reason, item)
        else:
            yield entry


def _stamp(found: Path | str) -> str:
    try:
        stat = Path(found).stat()
    except OSError:
        return ""  # reading it says what is wrong
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def read(item: WorkItem, extractor: Extractor) -> Outcome:
    """One item into its Document, or why it is none; never raises for a bad input."""
    from multilateral.ingest.pipeline import extract
    try:
        if item.offset is None:
            return extract(item.path if item.path == "-" else Path(item.path), extractor)
        return _read_record(item, extractor)
    except UnreadableArticle as exc:
        if item.offset is not None and exc.reason is not None:
            return Skipped(item.name, exc.reason, item)
        return exc


def fingerprinted(outcome: Outcome) -> Read:
    """The outcome with its text's fingerprints, if it is a Document."""
    return outcome, Print.of(outcome.text) if isinstance(outcome, Document) else None


def _read_record(item: WorkItem, extractor: Extractor) -> Outcome:
    from multilateral.ingest.pipeline import extract_bytes
    assert item.offset is not None
    record = warc.read(item.path, item.offset, max_bytes=extractor.max_bytes)
    if isinstance(record, warc.Skip):
        return Skipped(item.name, record.reason, item)
    if record.captured is not None:
        extractor = replace(extractor, fallback_published=PartialDate.of(record.captured))
    try:
        return extract_bytes(record.url or item.name, record.data, extractor)
    except UnreadableArticle as exc:
        if record.url is None:
            raise
        # name the file and offset too: the URL alone does not find the record
        raise UnreadableArticle(item.name, exc.message.rstrip("."), "",
                                reason=exc.reason) from None
