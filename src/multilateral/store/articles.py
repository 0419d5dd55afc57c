"""Articles and their review candidates in the store: save, list, read.

An article is saved with its facts as pending candidates in one transaction;
the same content (by sha256) saved twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import PurePath
from typing import Any

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from multilateral.errors import MultilateralError
from multilateral.model.dates import PartialDate
from multilateral.model.evidence import in_context
from multilateral.model.fact_key import identity
from multilateral.model.facts import Document
from multilateral.model.shingles import Print
from multilateral.store import copies, ledger, version
from multilateral.store import schema as s

PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"


class UnknownArticle(MultilateralError, LookupError):
    exit_code = 2
    status = 404
    code = "unknown_article"

    def __init__(self, what: str, ident: int) -> None:
        super().__init__(f"No {what} with id {ident}. `multilateral review` lists the "
                         "pending candidates and their ids.")


def save(connection: Connection, document: Document, *,
         entry: ledger.Entry | None = None, fingerprint: Print | None = None
         ) -> tuple[int, bool]:
    """Store an article and its candidates; (id, False) when the same content is already in.
    With an `entry`, the work item it was read from goes into the ingest ledger in the same
    transaction (stored, or duplicate). `fingerprint`: the text's, made by its reader
    (else here)."""
    article_id, created = _save(connection, document, fingerprint)
    if entry is not None:
        ledger.record(connection, entry, ledger.STORED if created else ledger.DUPLICATE,
                      article_id=article_id)
    return article_id, created


def _save(connection: Connection, document: Document, fingerprint: Print | None
          ) -> tuple[int, bool]:
    existing = connection.scalar(select(s.articles.c.id).where(
        s.articles.c.sha256 == document.sha256))
    if existing is not None:
        return int(existing), False
    # A copy of a story already in (the same words, or nearly) is kept as its source.
    fingerprint = fingerprint or Print.of(document.text)
    original = copies.file_copy(connection, document, public_source(document.source),
                                fingerprint)
    if original is not None:
        return original, False
    published = PartialDate.parse(document.published) if document.published else None
    # Two ingests of one article at once: the second insert finds the first one's row
    # (PostgreSQL waits for the first to commit) and does nothing; then it is "already in".
    inserted = connection.scalar(_insert_new(connection).values(
        sha256=document.sha256, source=public_source(document.source), title=document.title,
        published=str(published) if published else None,
        published_lo=published.lo if published else None,
        published_hi=published.hi if published else None,
        author=document.author, language=document.language, text=document.text,
        photo_credits=json.dumps(document.photo_credits),
        warnings=json.dumps(document.warnings), featured=False,
        ingested_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
    ).on_conflict_do_nothing(index_elements=["sha256"]).returning(s.articles.c.id))
    if inserted is None:
        existing = connection.scalar(select(s.articles.c.id).where(
            s.articles.c.sha256 == document.sha256))
        assert existing is not None
        return int(existing), False
    article_id = int(inserted)
    version.bump(connection)
    copies.index(connection, article_id, fingerprint)
    # One statement a table, its rows in order (executemany): compiling a statement per
    # row cost the writer of an ingest job more than the database's own work.
    if document.tags:
        connection.execute(insert(s.article_tags), [
            {"article_id": article_id, "tag": tag["tag"], "kind": tag["kind"],
             "entity_id": tag["entity_id"]} for tag in document.tags])
    if document.facts:
        connection.execute(insert(s.candidates), [
            {"article_id": article_id, "position": position, "type": fact.type,
             "fact": json.dumps(fact.as_dict(), ensure_ascii=False),
             "confidence": fact.confidence, "status": PENDING, "fact_key": identity(fact)}
            for position, fact in enumerate(document.facts)])
    return int(article_id), True


def public_source(source: str) -> str:
    """The source the site publishes: a URL as given, a file by its name alone (never the
    folders of the machine it was read on)."""
    if "://" in source:
        return source
    return PurePath(source).name or source


def _insert_new(connection: Connection) -> Any:
    """An INSERT into articles that can skip a row already there (both dialects have one)."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(s.articles)


def source_id(article_id: int) -> str:
    return f"article:{article_id}"


def cite(connection: Connection, row: Any) -> None:
    """Make the article a source (once), so that accepted facts can cite it."""
    source = source_id(row.id)
    if connection.scalar(select(s.sources.c.id).where(s.sources.c.id == source)) is None:
        citation = f"{row.title or row.source}" + (f" ({row.published})" if row.published else "")
        connection.execute(insert(s.sources).values(
            id=source, kind="article", title=row.title, citation=citation,
            url=row.source if str(row.source).startswith("http") else None))


def article_row(connection: Connection, article_id: int) -> Any:
    row = connection.execute(select(s.articles).where(s.articles.c.id == article_id)).first()
    if row is None:
        raise UnknownArticle("article", article_id)
    return row


def article(connection: Connection, article_id: int) -> dict[str, Any]:
    row = article_row(connection, article_id)
    return {**_summary(row), "text": row.text, "warnings": json.loads(row.warnings or "[]"),
            "tags": tags(connection, [article_id]).get(article_id, []),
            "copies": copies.copies(connection, [article_id]).get(article_id, []),
            "facts": candidates(connection, article_id=article_id, status=None)}


