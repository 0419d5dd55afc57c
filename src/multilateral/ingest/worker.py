"""A reader of a pool of workers (`kb.cluster` runs them on Ray): the gazetteer is built
once, from the names the driver read from the store, then batch after batch is read.

Importing this module imports nothing heavy: the driver makes the actors from it before
it has imported the reading stack, which each reader imports as it starts, while the
driver lists the items (and nothing of the store: a reader never touches the database).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multilateral.ingest import sources
    from multilateral.ingest.pipeline import Extractor
    from multilateral.ingest.sources import WorkItem
    from multilateral.model.names import KnownNames

# A work item with the bytes of standard input, which the driver reads (a worker has
# none), or b"" for any other item.
Task = tuple["WorkItem", bytes]


class Reader:
    """Reads the batches it is given; `learn` first, with the names to look for."""

    def __init__(self, *, require_subject: bool) -> None:
        from multilateral.ingest import pipeline, reading  # noqa: F401  the reading stack, at start
        self.require_subject = require_subject
        self.max_bytes = reading.MAX_BYTES
        self.extractor: Extractor | None = None

    def learn(self, known: KnownNames) -> None:
        from multilateral.ingest import gazetteer
        from multilateral.ingest.pipeline import Extractor
        self.extractor = Extractor(gazetteer.build(known), max_bytes=self.max_bytes,
                                   require_subject=self.require_subject)

    def read(self, batch: list[Task]) -> list[sources.Read]:
        """Each item's outcome with its fingerprints; a failure or a skip is an outcome
        too, and the batch goes on past it."""
        from multilateral.ingest.sources import fingerprinted
        return [fingerprinted(self._read(item, data)) for item, data in batch]

    def _read(self, item: WorkItem, data: bytes) -> sources.Outcome:
        from multilateral.ingest import sources
        from multilateral.ingest.pipeline import extract_bytes
        from multilateral.ingest.reading import UnreadableArticle
        if self.extractor is None:
            raise RuntimeError("Reader.learn comes before Reader.read")
        if item.path != "-":
            return sources.read(item, self.extractor)
        try:  # stdin, as `sources.read` reads it, from the bytes the driver read
            return extract_bytes("-", data, self.extractor)
        except UnreadableArticle as exc:
            return exc
