"""Helpers for the web tests: an app on a real database, articles put in through the
schema (as the reading pipeline stores them), and tokens made by the library."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import insert

from conftest import TODAY
from multilateral.kb import KnowledgeBase
from multilateral.store import schema as s
from multilateral.web import WebSettings, create_app

SCO_TEXT = (
    "On 19 November 2019 the Russian Federation, chair of the SCO, held a high-level "
    "event at the UN Headquarters.\n\nWith the admission of India and Pakistan as full "
    "members in 2017, the SCO became the largest trans-regional organization.\n\n"
    "Kyrgyzstan hosted a summit in Bishkek.")


def client(url: str, **settings: Any) -> TestClient:
    return TestClient(create_app(WebSettings(database=url, today=TODAY, **settings)))


def evidence(text: str, phrase: str) -> dict[str, Any]:
    start = text.index(phrase)
    return {"start": start, "end": start + len(phrase), "text": phrase}


def add_article(url: str, text: str = SCO_TEXT, *, title: str = "SCO and the UN",
                published: str | None = "2019-11-20", featured: bool = False,
                tags: list[tuple[str, str, str | None]] | None = None,
                facts: list[dict[str, Any]] | None = None,
                photo_credits: list[str] | None = None) -> tuple[int, list[int]]:
    """Insert an article with its tags and candidate facts; returns the ids."""
    if tags is None:
        tags = [("SCO", "organization", "SCO"), ("India", "state", "IND"),
                ("summits", "topic", None)]
    if facts is None:
        facts = [{"type": "membership", "org": "Shanghai Cooperation Organisation",
                  "org_id": "SCO", "state": "India", "state_id": "IND", "status": "member",
                  "change": "joined", "date": "2017", "confidence": 0.9,
                  "modality": "asserted",
                  "evidence": evidence(text, "admission of India and Pakistan as full "
                                             "members in 2017")},
                 {"type": "event", "kind": "summit", "name": "SCO summit", "date": None,
                  "place": "Bishkek", "confidence": 0.6, "modality": "asserted",
                  "evidence": evidence(text, "Kyrgyzstan hosted a summit in Bishkek")}]
    kb = KnowledgeBase(url)
    published_lo = published_hi = None
    if published:
        published_lo = published_hi = dt.date.fromisoformat(published)
    with kb.engine.begin() as connection:
        article_id = connection.execute(insert(s.articles).values(
            sha256=hashlib.sha256(uuid.uuid4().bytes).hexdigest(), source=f"test:{title}",
            title=title, published=published, published_lo=published_lo,
            published_hi=published_hi, text=text, featured=featured,
            photo_credits=json.dumps(photo_credits or ["Society & Diplomatic Review"]),
            warnings="[]", ingested_at=dt.datetime(2026, 11, 1, 12, 0))).inserted_primary_key[0]
        for tag, kind, entity in tags:
            connection.execute(insert(s.article_tags).values(
                article_id=article_id, tag=tag, kind=kind, entity_id=entity))
        ids = []
        for position, fact in enumerate(facts):
            ids.append(connection.execute(insert(s.candidates).values(
                article_id=article_id, position=position, type=fact["type"],
                fact=json.dumps(fact), confidence=fact["confidence"], status="pending"
            )).inserted_primary_key[0])
    kb.close()
    return int(article_id), [int(i) for i in ids]


def token(url: str, role: str) -> str:
    kb = KnowledgeBase(url)
    _, secret = kb.create_token(role, f"test {role}")
    kb.close()
    return secret


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


HTML = {"Accept": "text/html"}
