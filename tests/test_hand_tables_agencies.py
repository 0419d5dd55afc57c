"""The UN agencies to 2025: each table's count on a recent date equals the count the
organization publishes."""

from multilateral.kb import KnowledgeBase


def ids(standings: list, status: str | None = None) -> set[str]:
    return {st.subject.id for st in standings if status is None or st.status == status}


def test_unesco_with_the_united_states_leaving_and_returning(kb: KnowledgeBase) -> None:
    # 194 member states: https://www.unesco.org/en/countries ; the US back on 2023-07-10
    # (UNESCO's release, as reproduced by indiaeducationdiary.in).
    assert kb.members("UNESCO", on="2025-06-01").counts["member"] == 194
    assert kb.members("UNESCO", on="2020-06-01").counts["member"] == 193
    for day, inside in (("2018-12-31", True), ("2019-01-01", False), ("2023-07-10", True)):
        assert ("USA" in ids(kb.members("UNESCO", on=day).certain, "member")) is inside, day
    assert "ISR" not in ids(kb.members("UNESCO", on="2025-06-01").certain)