def articles(connection: Connection, *, limit: int = 20, offset: int = 0,
             tag: str | None = None, featured: bool | None = None,
             with_facts: bool = False) -> list[dict[str, Any]]:
    """Articles, newest first; `with_facts` adds the facts read from each that no editor
    rejected (a feed summarizes them)."""
    statement = select(s.articles)
    if featured is not None:
        statement = statement.where(s.articles.c.featured == featured)
    if tag is not None:
        statement = statement.where(s.articles.c.id.in_(select(s.article_tags.c.article_id).where(
            (s.article_tags.c.tag == tag) | (s.article_tags.c.entity_id == tag))))
    rows = connection.execute(statement.order_by(
        s.articles.c.published_lo.desc().nulls_last(), s.articles.c.id.desc())
        .limit(limit).offset(offset)).all()
    ids = [row.id for row in rows]
    tagged = tags(connection, ids)
    found = [{**_summary(row), "tags": tagged.get(row.id, [])} for row in rows]
    if with_facts:
        facts = _facts(connection, ids)
        found = [{**article, "facts": facts.get(article["id"], [])} for article in found]
    return found


def _facts(connection: Connection, article_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    if not article_ids:
        return out
    rows = connection.execute(select(s.candidates.c.article_id, s.candidates.c.fact).where(
        s.candidates.c.article_id.in_(article_ids), s.candidates.c.status != REJECTED)
        .order_by(s.candidates.c.article_id, s.candidates.c.position)).all()
    for row in rows:
        out.setdefault(row.article_id, []).append(json.loads(row.fact))
    return out


def _summary(row: Any) -> dict[str, Any]:
    return {"id": row.id, "title": row.title, "source": row.source, "published": row.published,
            "author": row.author, "language": row.language, "sha256": row.sha256,
            "photo_credits": json.loads(row.photo_credits or "[]"), "featured": row.featured,
            "ingested_at": row.ingested_at.isoformat(timespec="seconds")}


def tags(connection: Connection, article_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    if not article_ids:
        return out
    rows = connection.execute(select(s.article_tags).where(
        s.article_tags.c.article_id.in_(article_ids))).all()
    for row in rows:
        out.setdefault(row.article_id, []).append(
            {"tag": row.tag, "kind": row.kind, "entity_id": row.entity_id})
    return out


def candidates(connection: Connection, *, article_id: int | None = None,
               status: str | None = PENDING, candidate_id: int | None = None,
               fact_key: str | None = None, ids: list[int] | None = None,
               fact_keys: list[str] | None = None) -> list[dict[str, Any]]:
    statement = select(s.candidates)
    if ids is not None:
        statement = statement.where(s.candidates.c.id.in_(ids))
    if fact_keys is not None:
        statement = statement.where(s.candidates.c.fact_key.in_(fact_keys))
    if fact_key is not None:
        statement = statement.where(s.candidates.c.fact_key == fact_key)
    if article_id is not None:
        statement = statement.where(s.candidates.c.article_id == article_id)
    if status is not None:
        statement = statement.where(s.candidates.c.status == status)
    if candidate_id is not None:
        statement = statement.where(s.candidates.c.id == candidate_id)
    rows = connection.execute(statement.order_by(s.candidates.c.article_id,
                                                 s.candidates.c.position)).all()
    return [{"id": row.id, "article_id": row.article_id, "position": row.position,
             "type": row.type, "status": row.status, "confidence": row.confidence,
             "fact": json.loads(row.fact), "fact_type": row.fact_type, "fact_id": row.fact_id,
             "reviewer": row.reviewer, "fact_key": row.fact_key,
             "reviewed_at": row.reviewed_at.isoformat(timespec="seconds")
             if row.reviewed_at else None} for row in rows]


def mark(connection: Connection, candidate_id: int, status: str, *, fact: str | None = None,
         fact_type: str | None = None, fact_id: int | None = None,
         reviewer: str | None = None) -> None:
    values: dict[str, Any] = {"status": status, "fact_type": fact_type, "fact_id": fact_id,
                              "reviewer": reviewer,
                              "reviewed_at": dt.datetime.now(dt.UTC).replace(tzinfo=None)}
    if fact is not None:
        values["fact"] = fact
    connection.execute(update(s.candidates).where(s.candidates.c.id == candidate_id)
                       .values(**values))
    version.bump(connection)


def set_featured(connection: Connection, article_id: int, featured: bool) -> None:
    article_row(connection, article_id)
    connection.execute(update(s.articles).where(s.articles.c.id == article_id)
                       .values(featured=featured))
    version.bump(connection)


def tag_counts(connection: Connection, limit: int = 100) -> list[dict[str, Any]]:
    """Tags with the number of articles carrying each, most used first."""
    t = s.article_tags
    count = func.count(t.c.article_id).label("articles")
    rows = connection.execute(
        select(t.c.tag, t.c.kind, t.c.entity_id, count)
        .group_by(t.c.tag, t.c.kind, t.c.entity_id)
        .order_by(count.desc(), t.c.tag).limit(limit)).all()
    return [{"tag": r.tag, "kind": r.kind, "entity_id": r.entity_id, "articles": r.articles}
            for r in rows]


def with_context(connection: Connection, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Candidates with their article's title and the text around their evidence (and around
    each other span that states the same fact, `also_context`), for a reviewer to judge
    each fact where it stands."""
    ids = sorted({c["article_id"] for c in found})
    rows = connection.execute(select(s.articles.c.id, s.articles.c.title, s.articles.c.source,
                                     s.articles.c.text)
                              .where(s.articles.c.id.in_(ids))).all() if ids else []
    by_id = {row.id: row for row in rows}
    out = []
    for candidate in found:
        row = by_id[candidate["article_id"]]
        also = [in_context(row.text, span) for span in candidate["fact"].get("also") or []]
        out.append({**candidate, "article": {"id": row.id, "title": row.title or row.source},
                    "context": in_context(row.text, candidate["fact"].get("evidence")),
                    "also_context": [c for c in also if c is not None]})
    return out
