"""The organizations users ask about most, to 2025, from the tables by hand (issue 6)."""

import pytest

from multilateral.kb import KnowledgeBase


def ids(standings: list, status: str | None = None) -> set[str]:
    return {st.subject.id for st in standings if status is None or st.status == status}


def test_nato_after_sweden(kb: KnowledgeBase) -> None:
    result = kb.members("NATO", on="2024-04-01")
    assert result.counts == {"member": 32} and not result.uncertain
    assert {"FIN", "SWE"} <= ids(result.certain)
    assert "SWE" not in ids(kb.members("NATO", on="2024-03-06").certain)


def test_eu_after_the_uk_left(kb: KnowledgeBase) -> None:
    result = kb.members("EU", on="2021-01-01")
    assert result.counts["member"] == 27 and "GBR" not in ids(result.certain + result.uncertain)
    assert "GBR" in ids(kb.members("EU", on="2020-01-30").certain, "member")


def test_asean_ten(kb: KnowledgeBase) -> None:
    assert kb.members("ASEAN", on="2024-01-01").counts["member"] == 10


def test_african_union_with_suspended_states(kb: KnowledgeBase) -> None:
    result = kb.members("AU", on="2024-01-01")
    assert len(result.certain) == 55 and not result.conflicts
    suspended = ids(result.certain, "suspended")
    assert {"MLI", "GIN", "BFA", "NER", "GAB"} <= suspended
    assert result.counts["member"] + result.counts["suspended"] == 55
    # A suspended state keeps its membership: asked for members, the AU lists all 55.
    members = kb.members("AU", on="2024-01-01", status="member")
    assert len(members.certain) == 55 and members.suspended == len(suspended) == 6


def test_brics_enlarged(kb: KnowledgeBase) -> None:
    result = kb.members("BRICS", on="2024-06-01")
    assert {"EGY", "ETH", "IRN", "ARE"} <= ids(result.certain, "member")
    assert not {"EGY", "ETH", "IRN", "ARE"} & ids(kb.members("BRICS", on="2023-06-01").certain)


def test_g20_with_the_african_union(kb: KnowledgeBase) -> None:
    result = kb.members("G20", on="2024-01-01")
    assert "AU" in ids(result.certain, "member")
    assert "AU" not in ids(kb.members("G20", on="2023-01-01").certain)
    assert kb.organization("Group of Twenty").id == kb.organization("G-20").id == "G20"


def test_russia_expelled_from_the_council_of_europe(kb: KnowledgeBase) -> None:
    assert "RUS" in ids(kb.members("COE", on="2021-01-01").certain, "member")
    assert "RUS" not in ids(kb.members("COE", on="2023-01-01").certain)


def test_un_admissions_and_observers(kb: KnowledgeBase) -> None:
    result = kb.members("UN", on="2024-01-01")
    assert result.counts["member"] == 193
    assert {"VAT", "PSE"} <= ids(result.certain, "observer")
    sco = next(st for st in kb.members("UNGA", on="2024-01-01").certain
               if st.subject.id == "SCO")
    assert str(sco.since) == "2004-12-02"


@pytest.mark.parametrize(("name", "org_id"), [
    ("Organisation of Islamic Cooperation", "OIC"),
    ("Organisation of the Islamic Conference", "OIC"),
    ("Association of Southeast Asian Nations", "ASEAN"),
    ("Commonwealth of Nations", "ComSec"), ("the Commonwealth", "ComSec"),
    ("Eurasian Economic Union", "EAEU"), ("EEU", "EAEU"), ("BRIC", "BRICS"),
])
def test_names_and_former_names(kb: KnowledgeBase, name: str, org_id: str) -> None:
    assert kb.organization(name).id == org_id


def test_the_oic_was_renamed_in_2011(kb: KnowledgeBase) -> None:
    profile = kb.org("OIC")
    assert profile.org.name == "Organisation of Islamic Cooperation"
    former = [n for n in profile.names if n["kind"] == "former"]
    assert [(n["valid_to"]) for n in former] == ["2011-06-28"]
