"""Judging an article's claims against the knowledge base as of the article's date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from multilateral.check.claims import find_claims
from multilateral.check.report import CheckReport
from multilateral.check.verdicts import Judge
from multilateral.errors import DatabaseError
from multilateral.ingest.dates import find_dates
from multilateral.ingest.pipeline import extract
from multilateral.kb.desk import ArticleDesk
from multilateral.kb.questions import Questions
from multilateral.model.dates import PartialDate
from multilateral.model.facts import Document, Fact
from multilateral.store import reports


class Checking:
    def __init__(self, questions: Questions, desk: ArticleDesk) -> None:
        self.questions = questions
        self.desk = desk

    @property
    def today(self) -> dt.date:
        return self.questions.today

    def check(self, target: str, on: PartialDate | None = None) -> CheckReport:
        """Judge an article's claims (a file path, or a stored article's id) as of its date."""
        if target.isdigit() and not Path(target).exists():
            return self.check_article(int(target), on)
        document = extract(target, self.desk.extractor())
        article = {"id": None, "source": document.source, "title": document.title,
                   "published": document.published}
        return self._check(document, article, on)

    def check_article(self, article_id: int, on: PartialDate | None = None) -> CheckReport:
        """Judge a stored article's claims (the web site's article page shows them)."""
        stored = self.desk.article(article_id)
        document = Document(stored["source"], stored["sha256"], stored["text"],
                            stored["title"], stored["published"],
                            facts=[Fact.from_dict(c["fact"]) for c in stored["facts"]])
        article = {"id": stored["id"], "source": stored["source"], "title": stored["title"],
                   "published": stored["published"]}
        return self._check(document, article, on)

    def article_checks(self, article_id: int) -> dict[str, Any]:
        """A stored article's check report (its `as_dict()`), judged once and stored, and
        judged again only when the facts or the day have changed since."""
        db = self.desk.db
        with db.connect() as connection:
            found = reports.stored(connection, article_id, self.today)
        if found is not None:
            return found
        report = self.check_article(article_id).as_dict()
        try:
            with db.begin() as connection:
                reports.store(connection, article_id, self.today, report)
        except DatabaseError:
            pass  # another process stored the same report first: either will do
        return report

    def _check(self, document: Document, article: dict[str, Any],
               on: PartialDate | None) -> CheckReport:
        when, basis, note = _article_date(document, on, self.today)
        report = CheckReport(article, when, basis, note, PartialDate.of(self.today))
        gazetteer = self.desk.extractor().gazetteer
        judge = Judge(self.questions, when, gazetteer.parents)
        for claim in find_claims(document, gazetteer):
            report.verdicts.append(judge.judge(claim))
        return report

    def judge_claims(self, document: Document) -> list[tuple[int, int, str]]:
        """Every claim `check` finds in an extracted document, with its verdict."""
        when, _, _ = _article_date(document, None, self.today)
        gazetteer = self.desk.extractor().gazetteer
        judge = Judge(self.questions, when, gazetteer.parents)
        return [(c.start, c.end, judge.judge(c).verdict) for c in find_claims(document, gazetteer)]


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
