"""More curated tables (issue 12, branch tables-more): each table's member count on a
recent date equals the count the organization (or a report of its own announcement) gives."""

from multilateral.kb import KnowledgeBase


def ids(standings: list, status: str | None = None) -> set[str]:
    return {st.subject.id for st in standings if status is None or st.status == status}


def test_ndb_eleven_members_and_uruguay_prospective(kb: KnowledgeBase) -> None:
    # Eleven members once Colombia and Uzbekistan joined (the bank's president, 5 Jul 2025):
    # https://ianslive.in/colombia-uzbekistan-join-brics-bank--20250706135944
    result = kb.members("NDB", on="2025-12-31")
    assert result.counts["member"] == 11
    assert ids(result.certain, "candidate") == {"URY"}
    # Egypt a member from 20 Feb 2023, Algeria from 19 May 2025.
    assert "EGY" not in ids(kb.members("NDB", on="2023-02-19").certain, "member")
    assert "EGY" in ids(kb.members("NDB", on="2023-02-20").certain, "member")
    assert "DZA" not in ids(kb.members("NDB", on="2025-05-18").certain, "member")
    assert kb.members("NDB", on="2020-01-01").counts == {"member": 5}
