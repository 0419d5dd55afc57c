"""The knowledge base: one object over SQLite or PostgreSQL, composed of parts.

    kb = KnowledgeBase("sqlite:///multilateral.db")
    kb.members("SCO", on="2019-11-19").counts  # {'member': 8, 'observer': 4, ...}

The parts, each usable alone: `questions` (members, memberships, history, org, overlap,
share, conflicts), `desk` (extract, ingest, review, feature), `checking` (claims
judged), `evaluating` (gold sets and their floors) and `tokens`. The methods below are
the public API and hand each call to its part. The reading stack (trafilatura, htmldate,
the rules) is imported only when a part that reads is first used, so that a question
asked from the command line starts at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from multilateral.kb.database import Database
from multilateral.kb.outcomes import IngestItem, IngestReport, ReviewBatch, ReviewResult
from multilateral.kb.questions import Questions
from multilateral.kb.tokens import Tokens

if TYPE_CHECKING:  # annotations only: a question asked from the shell imports what it uses
    from sqlalchemy import Engine

    from multilateral.check.report import CheckReport
    from multilateral.ingest.evaluation import Evaluation
    from multilateral.ingest.pipeline import Extractor
    from multilateral.ingest.reading import UnreadableArticle
    from multilateral.ingest.sources import Skipped, WorkItem
    from multilateral.kb.changes import ChangesReport
    from multilateral.kb.checking import Checking
    from multilateral.kb.cluster import Cluster
    from multilateral.kb.desk import ArticleDesk
    from multilateral.kb.evaluation import Evaluating
    from multilateral.kb.export import ExportReport
    from multilateral.model.access import Token
    from multilateral.model.dates import DateLike, PartialDate
    from multilateral.model.facts import Document
    from multilateral.model.membership import Ref
    from multilateral.model.results import (
        Conflicts,
        History,
        Members,
        Memberships,
        OrgProfile,
        Overlap,
        Overview,
        Share,
    )
    from multilateral.model.timeline import Timeline
    from multilateral.store.load import InitReport

__all__ = ["IngestItem", "IngestReport", "KnowledgeBase", "ReviewBatch", "ReviewResult"]


class KnowledgeBase:
    def __init__(self, url: str | None = None, *, today: dt.date | None = None) -> None:
        self.db = Database(url)
        self.today = today or dt.date.today()
        self.questions = Questions(self.db, self.today)
        self.tokens = Tokens(self.db)

    @cached_property
    def desk(self) -> ArticleDesk:
        from multilateral.kb.desk import ArticleDesk
        return ArticleDesk(self.db, self.questions)

    @cached_property
    def checking(self) -> Checking:
        from multilateral.kb.checking import Checking
        return Checking(self.questions, self.desk)

    @cached_property
    def evaluating(self) -> Evaluating:
        from multilateral.kb.evaluation import Evaluating
        return Evaluating(self.desk, self.checking)

    # -- the database --------------------------------------------------------

    @property
    def url(self) -> str:
        return self.db.url

    @property
    def engine(self) -> Engine:
        return self.db.engine

    def init(self, *, force: bool = False,
             on_wait: Callable[[str], None] | None = None) -> InitReport:
        """Create the schema and load the bundled data (skipped when already current)."""
        return self.db.init(force=force, on_wait=on_wait)

    def close(self) -> None:
        self.db.close()

    def serve_ready(self) -> None:
        """Check the database can be served (raises with advice if not), and let readers
        and a writer work at once on SQLite (write-ahead log)."""
        self.db.prepare_for_serving()

    def data_version(self) -> int:
        """A number that moves on whenever an answer may have changed (cache keys use it)."""
        return self.db.version()

    # -- questions -----------------------------------------------------------

    def organization(self, name: str) -> Ref:
        return self.questions.organization(name)

    def state(self, name: str) -> Ref:
        return self.questions.state(name)

    def find(self, text: str, entity_type: str | None = None,
             limit: int = 20) -> list[tuple[Ref, str]]:
        return self.questions.find(text, entity_type, limit)

    def match(self, text: str, entity_type: str, limit: int = 5) -> list[tuple[Ref, int, bool]]:
        return self.questions.match(text, entity_type, limit)

    def search(self, text: str, limit: int = 20) -> dict[str, Any]:
        return self.questions.search(text, limit)

    def wikidata_ids(self, entity_type: str, ids: Sequence[str] | None = None
                     ) -> dict[str, str]:
        return self.questions.wikidata_ids(entity_type, ids)

    def by_wikidata(self, entity_type: str, qid: str) -> Ref | None:
        return self.questions.by_wikidata(entity_type, qid)

    def members(self, org: str, on: DateLike = None, status: str | None = None) -> Members:
        return self.questions.members(org, on, status)

    def memberships(self, member: str, on: DateLike = None) -> Memberships:
        return self.questions.memberships(member, on)

    def history(self, org: str, state: str | None = None) -> History:
        return self.questions.history(org, state)

    def org(self, org: str, on: DateLike = None) -> OrgProfile:
        return self.questions.org(org, on)

    def overview(self, org: str, on: DateLike = None) -> Overview:
        return self.questions.overview(org, on)

    def conflicts(self, org: str | None = None) -> Conflicts:
        return self.questions.conflicts(org)

    def overlap(self, first: str, second: str, on: DateLike = None,
                statuses: Sequence[str] | None = None) -> Overlap:
        return self.questions.overlap(first, second, on, statuses)

    def share(self, org: str, on: DateLike = None, status: str = "member") -> Share:
        return self.questions.share(org, on, status)

    def timeline(self, org: str) -> Timeline:
        return self.questions.timeline(org)

    def state_timeline(self, member: str) -> Timeline:
        return self.questions.state_timeline(member)

    # -- articles ------------------------------------------------------------

    def extractor(self) -> Extractor:
        return self.desk.extractor()

    def extract(self, paths: list[str], *, force: bool = False,
                published: PartialDate | None = None
                ) -> Iterator[Document | UnreadableArticle | Skipped]:
        return self.desk.extract(paths, force=force, published=published)

    def extract_bytes(self, name: str, data: bytes, *, force: bool = False,
                      published: PartialDate | None = None) -> Document:
        return self.desk.extract_bytes(name, data, force=force, published=published)

    def ingest(self, paths: list[str], *, force: bool = False,
               on_item: Callable[[IngestItem], None] | None = None,
               on_progress: Callable[[IngestReport], None] | None = None,
               cluster: Cluster | None = None) -> IngestReport:
        """Store articles with their facts as candidates; with a `cluster`, read on Ray
        (started before the reading stack is imported here: `kb.cluster`)."""
        if cluster is not None:
            from multilateral.kb import cluster as ray_job
            return ray_job.run(self.db, paths, cluster, force=force, on_item=on_item,
                               on_progress=on_progress)
        return self.desk.ingest(paths, force=force, on_item=on_item, on_progress=on_progress)

    def ingest_content(self, name: str, data: bytes, *, force: bool = False,
                       published: PartialDate | None = None) -> IngestItem:
        return self.desk.ingest_content(name, data, force=force, published=published)

    def store_document(self, document: Document, item: WorkItem | None = None) -> IngestItem:
        return self.desk.store_document(document, item)

    def articles(self, *, limit: int = 20, offset: int = 0, tag: str | None = None,
                 featured: bool | None = None, with_facts: bool = False
                 ) -> list[dict[str, Any]]:
        return self.desk.articles(limit=limit, offset=offset, tag=tag, featured=featured,
                                  with_facts=with_facts)

    def article(self, article_id: int) -> dict[str, Any]:
        return self.desk.article(article_id)

    def tags(self, limit: int = 100) -> list[dict[str, Any]]:
        return self.desk.tags(limit)

    def candidates(self, article_id: int | None = None, status: str | None = "pending"
                   ) -> list[dict[str, Any]]:
        return self.desk.candidates(article_id, status)

    def review_queue(self, article_id: int | None = None) -> list[dict[str, Any]]:
        return self.desk.review_queue(article_id)

    def feature(self, article_id: int, featured: bool = True) -> None:
        self.desk.feature(article_id, featured)

    def review(self, candidate_id: int, action: str, fact: dict[str, Any] | None = None,
               reviewer: str | None = None) -> ReviewResult:
        return self.desk.review(candidate_id, action, fact, reviewer)

    def accept_above(self, confidence: float, article_id: int | None = None,
                     reviewer: str | None = None) -> tuple[list[ReviewResult], list[str]]:
        return self.desk.accept_above(confidence, article_id, reviewer)

    def review_batch(self, *, accept: Sequence[int] = (), reject: Sequence[int] = (),
                     accept_above: float | None = None, article_id: int | None = None,
                     reviewer: str | None = None) -> ReviewBatch:
        return self.desk.review_batch(accept=accept, reject=reject, accept_above=accept_above,
                                      article_id=article_id, reviewer=reviewer)

    # -- checking and evaluation -----------------------------------------------

    def check(self, target: str, on: PartialDate | None = None) -> CheckReport:
        return self.checking.check(target, on)

    def check_article(self, article_id: int, on: PartialDate | None = None) -> CheckReport:
        return self.checking.check_article(article_id, on)

    def article_checks(self, article_id: int) -> dict[str, Any]:
        """The article's check report as its page shows it, stored until the facts change."""
        return self.checking.article_checks(article_id)

    def evaluate(self, gold_dir: Path, *, floors: Path | None = None,
                 claims: bool = True, split: str | None = "dev") -> Evaluation:
        return self.evaluating.evaluate(gold_dir, floors=floors, claims=claims, split=split)

    def changes(self, *, since: PartialDate | str | None = None, org: str | None = None,
                limit: int | None = None) -> ChangesReport:
        """What the news reports that the knowledge base does not hold, or contradicts as
        of the story's date: pending candidates, most stories first, the first `limit`
        (50 unless given; kb/changes.py)."""
        from multilateral.kb.changes import LIMIT, changes
        from multilateral.model.dates import PartialDate
        when = PartialDate.parse(since) if isinstance(since, str) else since
        return changes(self.questions, self.desk, since=when, org=org,
                       limit=LIMIT if limit is None else limit)

    # -- export --------------------------------------------------------------

    def export(self, directory: Path, last_year: int | None = None,
               on_org: Callable[[str], None] | None = None) -> ExportReport:
        """The knowledge base as CSV (and Parquet where pyarrow is installed): spells with
        sources, and the COW IGO state-year layout to `last_year` (default: last year)."""
        from multilateral.kb.export import export
        return export(self.db, directory, last_year or self.today.year - 1, on_org)

    # -- tokens --------------------------------------------------------------

    def create_token(self, role: str, name: str | None = None) -> tuple[Token, str]:
        return self.tokens.create(role, name)

    def list_tokens(self) -> list[dict[str, Any]]:
        return self.tokens.listing()

    def revoke_token(self, token_id: int) -> None:
        self.tokens.revoke(token_id)

    def authenticate(self, secret: str) -> Token | None:
        return self.tokens.authenticate(secret)

    def open_session(self, token: Token, lifetime: dt.timedelta) -> str:
        return self.tokens.open_session(token, lifetime)

    def session(self, secret: str) -> Token | None:
        return self.tokens.session(secret)

    def close_session(self, secret: str) -> None:
        self.tokens.close_session(secret)
