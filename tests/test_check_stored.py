"""An article's check is stored: read back until the facts it was judged on change."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from multilateral.kb import KnowledgeBase
from multilateral.store import schema as s

GOLD = Path(__file__).resolve().parents[1] / "gold" / "articles"
HERE = Path(__file__).parent / "articles"


def judged(kb: KnowledgeBase, article_id: int) -> tuple[int, dt.datetime] | None:
    with kb.engine.connect() as connection:
        row = connection.execute(select(s.check_reports.c.facts_version,
                                        s.check_reports.c.checked_at)
                                 .where(s.check_reports.c.article_id == article_id)).first()
    return (row.facts_version, row.checked_at) if row else None


def test_a_stored_check_lasts_until_the_facts_change(writable_url: str) -> None:
    kb = KnowledgeBase(writable_url, today=dt.date(2026, 11, 30))
    seed = kb.ingest([str(GOLD / "000_seed.txt")]).items[0].article_id or 0
    assert judged(kb, seed) is None
    first = kb.article_checks(seed)
    stored = judged(kb, seed)
    assert stored is not None and first == kb.check_article(seed).as_dict()
    assert kb.article_checks(seed) == first and judged(kb, seed) == stored
    other = kb.ingest([str(HERE / "asean_wire.html")]).items[0].article_id or 0
    kb.article_checks(seed)
    assert judged(kb, seed) == stored  # another article stored: the facts are the same
    candidate = kb.candidates(other)[0]
    kb.review(candidate["id"], "accept")
    kb.article_checks(seed)
    after = judged(kb, seed)
    assert after is not None and after[0] > stored[0]  # an accepted fact: judged again
    kb.close()
    tomorrow = KnowledgeBase(writable_url, today=dt.date(2026, 12, 1))
    tomorrow.article_checks(seed)
    assert judged(tomorrow, seed) != after  # another day: "outdated" may have changed
    tomorrow.close()
