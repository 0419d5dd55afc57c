"""The data version moves on with every change of what the knowledge base answers, and only
then: caches keyed by it are right until it moves."""

from __future__ import annotations

from pathlib import Path

from multilateral.kb import KnowledgeBase
from multilateral.store import version

GOLD = Path(__file__).resolve().parents[1] / "gold" / "articles"


def test_the_version_moves_on_with_each_write_and_not_with_reads(writable_url: str) -> None:
    kb = KnowledgeBase(writable_url)

    def now() -> int:
        with kb.db.connect() as connection:
            return version.current(connection)

    start = now()
    assert start >= 1  # init loaded data
    kb.members("SCO", on="2019-11-19")
    assert now() == start
    item = kb.ingest([str(GOLD / "000_seed.txt")]).items[0]
    stored = now()
    assert stored == start + 1
    kb.ingest([str(GOLD / "000_seed.txt")])  # the same article: nothing changes
    assert now() == stored
    candidate = kb.candidates(item.article_id)[0]
    kb.review(candidate["id"], "reject")
    assert now() == stored + 1
    kb.feature(item.article_id or 0)
    assert now() == stored + 2
    kb.close()
