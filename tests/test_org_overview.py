"""An organization's page data: what does not depend on the date is read once per data
version, and a write moves it on; each date still gets its own members and counts."""

from __future__ import annotations

from pathlib import Path

from multilateral.kb import KnowledgeBase

GOLD = Path(__file__).resolve().parents[1] / "gold" / "articles"
DAYS = ["2019-11-19", "2005", "2017-06", "2024-02-01"]


def test_each_date_gets_the_answer_a_fresh_reading_gives(writable_url: str) -> None:
    kept = KnowledgeBase(writable_url)
    answers = [kept.overview("SCO", day).as_dict() for day in DAYS]
    for day, answer in zip(DAYS, answers, strict=True):
        fresh = KnowledgeBase(writable_url)
        assert answer == fresh.overview("SCO", day).as_dict()
        fresh.close()
    # India and Pakistan joined in 2017: counts on a date are the date's own
    assert answers[1]["org"]["counts_on"] != answers[0]["org"]["counts_on"]
    assert answers[1]["org"]["on"] == "2005"
    kept.close()


def test_a_write_moves_the_page_data_on(writable_url: str) -> None:
    kb = KnowledgeBase(writable_url)
    before = kb.overview("SCO", "2019-11-19")
    # read once: another date at the same version shares the date-free part
    assert kb.overview("SCO", "2020").profile.instruments is before.profile.instruments
    item = kb.ingest([str(GOLD / "000_seed.txt")]).items[0]
    mou = next(c for c in kb.candidates(item.article_id)
               if c["fact"].get("party_ids") == ["SCO", "UNODC"])
    accepted = kb.review(mou["id"], "accept").fact_id
    after = kb.overview("SCO", "2019-11-19")
    assert accepted in {i["id"] for i in after.profile.instruments}
    assert accepted not in {i["id"] for i in before.profile.instruments}
    kb.close()
