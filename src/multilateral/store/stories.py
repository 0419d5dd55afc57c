"""One candidate from many stories: the pending candidates that share a fact identity
(`candidates.fact_key`, model/fact_key.py) are one candidate, whose sources are the
stories that state it. Copies of one story add no candidates (store/copies.py), so each
article counted is an independent story.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, String, cast, func, literal, select

from multilateral.store import schema as s
from multilateral.store.articles import PENDING, candidates, with_context

PAGE = 200  # groups fetched at a time by `streamed`


def key_of(candidate: dict[str, Any]) -> str:
    """A candidate's identity; one stored before migration 0010 has none: its own."""
    return candidate.get("fact_key") or f"candidate:{candidate['id']}"


def grouped(pending: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The candidates by identity, each group in the order read; the groups stated by
    most stories first (then the first read first)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for candidate in sorted(pending, key=lambda c: c["id"]):
        groups.setdefault(key_of(candidate), []).append(candidate)
    return sorted(groups.values(), key=lambda g: (-story_count(g), g[0]["id"]))


def streamed(connection: Connection, page: int = PAGE) -> Iterator[list[dict[str, Any]]]:
    """The pending candidates by identity, in `grouped`'s order, `page` groups at a time:
    the store ranks the identities (one aggregate query, its rows read a page at a time)
    and each page's candidates are fetched by their identities. A caller that stops early
    has read only the groups it used, whatever the size of the queue."""
    key = func.coalesce(s.candidates.c.fact_key,
                        literal("candidate:") + cast(s.candidates.c.id, String))
    ranked = select(key.label("key"), s.candidates.c.fact_key.is_(None).label("alone"),
                    func.min(s.candidates.c.id).label("first")).where(
        s.candidates.c.status == PENDING).group_by(key, s.candidates.c.fact_key.is_(None)
    ).order_by(func.count(s.candidates.c.article_id.distinct()).desc(),
               func.min(s.candidates.c.id))
    result = connection.execution_options(yield_per=page).execute(ranked)
    try:
        for rows in result.partitions():
            keys = [row.key for row in rows if not row.alone]
            alone = [row.first for row in rows if row.alone]
            members = candidates(connection, status=PENDING, fact_keys=keys) if keys else []
            members += candidates(connection, status=PENDING, ids=alone) if alone else []
            yield from grouped(members)  # ranked as the store ranked them
    finally:
        result.close()


def story_count(group: list[dict[str, Any]]) -> int:
    return len({c["article_id"] for c in group})


def queue(connection: Connection, article_id: int | None = None) -> list[dict[str, Any]]:
    """The review queue: one entry per pending fact identity (its first candidate, with the
    context of its evidence), with `stories`, how many stories state it, and `sources`,
    each story's candidate and evidence; most stories first. `article_id` keeps the
    candidates one article states (with all their sources)."""
    out = []
    for group in grouped(candidates(connection, status=PENDING)):
        if article_id is not None and all(c["article_id"] != article_id for c in group):
            continue
        shown = with_context(connection, group)
        out.append({**shown[0], "stories": story_count(group),
                    "sources": [{"candidate_id": c["id"], "article": c["article"],
                                 "context": c["context"]} for c in shown]})
    return out


def siblings(connection: Connection, candidate: dict[str, Any]) -> list[dict[str, Any]]:
    """The other pending candidates of the same fact identity (other stories stating it)."""
    if not candidate.get("fact_key"):
        return []
    return [c for c in candidates(connection, status=PENDING, fact_key=candidate["fact_key"])
            if c["id"] != candidate["id"]]


def seen(connection: Connection, article_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Each article's title, source, date and the days it was seen: its own (its
    publication day, else the day it was read) and each copy's, and how many copies."""
    out: dict[int, dict[str, Any]] = {}
    if not article_ids:
        return out
    rows = connection.execute(select(
        s.articles.c.id, s.articles.c.title, s.articles.c.source, s.articles.c.published,
        s.articles.c.published_lo, s.articles.c.ingested_at).where(
        s.articles.c.id.in_(article_ids))).all()
    for row in rows:
        out[row.id] = {"id": row.id, "title": row.title or row.source, "source": row.source,
                       "published": row.published, "copies": 0,
                       "days": [row.published_lo or row.ingested_at.date()]}
    copies = connection.execute(select(
        s.story_copies.c.article_id, s.story_copies.c.published_lo, s.story_copies.c.seen)
        .where(s.story_copies.c.article_id.in_(article_ids))).all()
    for copy in copies:
        out[copy.article_id]["copies"] += 1
        out[copy.article_id]["days"].append(copy.published_lo or copy.seen.date())
    return out
