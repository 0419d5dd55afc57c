"""The changes the news reports: the pending candidates (one per fact, however many
stories state it) that the knowledge base does not hold yet, or that contradict it as of
the first story's date (else the first day one was seen), judged by the checker's own
verdicts (check/verdicts.py).

A fact the knowledge base already holds (a claim judged `supported`) is no change. A
planned or denied fact is not one either: it is no knowledge-base fact. A fact the
checker makes no claim of (an event, a resolution without parties) is listed as
`unchecked`: it is read from the news, and nothing here says whether it is known.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from multilateral.check.claims import fact_claims
from multilateral.check.verdict import Verdict
from multilateral.check.verdicts import Judge
from multilateral.check.words import CONTRADICTED, OUTDATED, SUPPORTED
from multilateral.errors import InvalidInput
from multilateral.kb.desk import ArticleDesk
from multilateral.kb.questions import Questions
from multilateral.model.dates import PartialDate
from multilateral.model.facts import Fact
from multilateral.store import stories

KINDS = ("new", "contradicts", "unchecked")
_ORG_FIELDS = ("org_id", "body_id", "subject_id")
_ORG_LISTS = ("party_ids", "organizer_ids")


LIMIT = 50  # changes a report lists unless asked for more


@dataclass
class ChangesReport:
    since: PartialDate | None
    org: dict[str, Any] | None
    limit: int = LIMIT
    changes: list[dict[str, Any]] = field(default_factory=list)
    more: bool = False  # the queue holds changes past the limit

    def as_dict(self) -> dict[str, Any]:
        counts = {kind: sum(1 for c in self.changes if c["kind"] == kind) for kind in KINDS}
        return {"since": str(self.since) if self.since else None, "org": self.org,
                "limit": self.limit, "more": self.more, "counts": counts,
                "changes": self.changes}


def changes(questions: Questions, desk: ArticleDesk, *, since: PartialDate | None = None,
            org: str | None = None, limit: int = LIMIT) -> ChangesReport:
    """The first `limit` changes, most stories first, each with its fact, the stories that
    state it (`stories`, `sources`, and their copies), the first and last day seen (a
    story's or a copy's publication day, else the day it was read), and the verdict that
    makes it a change; `more` says whether the queue holds others. `since` keeps those
    last seen on or after its first day; `org`, those about that organization. The queue
    is read a page of fact identities at a time and no further than the limit needs."""
    if limit < 1:
        raise InvalidInput(f"A limit of {limit} lists nothing: give 1 or more.")
    wanted = questions.organization(org) if org else None
    report = ChangesReport(since, wanted.as_dict() if wanted else None, limit)
    parents = desk.extractor().gazetteer.parents
    judges: dict[str, Judge] = {}  # one per date: it keeps the answers it asked for
    with desk.db.connect() as connection:
        for group in stories.streamed(connection):
            if (group[0]["fact"].get("modality") not in ("asserted", "reported")
                    or (wanted is not None and not _about(group[0]["fact"], wanted.id))):
                continue
            change = _change(connection, group, since, judges, questions, parents)
            if change is None:
                continue
            if len(report.changes) == limit:
                report.more = True
                break
            report.changes.append(change)
    return report


def _change(connection: Connection, group: list[dict[str, Any]], since: PartialDate | None,
            judges: dict[str, Judge], questions: Questions, parents: dict[str, str]
            ) -> dict[str, Any] | None:
    """The group as a change, or None: seen only before `since`, or a fact the knowledge
    base holds."""
    ids = list(dict.fromkeys(c["article_id"] for c in group))
    seen = stories.seen(connection, ids)
    articles = [seen[i] for i in ids]
    days = [day for a in articles for day in a["days"]]
    first, last = min(days), max(days)
    if since is not None and last < since.lo:
        return None
    fact = Fact.from_dict(group[0]["fact"])
    on = _first_date(articles) or PartialDate.of(first)
    judge = judges.setdefault(str(on), Judge(questions, on, parents))
    judged = _judge(judge, fact)
    if judged is not None and judged.verdict == SUPPORTED:
        return None
    kind = "unchecked" if judged is None else (
        "contradicts" if judged.verdict in (CONTRADICTED, OUTDATED) else "new")
    return {
        "kind": kind, "candidate_id": group[0]["id"], "type": fact.type,
        "fact": group[0]["fact"], "stories": len(articles),
        "copies": sum(a["copies"] for a in articles),
        "first_seen": first.isoformat(), "last_seen": last.isoformat(),
        "judged_on": str(on),
        "verdict": judged.verdict if judged else None,
        "reason": judged.reason if judged else "The checker makes no claim of this "
                  "kind of fact: not compared with the knowledge base.",
        "sources": [{"candidate_id": c["id"], "article": {k: seen[c["article_id"]][k] for k
                     in ("id", "title", "source", "published", "copies")},
                     "evidence": c["fact"].get("evidence")} for c in group]}


def _judge(judge: Judge, fact: Fact) -> Verdict | None:
    """The fact's claims judged as of the judge's day (the first story's date; where no
    story gives one, the first day one was seen): supported if any holds, else the first
    that contradicts, else the first verdict."""
    claims = fact_claims([fact])
    if not claims:
        return None
    verdicts = [judge.judge(claim) for claim in claims]
    for wanted in (SUPPORTED, CONTRADICTED, OUTDATED):
        found = next((v for v in verdicts if v.verdict == wanted), None)
        if found is not None:
            return found
    return verdicts[0]


def _first_date(articles: list[dict[str, Any]]) -> PartialDate | None:
    dates = [PartialDate.parse(a["published"]) for a in articles if a["published"]]
    return min(dates, key=lambda d: (d.lo, d.hi)) if dates else None


def _about(fact: dict[str, Any], org_id: str) -> bool:
    return any(fact.get(name) == org_id for name in _ORG_FIELDS) or any(
        org_id in (fact.get(name) or []) for name in _ORG_LISTS)
