"""Source ranks: where a curated, day-precision table speaks of an (organization, member)
pair, its spells decide; COW (year precision, to 2014) that disagrees stays visible but
makes no answer on its own."""

import datetime as dt

import pytest
from sqlalchemy import create_engine, text

from multilateral.errors import OutOfExistence
from multilateral.kb import KnowledgeBase
from multilateral.model.dates import PartialDate

CURATED = ("hand-memberships", "sco-seed")


def standing(result, member_id: str):  # type: ignore[no-untyped-def]
    every = result.certain + result.uncertain + result.conflicts + result.set_aside
    return next((st for st in every if st.subject.id == member_id), None)


def test_uzbekistan_not_a_un_member_the_day_before_its_admission(kb: KnowledgeBase) -> None:
    before = kb.members("UN", on="1992-03-01")
    assert "UZB" not in {st.subject.id for st in before.certain + before.uncertain}
    aside = standing(before, "UZB")
    assert aside is not None and aside.certainty == "set_aside"
    assert {c.dataset for c in aside.outranked} == {"cow-igo-v3"}
    after = kb.members("UN", on="1992-03-02")
    assert "UZB" in {st.subject.id for st in after.certain}


def test_two_curated_rows_that_date_a_start_differently_leave_it_uncertain(
        kb: KnowledgeBase) -> None:
    # TASS: Kyrgyzstan in the EAEU from 2015-08-06; EUobserver: from 2015-08-12.
    between = standing(kb.members("EAEU", on="2015-08-08"), "KGZ")
    assert between is not None and between.certainty == "uncertain"
    assert between.reason and "2015-08-06" in between.reason and "2015-08-12" in between.reason
    after = standing(kb.members("EAEU", on="2015-08-12"), "KGZ")
    assert after is not None and after.certainty == "certain"
    assert any(c.kind == "start" and c.subject == "Kyrgyzstan"
               for c in kb.conflicts("EAEU").conflicts)


def test_no_member_is_certain_before_the_curated_start(kb: KnowledgeBase,
                                                       sqlite_url: str) -> None:
    """Every pair that a curated table and COW both code a member, where COW's year starts
    earlier than the curated day: on the day before, the member is not certain."""
    engine = create_engine(f"sqlite:///{sqlite_url}")
    with engine.connect() as connection:
        pairs = connection.execute(text(
            "select org_id, member_id, first from (select org_id, member_id, "
            "min(start_lo) as first, min(length(start)) as precision from memberships "
            "where dataset in ('hand-memberships', 'sco-seed') "
            "and status in ('member', 'suspended') group by org_id, member_id) h "
            "where precision = 10 and exists (select 1 from memberships c "
            "where c.dataset = 'cow-igo-v3' and c.org_id = h.org_id "
            "and c.member_id = h.member_id and c.status = 'member' "
            "and c.start_lo < h.first)")).all()
    engine.dispose()
    assert len(pairs) > 100
    early = []
    for org, member, first in pairs:
        day = PartialDate.of(dt.date.fromisoformat(str(first)) - dt.timedelta(days=1))
        try:
            result = kb.members(org, on=day)
        except OutOfExistence:  # the organization did not exist yet: no members at all
            continue
        if any(st.subject.id == member and st.status == "member" for st in result.certain):
            early.append((org, member, str(day)))
    assert early == []


def test_au_suspensions_before_2014_read_suspended(kb: KnowledgeBase) -> None:
    for org_date, member in (("2012-06-01", "MLI"), ("2013-08-01", "EGY")):
        found = standing(kb.members("AU", on=org_date), member)
        assert found is not None and found.certainty == "certain", (member, found)
        assert found.status == "suspended" and found.suspended
        assert "cow-igo-v3" in {c.dataset for c in found.outranked}


def test_no_organization_has_members_before_it_exists(kb: KnowledgeBase) -> None:
    # COW codes the Shanghai Five from 1996 as SCO members; the SCO was founded 2001-06-15.
    with pytest.raises(OutOfExistence, match="founded 2001-06-15"):
        kb.members("SCO", on="2001-06-14")
    assert kb.members("SCO", on="2001-06-15").counts == {"member": 6}
    russia = kb.memberships("Russia", on="1998-06-01")
    every = russia.certain + russia.uncertain + russia.conflicts + russia.set_aside
    assert "SCO" not in {st.subject.id for st in every}
