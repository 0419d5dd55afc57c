"""Where COW stops coding a living organization for every member at once, its coding
ends there, not each membership: ICAO's codes end in 2013 (its data "to 2014"), and the
members stay uncertain after 2013 instead of all leaving in 2014."""

from sqlalchemy import create_engine, text

from multilateral.kb import KnowledgeBase


def test_icao_members_stay_uncertain_after_cows_last_coded_year(kb: KnowledgeBase) -> None:
    result = kb.members("ICAO", on="2020-06-01")
    france = next(st for st in result.uncertain if st.subject.id == "FRA")
    assert france.reason and "2013" in france.reason
    assert {c.dataset for c in france.claims} == {"cow-igo-v3"}
    assert len(result.uncertain) > 180


def test_every_living_cow_organization_keeps_an_open_membership(sqlite_url: str) -> None:
    engine = create_engine(f"sqlite:///{sqlite_url}")
    with engine.connect() as connection:
        closed = connection.scalars(text(
            "select distinct m.org_id from memberships m join organizations o "
            "on o.id = m.org_id where m.dataset = 'cow-igo-v3' and o.dissolved is null "
            "and not exists (select 1 from memberships n where n.org_id = m.org_id "
            "and n.dataset = 'cow-igo-v3' and n.\"end\" is null)")).all()
    engine.dispose()
    assert closed == []
