"""What the knowledge base answers, as a verdict shows it: the members of a status, their
standings with sources, a chair's term, a list of names cut short."""

from __future__ import annotations

import datetime as dt
from typing import Any

from multilateral.model.dates import PartialDate
from multilateral.model.results import Members


def of_status(members: Members, status: str) -> list[tuple[str, str]]:
    return [(st.subject.id, st.subject.name) for st in members.certain if st.has(status)]


def standings(members: Members, status: str) -> list[dict[str, Any]]:
    return [{"member": st.subject.as_dict(), "status": st.status, "since": str(st.since or ""),
             "sources": sorted({s.url or s.id for c in st.claims for s in c.sources})}
            for st in members.certain if st.status == status]


def overlaps(chair: dict[str, Any], start: PartialDate, end: PartialDate) -> bool:
    lo = PartialDate.parse(chair["start"]).lo if chair["start"] else dt.date.min
    hi = PartialDate.parse(chair["end"]).hi if chair["end"] else dt.date.max
    return lo <= end.hi and start.lo <= hi


def some(names: list[str], shown: int = 5) -> str:
    rest = len(names) - shown
    return ", ".join(names[:shown]) + (f" and {rest} more" if rest > 0 else "")
