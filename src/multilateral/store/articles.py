"""Articles, their tags and their review candidates, read from (and reviewed in) the store.

The reading pipeline writes these tables; this module lists and shows what is there,
so that an empty knowledge base gives empty lists, never an error.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, func, select, update

from multilateral.store import schema as s

_a, _t, _c = s.articles, s.article_tags, s.candidates
_SUMMARY = (_a.c.id, _a.c.title, _a.c.source, _a.c.published, _a.c.author, _a.c.featured,
            _a.c.ingested_at)


def _json_list(text: str | None) -> list[Any]:
    if not text:
        return []
    value = json.loads(text)
    return value if isinstance(value, list) else [value]


def _tags(connection: Connection, ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if not ids:
        return found
    rows = connection.execute(
        select(_t).where(_t.c.article_id.in_(ids)).order_by(_t.c.article_id, _t.c.kind, _t.c.tag))
    for row in rows:
        found[row.article_id].append(
            {"tag": row.tag, "kind": row.kind, "entity_id": row.entity_id})
    return found


def _summary(row: Row[Any] | Any, tags: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": row.id, "title": row.title or row.source, "source": row.source,
            "published": row.published, "author": row.author, "featured": bool(row.featured),
            "ingested_at": row.ingested_at.isoformat(timespec="seconds"), "tags": tags}


def listing(connection: Connection, *, tag: str | None = None, entity_id: str | None = None,
            featured: bool | None = None, limit: int = 20, offset: int = 0
            ) -> list[dict[str, Any]]:
    """Articles, newest first (by publication date, then by ingestion), optionally filtered."""
    statement = select(*_SUMMARY)
    if tag is not None:
        statement = statement.where(_a.c.id.in_(
            select(_t.c.article_id).where(func.lower(_t.c.tag) == tag.lower())))
    if entity_id is not None:
        statement = statement.where(_a.c.id.in_(
            select(_t.c.article_id).where(_t.c.entity_id == entity_id)))
    if featured is not None:
        statement = statement.where(_a.c.featured == featured)
    rows = connection.execute(
        statement.order_by(_a.c.published_lo.desc().nulls_last(), _a.c.ingested_at.desc(),
                           _a.c.id.desc()).limit(limit).offset(offset)).all()
    tags = _tags(connection, [row.id for row in rows])
    return [_summary(row, tags.get(row.id, [])) for row in rows]


def one(connection: Connection, article_id: int) -> dict[str, Any] | None:
    """An article with its text, tags, photo credits and the facts read from it."""
    row = connection.execute(select(_a).where(_a.c.id == article_id)).first()
    if row is None:
        return None
    article = _summary(row, _tags(connection, [row.id]).get(row.id, []))
    article.update(text=row.text, language=row.language, sha256=row.sha256,
                   photo_credits=_json_list(row.photo_credits),
                   warnings=_json_list(row.warnings),
                   facts=candidates(connection, article_id=article_id, status=None))
    return article


def tags(connection: Connection, limit: int = 100) -> list[dict[str, Any]]:
    """Tags with the number of articles carrying each, most used first."""
    count = func.count(_t.c.article_id).label("articles")
    rows = connection.execute(
        select(_t.c.tag, _t.c.kind, _t.c.entity_id, count)
        .group_by(_t.c.tag, _t.c.kind, _t.c.entity_id)
        .order_by(count.desc(), _t.c.tag).limit(limit)).all()
    return [{"tag": r.tag, "kind": r.kind, "entity_id": r.entity_id, "articles": r.articles}
            for r in rows]


def candidates(connection: Connection, *, article_id: int | None = None,
               status: str | None = "pending", limit: int = 200) -> list[dict[str, Any]]:
    """Facts read from articles, with their evidence, in the order of the text."""
    statement = select(_c, _a.c.title.label("article_title"), _a.c.text.label("article_text")
                       ).join(_a, _a.c.id == _c.c.article_id)
    if article_id is not None:
        statement = statement.where(_c.c.article_id == article_id)
    if status is not None:
        statement = statement.where(_c.c.status == status)
    rows = connection.execute(
        statement.order_by(_c.c.article_id, _c.c.position).limit(limit)).all()
    return [_candidate(row) for row in rows]


CONTEXT = 240  # characters shown each side of the evidence in the review queue


def _context(text: str, evidence: Any) -> dict[str, str] | None:
    """The evidence with the text around it, for a reviewer to judge it in place."""
    if not isinstance(evidence, dict):
        return None
    start, end = evidence.get("start"), evidence.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(text):
        return None
    return {"before": text[max(0, start - CONTEXT):start], "evidence": text[start:end],
            "after": text[end:end + CONTEXT]}


def _candidate(row: Row[Any]) -> dict[str, Any]:
    fact = json.loads(row.fact)
    return {"id": row.id, "article": {"id": row.article_id, "title": row.article_title},
            "position": row.position, "type": row.type, "confidence": row.confidence,
            "status": row.status, "fact": fact, "evidence": fact.get("evidence"),
            "context": _context(row.article_text, fact.get("evidence")),
            "fact_type": row.fact_type, "fact_id": row.fact_id, "reviewer": row.reviewer,
            "reviewed_at": row.reviewed_at.isoformat(timespec="seconds")
            if row.reviewed_at else None}


def candidate(connection: Connection, candidate_id: int) -> dict[str, Any] | None:
    row = connection.execute(
        select(_c, _a.c.title.label("article_title"), _a.c.text.label("article_text"))
        .join(_a, _a.c.id == _c.c.article_id).where(_c.c.id == candidate_id)).first()
    return None if row is None else _candidate(row)


def set_review(connection: Connection, candidate_id: int, status: str,
               fact: dict[str, Any] | None, reviewer: str | None, now: dt.datetime) -> None:
    values: dict[str, Any] = {"status": status, "reviewer": reviewer, "reviewed_at": now}
    if fact is not None:
        values["fact"] = json.dumps(fact, ensure_ascii=False)
        values["type"] = fact["type"]
    connection.execute(update(_c).where(_c.c.id == candidate_id).values(**values))


def set_featured(connection: Connection, article_id: int, featured: bool) -> bool:
    """Mark an article featured or not; False when there is no such article."""
    done = connection.execute(update(_a).where(_a.c.id == article_id).values(featured=featured))
    return bool(done.rowcount)
