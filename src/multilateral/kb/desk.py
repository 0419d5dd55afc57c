"""The article desk: read articles, store them with their facts as candidates, review
the candidates into the knowledge base, and feature articles on the site.

Each article, and each review decision, is one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import partial
from typing import Any

from sqlalchemy import Connection

from multilateral.errors import InvalidFact, InvalidInput
from multilateral.ingest import gazetteer, sources
from multilateral.ingest.pipeline import Extractor, extract_bytes
from multilateral.ingest.reading import UnreadableArticle
from multilateral.ingest.sources import Skipped, WorkItem
from multilateral.kb import ingesting
from multilateral.kb.database import Database
from multilateral.kb.outcomes import IngestItem, IngestReport, ReviewBatch, ReviewResult
from multilateral.kb.questions import Questions
from multilateral.model.dates import PartialDate
from multilateral.model.facts import Document, Fact, Membership
from multilateral.store import accept, articles, queries, stories

ACTIONS = ("accept", "reject", "edit")


class ArticleDesk:
    """Everything about articles: reading, storing, reviewing, featuring."""

    def __init__(self, db: Database, questions: Questions) -> None:
        self.db = db
        self.questions = questions
        self._extractor: Extractor | None = None

    def extractor(self) -> Extractor:
        """The names to look for, read once from the knowledge base and reused."""
        if self._extractor is None:
            with self.db.connect() as connection:
                self._extractor = Extractor(gazetteer.build(queries.known_names(connection)))
        return self._extractor

    def extract(self, paths: list[str], *, force: bool = False,
                published: PartialDate | None = None
                ) -> Iterator[Document | UnreadableArticle | Skipped]:
        """A Document per article found under `paths` (files, folders, WARC archives), or
        the error that stopped it, or why an input is no article (a WARC record that is
        not a page, a page naming no organization). `force` reads a text that names no
        organization or state; `published` is the articles' date when the caller knows it
        (relative dates resolve against it)."""
        extractor = self._extractor_for(force, published)
        empty = True
        for listed in sources.items(paths, max_bytes=extractor.max_bytes):
            empty = False
            yield sources.read(listed, extractor) if isinstance(listed, WorkItem) else listed
        if empty:
            raise sources.nothing_found(paths)

    def _extractor_for(self, force: bool, published: PartialDate | None = None) -> Extractor:
        extractor = self.extractor()
        if force:
            extractor = replace(extractor, require_subject=False)
        if published is not None:
            extractor = replace(extractor, published=published)
        return extractor

    def extract_bytes(self, name: str, data: bytes, *, force: bool = False,
                      published: PartialDate | None = None) -> Document:
        return extract_bytes(name, data, self._extractor_for(force, published))

    def ingest(self, paths: list[str], *, force: bool = False,
               on_item: Callable[[IngestItem], None] | None = None,
               on_progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
        """Store each article with its facts as review candidates, one transaction each
        with its ledger row; items a previous run finished are passed over (failed ones
        are read again). The paths are walked lazily: `on_item` hears each article's
        outcome, `on_progress` the report after each input. (On Ray: `KnowledgeBase.ingest`
        with a cluster, `kb.cluster`.)"""
        return ingesting.run(self.db, self._extractor_for(force), paths, on_item=on_item,
                             on_progress=on_progress)

    def ingest_content(self, name: str, data: bytes, *, force: bool = False,
                       published: PartialDate | None = None) -> IngestItem:
        """Read one article given as bytes (an upload to the API) and store it as `ingest`
        stores a file."""
        return self.store_document(self.extract_bytes(name, data, force=force,
                                                      published=published))

    def store_document(self, document: Document, item: WorkItem | None = None) -> IngestItem:
        """Store one article; with the work item it was read from, its ledger row too, in
        the same transaction."""
        return ingesting.store(self.db, document, item)

    def articles(self, *, limit: int = 20, offset: int = 0, tag: str | None = None,
                 featured: bool | None = None, with_facts: bool = False
                 ) -> list[dict[str, Any]]:
        with self.db.connect() as connection:
            return articles.articles(connection, limit=limit, offset=offset, tag=tag,
                                     featured=featured, with_facts=with_facts)

    def article(self, article_id: int) -> dict[str, Any]:
        with self.db.connect() as connection:
            return articles.article(connection, article_id)

    def tags(self, limit: int = 100) -> list[dict[str, Any]]:
        """Article tags with how many articles carry each, most used first."""
        with self.db.connect() as connection:
            return articles.tag_counts(connection, limit)

    def candidates(self, article_id: int | None = None, status: str | None = "pending"
                   ) -> list[dict[str, Any]]:
        with self.db.connect() as connection:
            return articles.candidates(connection, article_id=article_id, status=status)

    def review_queue(self, article_id: int | None = None) -> list[dict[str, Any]]:
        """Pending candidates, one per fact however many stories state it (`stories`, and
        each story's evidence in `sources`), most stories first; each with its article's
        title and its evidence in context."""
        with self.db.connect() as connection:
            return stories.queue(connection, article_id)

    def feature(self, article_id: int, featured: bool = True) -> None:
        with self.db.begin() as connection:
            articles.set_featured(connection, article_id, featured)

    def review(self, candidate_id: int, action: str, fact: dict[str, Any] | None = None,
               reviewer: str | None = None) -> ReviewResult:
        """Accept, reject or edit-and-accept one candidate, in one transaction."""
        if action not in ACTIONS:
            raise InvalidInput(f"Unknown review action '{action}': use {', '.join(ACTIONS)}.")
        with self.db.begin() as connection:
            found = articles.candidates(connection, candidate_id=candidate_id, status=None)
            if not found:
                raise articles.UnknownArticle("candidate", candidate_id)
            candidate = found[0]
            if candidate["status"] != articles.PENDING:
                raise accept.CannotAccept(
                    f"Candidate {candidate_id} is already {candidate['status']}; a reviewed "
                    "fact is not reviewed twice.")
            # one fact stated by several stories is one candidate: decided once, for all
            others = stories.siblings(connection, candidate)
            if action == "reject":
                for one in (candidate, *others):
                    articles.mark(connection, one["id"], articles.REJECTED, reviewer=reviewer)
                return ReviewResult({**candidate, "status": "rejected"}, action, None, None)
            chosen = _edited(candidate["fact"], fact) if action == "edit" else \
                Fact.from_dict(candidate["fact"])
            row = articles.article_row(connection, candidate["article_id"])
            articles.cite(connection, row)
            evidence = chosen.evidence
            fact_type, fact_id = accept.record(
                connection, chosen, articles.source_id(row.id),
                (evidence.start, evidence.end, evidence.text))
            articles.mark(connection, candidate_id, articles.ACCEPTED,
                          fact=json.dumps(chosen.as_dict(), ensure_ascii=False),
                          fact_type=fact_type, fact_id=fact_id, reviewer=reviewer)
            cited = [row.id, *self._cite_others(connection, chosen, others, reviewer)]
            note = None if fact_type else (
                "Accepted as reviewed; a planned, negated or applied-for status is not a "
                "knowledge-base fact, so no row was written.")
            result = ReviewResult({**candidate, "status": "accepted",
                                   "fact": chosen.as_dict(), "sources": cited}, action,
                                  fact_type, fact_id, note=note)
        if fact_type == "membership":
            result.conflicts = self._conflicts_for(chosen)
        return result

    @staticmethod
    def _cite_others(connection: Connection, chosen: Fact, others: list[dict[str, Any]],
                     reviewer: str | None) -> list[int]:
        """Cite each other story that states the accepted fact, with its own evidence, and
        mark its candidate accepted as the same row; the articles cited."""
        cited = []
        for other in others:
            row = articles.article_row(connection, other["article_id"])
            articles.cite(connection, row)
            span = Fact.from_dict(other["fact"]).evidence
            fact_type, fact_id = accept.record(connection, chosen, articles.source_id(row.id),
                                               (span.start, span.end, span.text))
            articles.mark(connection, other["id"], articles.ACCEPTED,
                          fact=json.dumps(chosen.as_dict(), ensure_ascii=False),
                          fact_type=fact_type, fact_id=fact_id, reviewer=reviewer)
            cited.append(int(row.id))
        return cited

    def accept_above(self, confidence: float, article_id: int | None = None,
                     reviewer: str | None = None) -> tuple[list[ReviewResult], list[str]]:
        """Accept every pending candidate at or above `confidence`; errors are listed."""
        batch = self.review_batch(accept_above=confidence, article_id=article_id,
                                  reviewer=reviewer)
        return batch.results, batch.errors

    def review_batch(self, *, accept: Sequence[int] = (), reject: Sequence[int] = (),
                     accept_above: float | None = None, article_id: int | None = None,
                     reviewer: str | None = None) -> ReviewBatch:
        """Several decisions at once; one that cannot be made is listed, the rest go on."""
        above: list[int] = []
        if accept_above is not None:  # one per fact: accepting it accepts the other stories'
            keys = {stories.key_of(c): c["id"] for c in self.candidates(article_id)[::-1]
                    if c["confidence"] + 1e-9 >= accept_above}
            above = sorted(keys.values())
        batch = ReviewBatch()
        for action, ids in (("accept", [*above, *accept]), ("reject", reject)):
            for candidate_id in ids:
                batch.attempt(candidate_id,
                              partial(self.review, candidate_id, action, reviewer=reviewer))
        return batch

    def _conflicts_for(self, fact: Fact) -> list[str]:
        """Where the accepted claim and the other sources disagree, on the first day the
        claim is certainly in effect (the day after "2018" ends: 2019-01-01)."""
        if not isinstance(fact, Membership) or not fact.date or not fact.org_id or \
                fact.change == "left":
            return []
        date = PartialDate.parse(fact.date)
        if fact.change != "holds" and date.precision.value != "day":
            date = PartialDate.of(date.hi + dt.timedelta(days=1))
        members = self.questions.members(fact.org_id, on=date)
        found = [f"{st.subject.name}: {st.reason}" for st in members.conflicts
                 if st.subject.id == fact.state_id]
        # A curated table that ranks above the article decides: say where they differ.
        for st in members.certain + members.uncertain + members.set_aside:
            if st.subject.id != fact.state_id:
                continue
            differ = sorted({c.status for c in st.outranked if c.status != st.status})
            if differ:
                decided = ", ".join(dict.fromkeys(c.dataset for c in st.claims)) or "none"
                found.append(f"{st.subject.name}: {'/'.join(differ)} per "
                             f"{', '.join(dict.fromkeys(c.dataset for c in st.outranked))}, "
                             f"set aside: {st.shown_status} per {decided}, which ranks above")
        return found


def _edited(original: dict[str, Any], edit: dict[str, Any] | None) -> Fact:
    if not edit:
        raise accept.CannotAccept("An edit needs the edited fact (FACTS.md JSON).")
    merged = {**original, **edit}
    merged["type"] = original["type"]
    # the evidence is the article's, not the editor's
    merged["evidence"] = original["evidence"]
    merged.pop("also", None)
    if original.get("also"):
        merged["also"] = original["also"]
    try:
        return Fact.from_dict(merged)
    except InvalidFact as exc:
        raise accept.CannotAccept(f"The edited fact is refused. {exc.message}") from exc
