"""Stored claim checks: an article's report, kept with the facts version and the day it was
judged on, so that its page reads it rather than judging every claim again."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from multilateral.store import schema as s
from multilateral.store import version


def stored(connection: Connection, article_id: int, today: dt.date) -> dict[str, Any] | None:
    """The stored report, if it was judged on today's facts and today's date."""
    r = s.check_reports.c
    row = connection.execute(select(r.facts_version, r.today, r.report)
                             .where(r.article_id == article_id)).first()
    if row is None or row.today != today or \
            row.facts_version != version.current(connection, version.FACTS_KEY):
        return None
    report: dict[str, Any] = json.loads(row.report)
    return report


def store(connection: Connection, article_id: int, today: dt.date,
          report: dict[str, Any]) -> None:
    connection.execute(delete(s.check_reports).where(s.check_reports.c.article_id == article_id))
    connection.execute(insert(s.check_reports).values(
        article_id=article_id, facts_version=version.current(connection, version.FACTS_KEY),
        today=today, report=json.dumps(report, ensure_ascii=False, default=str),
        checked_at=dt.datetime.now(dt.UTC).replace(tzinfo=None)))
