"""The knowledge base's article desk: extract, ingest, review, feature, evaluate.

`KnowledgeBase` inherits these methods; they open the store, run the pipeline
and keep each article (and each review decision) in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, insert, select

from multilateral.check.claims import find_claims
from multilateral.check.report import CheckReport
from multilateral.check.verdicts import Judge
from multilateral.errors import InvalidFact, InvalidInput, MultilateralError
from multilateral.ingest import evaluation, gazetteer, reading
from multilateral.ingest.dates import find_dates
from multilateral.ingest.pipeline import Extractor, extract, extract_bytes
from multilateral.ingest.reading import UnreadableArticle
from multilateral.model.dates import PartialDate
from multilateral.model.facts import Document, Fact, Membership
from multilateral.store import accept, articles
from multilateral.store import schema as s
from multilateral.store.resolve import resolve

ACTIONS = ("accept", "reject", "edit")


@dataclass
class IngestItem:
    source: str
    article_id: int | None = None
    created: bool = False
    facts: int = 0
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "article_id": self.article_id, "created": self.created,
                "facts": self.facts, "error": self.error}


@dataclass
class IngestReport:
    items: list[IngestItem] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return sum(1 for item in self.items if item.error)

    @property
    def exit_code(self) -> int:
        """0 when every article went in, 1 when some failed, 2 when all failed."""
        if not self.failed:
            return 0
        return 2 if self.failed == len(self.items) else 1

    def as_dict(self) -> dict[str, Any]:
        return {"articles": len(self.items), "stored": sum(i.created for i in self.items),
                "unchanged": sum(1 for i in self.items if not i.created and not i.error),
                "failed": self.failed, "items": [item.as_dict() for item in self.items]}


@dataclass
class ReviewResult:
    candidate: dict[str, Any]
    action: str
    fact_type: str | None
    fact_id: int | None
    conflicts: list[str] = field(default_factory=list)
    note: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"candidate": self.candidate, "action": self.action,
                "knowledge_base": {"fact_type": self.fact_type, "fact_id": self.fact_id},
                "conflicts": self.conflicts, "note": self.note}


class ArticleDesk:
    """Mixed into KnowledgeBase: everything about articles."""

    _extractor: Extractor | None = None

    @property
    def engine(self) -> Engine:  # provided by KnowledgeBase
        raise NotImplementedError

    def _connect(self) -> AbstractContextManager[Connection]:  # provided by KnowledgeBase
        raise NotImplementedError

    def extractor(self) -> Extractor:
        """The names to look for, built once from the knowledge base and reused."""
        if self._extractor is None:
            with self._connect() as connection:
                self._extractor = Extractor(gazetteer.build(connection))
        return self._extractor

    def extract(self, paths: list[str]) -> Iterator[Document | UnreadableArticle]:
        """A Document per article found under `paths`, or the error that stopped it."""
        extractor = self.extractor()
        for item in reading.collect(paths):
            try:
                yield extract(item, extractor)
            except UnreadableArticle as exc:
                yield exc

    def extract_bytes(self, name: str, data: bytes) -> Document:
        return extract_bytes(name, data, self.extractor())

    def ingest(self, paths: list[str], *,
               on_item: Callable[[IngestItem], None] | None = None) -> IngestReport:
        """Store each article with its facts as review candidates, one transaction each."""
        report = IngestReport()
        for result in self.extract(paths):
            if isinstance(result, UnreadableArticle):
                item = IngestItem(result.name, error=result.message)
            else:
                item = self.store_document(result)
            report.items.append(item)
            if on_item is not None:
                on_item(item)
        return report

    def ingest_content(self, name: str, data: bytes) -> IngestItem:
        """Read one article given as bytes (an upload to the API) and store it as `ingest`
        stores a file."""
        return self.store_document(self.extract_bytes(name, data))

    def store_document(self, document: Document) -> IngestItem:
        with self.engine.begin() as connection:
            article_id, created = articles.save(connection, document)
        return IngestItem(document.source, article_id, created, len(document.facts))

    def articles(self, *, limit: int = 20, offset: int = 0, tag: str | None = None,
                 featured: bool | None = None) -> list[dict[str, Any]]:
        with self._connect() as connection:
            return articles.articles(connection, limit=limit, offset=offset, tag=tag,
                                     featured=featured)

    def article(self, article_id: int) -> dict[str, Any]:
        with self._connect() as connection:
            return articles.article(connection, article_id)

    def candidates(self, article_id: int | None = None, status: str | None = "pending"
                   ) -> list[dict[str, Any]]:
        with self._connect() as connection:
            return articles.candidates(connection, article_id=article_id, status=status)

    def feature(self, article_id: int, featured: bool = True) -> None:
        with self.engine.begin() as connection:
            articles.set_featured(connection, article_id, featured)

    def review(self, candidate_id: int, action: str, fact: dict[str, Any] | None = None,
               reviewer: str | None = None) -> ReviewResult:
        """Accept, reject or edit-and-accept one candidate, in one transaction."""
        if action not in ACTIONS:
            raise InvalidInput(f"Unknown review action '{action}': use {', '.join(ACTIONS)}.")
        with self.engine.begin() as connection:
            found = articles.candidates(connection, candidate_id=candidate_id, status=None)
            if not found:
                raise articles.UnknownArticle("candidate", candidate_id)
            candidate = found[0]
            if candidate["status"] != articles.PENDING:
                raise accept.CannotAccept(
                    f"Candidate {candidate_id} is already {candidate['status']}; a reviewed "
                    "fact is not reviewed twice.")
            if action == "reject":
                articles.mark(connection, candidate_id, articles.REJECTED, reviewer=reviewer)
                return ReviewResult({**candidate, "status": "rejected"}, action, None, None)
            chosen = _edited(candidate["fact"], fact) if action == "edit" else \
                Fact.from_dict(candidate["fact"])
            row = articles.article_row(connection, candidate["article_id"])
            _cite(connection, row)
            evidence = chosen.evidence
            fact_type, fact_id = accept.record(
                connection, chosen, articles.source_id(row.id),
                (evidence.start, evidence.end, evidence.text))
            articles.mark(connection, candidate_id, articles.ACCEPTED,
                          fact=json.dumps(chosen.as_dict(), ensure_ascii=False),
                          fact_type=fact_type, fact_id=fact_id, reviewer=reviewer)
            note = None if fact_type else (
                "Accepted as reviewed; a planned, negated or applied-for status is not a "
                "knowledge-base fact, so no row was written.")
            result = ReviewResult({**candidate, "status": "accepted",
                                   "fact": chosen.as_dict()}, action, fact_type, fact_id,
                                  note=note)
        if fact_type == "membership":
            result.conflicts = self._conflicts_for(chosen)
        return result

    def accept_above(self, confidence: float, article_id: int | None = None,
                     reviewer: str | None = None) -> tuple[list[ReviewResult], list[str]]:
        """Accept every pending candidate at or above `confidence`; errors are listed."""
        done: list[ReviewResult] = []
        errors: list[str] = []
        for candidate in self.candidates(article_id):
            if candidate["confidence"] + 1e-9 < confidence:
                continue
            try:
                done.append(self.review(candidate["id"], "accept", reviewer=reviewer))
            except MultilateralError as exc:
                errors.append(f"candidate {candidate['id']}: {exc.message}")
        return done, errors

    def _conflicts_for(self, fact: Fact) -> list[str]:
        """Where the accepted claim and the other sources disagree, on the first day the
        claim is certainly in effect (the day after "2018" ends: 2019-01-01)."""
        if not isinstance(fact, Membership) or not fact.date or not fact.org_id or \
                fact.change == "left":
            return []
        date = PartialDate.parse(fact.date)
        if fact.change != "holds" and date.precision.value != "day":
            date = PartialDate.of(date.hi + dt.timedelta(days=1))
        members = self.members(fact.org_id, on=date)  # type: ignore[attr-defined]
        return [f"{st.subject.name}: {st.reason}" for st in members.conflicts
                if st.subject.id == fact.state_id]

    def check(self, target: str, on: PartialDate | None = None) -> CheckReport:
        """Judge an article's claims (a file path, or a stored article's id) as of its date."""
        if target.isdigit() and not Path(target).exists():
            return self.check_article(int(target), on)
        document = extract(target, self.extractor())
        article = {"id": None, "source": document.source, "title": document.title,
                   "published": document.published}
        return self._check(document, article, on)

    def check_article(self, article_id: int, on: PartialDate | None = None) -> CheckReport:
        """Judge a stored article's claims (the web site's article page shows them)."""
        stored = self.article(article_id)
        document = Document(stored["source"], stored["sha256"], stored["text"],
                            stored["title"], stored["published"],
                            facts=[Fact.from_dict(c["fact"]) for c in stored["facts"]])
        article = {"id": stored["id"], "source": stored["source"], "title": stored["title"],
                   "published": stored["published"]}
        return self._check(document, article, on)

    def _check(self, document: Document, article: dict[str, Any],
               on: PartialDate | None) -> CheckReport:
        when, basis, note = _article_date(document, on, self.today)  # type: ignore[attr-defined]
        report = CheckReport(article, when, basis, note,
                             PartialDate.of(self.today))  # type: ignore[attr-defined]
        judge = Judge(self, when, self.extractor().gazetteer.parents)  # type: ignore[arg-type]
        for claim in find_claims(document, self.extractor().gazetteer):
            report.verdicts.append(judge.judge(claim))
        return report

    def judge_claims(self, document: Document) -> list[tuple[int, int, str]]:
        """Every claim `check` finds in an extracted document, with its verdict."""
        when, _, _ = _article_date(document, None, self.today)  # type: ignore[attr-defined]
        judge = Judge(self, when, self.extractor().gazetteer.parents)  # type: ignore[arg-type]
        return [(c.start, c.end, judge.judge(c).verdict)
                for c in find_claims(document, self.extractor().gazetteer)]

    def evaluate(self, gold_dir: Path, *, claims: bool = True) -> evaluation.Evaluation:
        extractor = self.extractor()
        cache: dict[tuple[str, str], str] = {}
        with self._connect() as connection:
            def resolver(kind: str, name: str) -> str:
                key = (kind, name)
                if key not in cache:
                    try:
                        cache[key] = resolve(connection, kind, name).id
                    except MultilateralError:
                        cache[key] = "~"
                return cache[key]
            return evaluation.evaluate(gold_dir, extractor, resolver,
                                       extractor.gazetteer.parents,
                                       self.judge_claims if claims else None)


def _edited(original: dict[str, Any], edit: dict[str, Any] | None) -> Fact:
    if not edit:
        raise accept.CannotAccept("An edit needs the edited fact (FACTS.md JSON).")
    merged = {**original, **edit}
    merged["type"] = original["type"]
    merged["evidence"] = original["evidence"]  # the evidence is the article's, not the editor's
    try:
        return Fact.from_dict(merged)
    except InvalidFact as exc:
        raise accept.CannotAccept(f"The edited fact is refused. {exc.message}") from exc


def _cite(connection: Connection, row: Any) -> None:
    source = articles.source_id(row.id)
    if connection.scalar(select(s.sources.c.id).where(s.sources.c.id == source)) is None:
        citation = f"{row.title or row.source}" + (f" ({row.published})" if row.published else "")
        connection.execute(insert(s.sources).values(
            id=source, kind="article", title=row.title, citation=citation,
            url=row.source if str(row.source).startswith("http") else None))


def _article_date(document: Document, on: PartialDate | None, today: dt.date
                  ) -> tuple[PartialDate, str, str]:
    """The date claims are judged on, how it was chosen, and why (said in every report)."""
    if on is not None:
        return on, "option", "the date given with --on"
    if document.published:
        return PartialDate.parse(document.published), "published", "the article's own date"
    days = [d.date for d in find_dates(document.text, None)
            if d.date is not None and d.date.day is not None and d.date.lo <= today]
    if days:
        latest = max(days, key=lambda d: d.lo)
        return latest, "assumed", ("the article gives no date of its own; assumed the latest "
                                   "day it mentions, usually the day of the event it reports")
    return PartialDate.of(today), "today", ("the article gives no date and mentions no full "
                                            "day; judged as of today")
