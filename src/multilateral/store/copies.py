"""One story, many copies, in the store: an article's copies are found by the hash of its
words (exact) or by MinHash LSH (near), and kept as sources of the first article read.

The lookup lives in the store (`story_prints`, `story_bands`), so it holds across runs,
processes and both backends. Its cost per article is one indexed query for the text hash,
one for the band keys, and the signatures of the articles those keys hit (at most
`MAX_HITS`, the most hit first): it does not grow with the store.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from multilateral.model.dates import PartialDate
from multilateral.model.facts import Document
from multilateral.model.shingles import THRESHOLD, Print, Signature
from multilateral.store import schema as s
from multilateral.store import version

MAX_HITS = 16  # articles compared per lookup: a story copied more often has one original


def original_of(connection: Connection, document: Document, fingerprint: Print
                ) -> tuple[int, float] | None:
    """The stored article this document is a copy of, and their estimated similarity."""
    exact = connection.scalar(select(s.story_prints.c.article_id).where(
        s.story_prints.c.text_hash == fingerprint.text_hash)
        .order_by(s.story_prints.c.article_id).limit(1))
    if exact is not None:
        return int(exact), 1.0
    if fingerprint.signature is None:
        return None
    hits = func.count().label("hits")
    rows = connection.execute(
        select(s.story_bands.c.article_id, hits)
        .where(s.story_bands.c.band_key.in_(fingerprint.signature.band_keys()))
        .group_by(s.story_bands.c.article_id)
        .order_by(hits.desc(), s.story_bands.c.article_id).limit(MAX_HITS)).all()
    if not rows:
        return None
    stored = connection.execute(select(s.story_prints.c.article_id, s.story_prints.c.signature)
                                .where(s.story_prints.c.article_id.in_([r[0] for r in rows]))
                                ).all()
    best: tuple[int, float] | None = None
    for article_id, data in sorted(stored):
        if data is None:
            continue
        similarity = fingerprint.signature.similarity(Signature.from_bytes(bytes(data)))
        if similarity >= THRESHOLD and (best is None or similarity > best[1]):
            best = (int(article_id), similarity)
    return best


def index(connection: Connection, article_id: int, fingerprint: Print) -> None:
    """Keep a new article's fingerprints, so that its later copies find it."""
    signature = fingerprint.signature
    connection.execute(insert(s.story_prints).values(
        article_id=article_id, text_hash=fingerprint.text_hash,
        signature=signature.to_bytes() if signature else None))
    if signature is not None:
        keys = sorted(set(signature.band_keys()))
        connection.execute(insert(s.story_bands), [
            {"band_key": key, "article_id": article_id} for key in keys])


def add(connection: Connection, article_id: int, document: Document, source: str,
        similarity: float) -> bool:
    """Keep a copy as a source of its article; False when that copy is already kept."""
    found = connection.scalar(select(s.story_copies.c.id).where(
        s.story_copies.c.sha256 == document.sha256, s.story_copies.c.source == source))
    if found is not None:
        return False
    published = PartialDate.parse(document.published) if document.published else None
    # Two ingests of one copy at once: the second finds the first one's row, as `save` does.
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    added = connection.execute(dialect.insert(s.story_copies).values(
        article_id=article_id, source=source, sha256=document.sha256,
        published=str(published) if published else None,
        published_lo=published.lo if published else None,
        published_hi=published.hi if published else None,
        seen=dt.datetime.now(dt.UTC).replace(tzinfo=None), similarity=round(similarity, 3))
        .on_conflict_do_nothing(index_elements=["sha256", "source"])).rowcount
    if not added:
        return False
    version.bump(connection)
    return True


def copies(connection: Connection, article_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Each article's copies, in the order they were seen."""
    out: dict[int, list[dict[str, Any]]] = {}
    if not article_ids:
        return out
    rows = connection.execute(select(s.story_copies).where(
        s.story_copies.c.article_id.in_(article_ids)).order_by(s.story_copies.c.id)).all()
    for row in rows:
        out.setdefault(row.article_id, []).append({
            "source": row.source, "sha256": row.sha256, "published": row.published,
            "seen": row.seen.isoformat(timespec="seconds"), "similarity": row.similarity})
    return out


def file_copy(connection: Connection, document: Document, source: str,
              fingerprint: Print) -> int | None:
    """The article `document` is a copy of, with the copy kept as its source; or None
    (then the caller stores it as an article and indexes its fingerprints)."""
    found = original_of(connection, document, fingerprint)
    if found is None:
        return None
    add(connection, found[0], document, source, found[1])
    return found[0]
