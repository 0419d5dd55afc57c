"""Full-text search over articles and entity names: FTS5 on SQLite, tsvector on PostgreSQL."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, bindparam, text

from multilateral.model.membership import Ref
from multilateral.model.results import MARK_END, MARK_START
from multilateral.store.resolve import ref

_WORD = re.compile(r"\w+", re.UNICODE)


def words(query: str) -> list[str]:
    return _WORD.findall(query.lower())[:12]


def _fts5_query(terms: list[str]) -> str:
    # Each word quoted (no FTS5 syntax from users); the last one as a prefix, for typing.
    quoted = [f'"{term}"' for term in terms]
    quoted[-1] += "*"
    return " ".join(quoted)


def _pg_query(terms: list[str]) -> str:
    return " & ".join(f"{term}:*" for term in terms)


_SQLITE_ARTICLES = text(
    "select a.id, a.title, a.source, a.published, "
    f"snippet(articles_fts, 1, '{MARK_START}', '{MARK_END}', '…', 16) as snippet "
    "from articles_fts join articles a on a.id = articles_fts.rowid "
    "where articles_fts match :q order by bm25(articles_fts) limit :limit")
_SQLITE_NAMES = text(
    "select n.entity_type, n.entity_id, n.name from names_fts join names n "
    "on n.id = names_fts.rowid where names_fts match :q order by bm25(names_fts), "
    "length(n.name) limit :limit")
_PG_ARTICLES = text(
    "select a.id, a.title, a.source, a.published, ts_headline('english', a.text, "
    "to_tsquery('english', :q), :options) as snippet from articles a "
    "where to_tsvector('english', coalesce(a.title, '') || ' ' || a.text) "
    "@@ to_tsquery('english', :q) order by ts_rank(to_tsvector('english', "
    "coalesce(a.title, '') || ' ' || a.text), to_tsquery('english', :q)) desc limit :limit"
).bindparams(bindparam("options", f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30"))
_PG_NAMES = text(
    "select n.entity_type, n.entity_id, n.name from names n "
    "where to_tsvector('simple', n.name) @@ to_tsquery('simple', :q) "
    "order by length(n.name) limit :limit")


def search(connection: Connection, query: str, limit: int = 20) -> dict[str, Any]:
    """Articles and entities matching every word of `query` (the last word as a prefix)."""
    terms = words(query)
    if not terms:
        return {"query": query, "articles": [], "entities": []}
    if connection.dialect.name == "sqlite":
        q, articles_sql, names_sql = _fts5_query(terms), _SQLITE_ARTICLES, _SQLITE_NAMES
    else:
        q, articles_sql, names_sql = _pg_query(terms), _PG_ARTICLES, _PG_NAMES
    articles = [{"id": row.id, "title": row.title or row.source, "published": row.published,
                 "snippet": row.snippet}
                for row in connection.execute(articles_sql, {"q": q, "limit": limit})]
    seen: dict[tuple[str, str], str] = {}
    for row in connection.execute(names_sql, {"q": q, "limit": limit * 5}):
        if row.entity_type in ("organization", "state"):
            seen.setdefault((row.entity_type, row.entity_id), row.name)
    entities: list[dict[str, Any]] = []
    for (kind, entity_id), matched in list(seen.items())[:limit]:
        entity: Ref = ref(connection, kind, entity_id)
        entities.append({**entity.as_dict(), "matched": matched})
    return {"query": query, "articles": articles, "entities": entities}
