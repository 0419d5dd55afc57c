"""Judging an article's claims against the knowledge base as of the article's date."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from multilateral.check.claims import find_claims
from multilateral.check.dating import recorded_events
from multilateral.check.report import CheckReport
from multilateral.check.verdict import KnowledgeSource
from multilateral.check.verdicts import Judge
from multilateral.errors import DatabaseError
from multilateral.ingest.dates import DateMention, find_dates
from multilateral.ingest.gazetteer import Gazetteer
from multilateral.ingest.pipeline import extract
from multilateral.ingest.rules.context import Article, Context
from multilateral.ingest.sentences import split_sentences
from multilateral.kb.desk import ArticleDesk
from multilateral.kb.questions import Questions
from multilateral.model.dates import PartialDate
from multilateral.model.facts import Document, Fact
from multilateral.store import reports

# A dateline is a day at the head of the page: at a line's start, after a place in
# capitals ("BISHKEK, June 14 (Xinhua) --") or after the words that label a date.
DATELINE_WITHIN = 400
_DATELINE = re.compile(r"(?:^|\n)\s*(?:[A-Z][A-Z .'-]+,\s*|(?:Published|Posted|Updated|Date|"
                       r"Dated)\s*(?:on)?\s*:?\s*)?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,?\s*)?$",
                       re.IGNORECASE)


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
        gazetteer = self.desk.extractor().gazetteer
        when, basis, note = article_date(document, gazetteer, on, self.today, self.questions)
        report = CheckReport(article, when, basis, note, PartialDate.of(self.today))
        judge = Judge(self.questions, when, gazetteer.parents, dated=basis != "none")
        for claim in find_claims(document, gazetteer):
            report.verdicts.append(judge.judge(claim))
        return report

    def judge_claims(self, document: Document) -> list[tuple[int, int, str]]:
        """Every claim `check` finds in an extracted document, with its verdict."""
        gazetteer = self.desk.extractor().gazetteer
        when, basis, _ = article_date(document, gazetteer, None, self.today,
                                       self.questions)
        judge = Judge(self.questions, when, gazetteer.parents, dated=basis != "none")
        return [(c.start, c.end, judge.judge(c).verdict) for c in find_claims(document, gazetteer)]


def article_date(document: Document, gazetteer: Gazetteer, on: PartialDate | None,
                 today: dt.date, kb: KnowledgeSource | None = None
                 ) -> tuple[PartialDate, str, str]:
    """The date claims are judged on, how it was chosen (`option`, `published`, `dateline`,
    `newest_event`, or `none`: then today, and what depends on the day is unverifiable),
    and why: said in every report. With `kb`, the newest event may be a change of
    membership the article reports as done, on the day the knowledge base records for it."""
    if on is not None:
        return on, "option", "the date given with --on"
    if document.published:
        return PartialDate.parse(document.published), "published", "the article's own date"
    dates = [d for d in find_dates(document.text, None)
             if d.date is not None and d.date.month is not None and d.date.lo <= today]
    for mention in dates:
        if mention.start > DATELINE_WITHIN:
            break
        if mention.date is not None and mention.date.day is not None and _DATELINE.search(
                document.text[max(0, mention.start - 60):mention.start]):
            return mention.date, "dateline", (
                "the article gives no date of its own; its dateline gives this day")
    past = _reported_as_past(document.text, dates, gazetteer)
    recorded = recorded_events(document.facts, kb) if kb is not None else []
    if past or recorded:
        latest = max(past + [d for d, _ in recorded], key=lambda d: (d.hi, d.day is not None))
        event = next((f for d, f in recorded if d == latest and d not in past), None)
        why = (f": {event.state}'s {event.change} ({event.org}), which the knowledge base "
               f"dates {latest}" if event is not None else "")
        return latest, "newest_event", (
            "the article gives no date of its own; judged on the newest event it reports "
            f"as past{why}")
    return PartialDate.of(today), "none", (
        "the article gives no date and reports no dated event; judged on no day: a claim "
        "whose truth depends on the day is unverifiable")


def _reported_as_past(text: str, dates: list[DateMention], gazetteer: Gazetteer
                      ) -> list[PartialDate]:
    """The days and months of the events the article reports as having happened (not
    those it plans, hopes for or denies: the reader's modality of the date's clause)."""
    article = Article(text, None, gazetteer, [])
    found = []
    at = 0
    sentences = split_sentences(text)
    for mention in dates:
        while at < len(sentences) and sentences[at].end <= mention.start:
            at += 1
        if at == len(sentences) or mention.date is None:
            break
        context = Context(article, sentences[at], [], [mention])
        if context.modality(mention.start, mention.end, clause=True) == "asserted":
            found.append(mention.date)
    return found
