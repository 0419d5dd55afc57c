"""Membership spells laid out over time: one row per member (or organization), for charts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from multilateral.model.membership import Claim, Ref


@dataclass(frozen=True)
class Bar:
    """One claim drawn from its first possible day to its end (or the source's last year)."""

    status: str
    start: str
    end: str | None
    first_day: dt.date
    last_day: dt.date
    open_end: bool  # no end known: runs to today, or to the end of the source's coverage
    dataset: str

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "start": self.start, "end": self.end,
                "first_day": self.first_day.isoformat(), "last_day": self.last_day.isoformat(),
                "open_end": self.open_end, "dataset": self.dataset}


@dataclass
class Timeline:
    subject: Ref
    first_day: dt.date
    last_day: dt.date
    rows: list[tuple[Ref, list[Bar]]]

    def as_dict(self) -> dict[str, Any]:
        return {"subject": self.subject.as_dict(), "first_day": self.first_day.isoformat(),
                "last_day": self.last_day.isoformat(),
                "rows": [{**who.as_dict(), "bars": [bar.as_dict() for bar in bars]}
                         for who, bars in self.rows]}


def timeline(subject: Ref, claims: Iterable[Claim], key: Callable[[Claim], Ref],
             today: dt.date, founded: dt.date | None = None) -> Timeline:
    """Rows ordered by their first start; claims without a start (pending) are left out."""
    rows: dict[Ref, list[Bar]] = defaultdict(list)
    for claim in claims:
        if claim.start is None:
            continue
        if claim.end is not None:
            last, open_end = claim.end.lo, False
        else:
            last, open_end = min(claim.known_until or today, today), True
        rows[key(claim)].append(Bar(claim.status, str(claim.start),
                                    str(claim.end) if claim.end else None,
                                    claim.start.lo, max(last, claim.start.lo), open_end,
                                    claim.dataset))
    ordered = sorted(rows.items(), key=lambda item: (min(b.first_day for b in item[1]),
                                                     item[0].name))
    firsts = [bar.first_day for _, bars in ordered for bar in bars]
    first = min([*firsts, *([founded] if founded else [])], default=today)
    return Timeline(subject, first, today, [(who, sorted(bars, key=lambda b: b.first_day))
                                            for who, bars in ordered])
