"""Helpers for the web tests: an app on a real database, articles put in through the
schema (as the reading pipeline stores them), and tokens made by the library."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from fastapi.testclient import TestClient

from conftest import TODAY
from multilateral.kb import KnowledgeBase
from multilateral.model.facts import Document, Fact
from multilateral.web import WebSettings, create_app

SCO_TEXT = (
    "On 19 November 2019 the Russian Federation, chair of the SCO, held a high-level "
    "event at the UN Headquarters.\n\nWith the admission of India and Pakistan as full "
    "members in 2017, the SCO became the largest trans-regional organization.\n\n"
    "Kyrgyzstan hosted a summit in Bishkek.")


def distinct(text: str) -> str:
    """The text with a closing line of its own (80 tokens no other article has): each call
    stores a story of its own, not a copy of the last (store/copies.py). The evidence
    offsets into `text` stay as they were."""
    seed = uuid.uuid4().hex
    tokens = " ".join(hashlib.sha256(f"{seed}{i}".encode()).hexdigest()[:8] for i in range(80))
    return f"{text}\n\nFiling note: {tokens}."


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
    """Store an article with its tags and candidate facts, as `ingest` stores one; returns
    the article's id and its candidates' ids."""
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
    document = Document(
        f"test:{title}", hashlib.sha256(uuid.uuid4().bytes).hexdigest(), distinct(text), title,
        published,
        photo_credits=photo_credits or ["Society & Diplomatic Review"],
        tags=[{"tag": tag, "kind": kind, "entity_id": entity} for tag, kind, entity in tags],
        facts=[Fact.from_dict(fact) for fact in facts])
    kb = KnowledgeBase(url)
    article_id = kb.store_document(document).article_id
    assert article_id is not None
    if featured:
        kb.feature(article_id)
    ids = [c["id"] for c in kb.candidates(article_id)]
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
