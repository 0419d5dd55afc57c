"""`memberships`, `history`, `org`, `overlap`, `share` on both backends."""

import pytest

from multilateral.errors import NoData, UnknownEntity
from multilateral.kb import KnowledgeBase


def test_memberships_of_a_state(kb: KnowledgeBase) -> None:
    result = kb.memberships("Kazakhstan", on="2019-11-19")
    orgs = {st.subject.id: st.status for st in result.certain}
    assert orgs["SCO"] == "member"
    india = kb.memberships("IND", on="2016-01-01")
    assert {st.subject.id: st.status for st in india.certain}["SCO"] == "observer"


def test_an_organization_can_be_a_member(kb: KnowledgeBase) -> None:
    # A/RES/59/48 of 2 December 2004 granted the SCO observer status in the General Assembly.
    observers = kb.members("UN General Assembly", on="2019-11-19")
    sco = next(st for st in observers.certain if st.subject.id == "SCO")
    assert sco.status == "observer" and str(sco.since) == "2004-12-02"
    held = kb.memberships("SCO", on="2005-01-01")
    assert [(st.subject.id, st.status) for st in held.certain] == [("UNGA", "observer")]
    assert "SCO" not in {st.subject.id for st in kb.members("UNGA", on="2004-12-01").certain}


def test_memberships_by_official_name(kb: KnowledgeBase) -> None:
    assert kb.state("Russian Federation").id == "RUS"
    assert kb.state("kyrgyz republic").id == "KGZ"
    assert kb.state("kz").id == "KAZ"  # ISO alpha-2


def test_history_in_date_order_with_sources(kb: KnowledgeBase) -> None:
    result = kb.history("SCO", state="India")
    steps = [(str(ch.date), ch.change, ch.claim.status) for ch in result.changes]
    assert steps == [("2005", "start", "observer"), ("2017-06-09", "end", "observer"),
                     ("2017-06-09", "start", "member")]
    assert all(ch.claim.sources for ch in result.changes)


def test_history_of_the_whole_organization_is_sorted(kb: KnowledgeBase) -> None:
    changes = kb.history("SCO").changes
    dated = [ch.date.lo for ch in changes if ch.date]
    assert dated == sorted(dated)
    assert any(ch.change == "decided" and ch.claim.member.id == "LAO" for ch in changes)


def test_org_profile(kb: KnowledgeBase) -> None:
    profile = kb.org("SCO", on="2019-11-19")
    assert profile.counts_on == {"dialogue_partner": 6, "member": 8, "observer": 4}
    assert profile.counts_today["member"] == 10
    assert {b.id for b in profile.bodies} >= {"SCOSEC", "SCORATS"}
    assert any(n["name"] == "Shanghai Five" and n["kind"] == "former" for n in profile.names)
    numbers = {i["number"] for i in profile.instruments}
    assert "A/RES/59/48" in numbers
    unodc = next(i for i in profile.instruments if any(p["id"] == "UNODC" for p in i["parties"]))
    assert (unodc["date"], unodc["place"]) == ("2011-06-14", "Astana")
    assert [c["state"]["id"] for c in profile.chair_today] == ["KGZ"]
    # The seed article: "the Russian Federation (Chair of the SCO for 2019-2020)".
    assert [(c["state"]["id"], c["start"], c["end"]) for c in profile.chair_on or []] == [
        ("RUS", "2019-06-14", "2020-11-10")]
    assert any(e["place"] == "Bishkek" and e["start"] == "2019-06-13" for e in profile.events)


def test_org_shows_conflicts_between_sources(kb: KnowledgeBase) -> None:
    conflicts = kb.org("SCO").conflicts
    founding = [c for c in conflicts if c.kind == "founding"]
    assert len(founding) == 1 and "1996" in founding[0].description
    assert "2001-06-15" in founding[0].description
    starts = {c.subject for c in conflicts if c.kind == "start"}
    assert starts == {"China", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"}


def test_un_body_has_its_parent(kb: KnowledgeBase) -> None:
    profile = kb.org("UN Office on Drugs and Crime")
    assert profile.parent is not None and profile.parent.id == "UN"
    assert kb.organization("UNWTO").id == "WTOURO"
    assert kb.organization("UN Tourism").id == "WTOURO"
    assert kb.organization("UN-OCHA").id == "OCHA"
    assert kb.organization("SCO-RATS").id == "SCORATS"
    assert kb.organization("the UN Office of Counter-Terrorism").id == "UNOCT"
    assert [ref.id for ref, _ in kb.find("Nur-Sultan", "place")] == ["astana"]


def test_overlap(kb: KnowledgeBase) -> None:
    result = kb.overlap("SCO", "CSTO", on="2014-01-01",
                        statuses=["member", "observer", "dialogue_partner"])
    both_members = {r["state"]["id"] for r in result.rows if r["status_a"] == r["status_b"] ==
                    "member"}
    assert both_members == {"KAZ", "KGZ", "RUS", "TJK"}
    # Uzbekistan suspended its CSTO membership in 2012 (the CSTO table by hand).
    assert result.counts == {"dialogue_partner/member": 1, "member/member": 4,
                             "member/suspended": 1, "observer/observer": 1}


def test_share_comes_from_the_population_data(kb: KnowledgeBase) -> None:
    result = kb.share("SCO", on="2019", status="member")
    assert len(result.members) == 8 and not result.missing
    assert result.total == sum(m["population"] for m in result.members)
    assert 0.41 < result.share < 0.425  # about 42%, not the seed's "over 44%"


def test_share_outside_the_population_years(kb: KnowledgeBase) -> None:
    with pytest.raises(NoData, match="2024"):
        kb.share("SCO", on="2026")


def test_unknown_state(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownEntity, match="Kazakstan"):
        kb.memberships("Kazakstan")


def test_overlap_counts_members_by_default(kb: KnowledgeBase) -> None:
    # NATO and the EU: 23 states are members of both; Ukraine, Moldova, Georgia and
    # others are EU candidates, not "in both".
    result = kb.overlap("NATO", "EU", on="2025-06-01")
    assert result.statuses == ("member",) and result.both == 23
    assert set(result.counts) == {"member/member"}
    wider = kb.overlap("NATO", "EU", on="2025-06-01", statuses=["member", "candidate"])
    assert wider.both > 23 and "member/candidate" in wider.counts


def test_share_counts_the_members_of_1_july_and_says_so(kb: KnowledgeBase) -> None:
    # India and Pakistan joined the SCO on 2017-06-09, Belarus on 2024-07-04.
    joined = kb.share("SCO", on="2017", status="member")
    assert str(joined.on) == "2017-07-01" and "1 July 2017" in joined.rule
    assert {"IND", "PAK"} <= {m["state"]["id"] for m in joined.members}
    later = kb.share("SCO", on="2024", status="member")
    assert "BLR" not in {m["state"]["id"] for m in later.members}
    assert later.as_dict()["rule"] == later.rule
    day = kb.share("SCO", on="2024-12-31", status="member")
    assert "BLR" in {m["state"]["id"] for m in day.members} and "2024-12-31" in day.rule


def test_history_of_an_organization_as_a_member(kb: KnowledgeBase) -> None:
    result = kb.history("UNGA", "SCO")
    assert result.state is not None and result.state.type == "organization"
    assert result.changes and all(ch.claim.member.id == "SCO" for ch in result.changes)
    assert any(ch.change == "start" and str(ch.date) == "2004-12-02" for ch in result.changes)
