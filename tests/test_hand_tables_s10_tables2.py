"""General Assembly observers added in s10-tables2: each from the day a page gives."""

import pytest

from multilateral.kb import KnowledgeBase


def observers(kb: KnowledgeBase, on: str) -> set[str]:
    return {st.subject.id for st in kb.members("UNGA", on=on).certain
            if st.status == "observer"}


@pytest.mark.parametrize(("org_id", "day", "eve"), [
    # https://caf.com/en/currently/news/caf-joins-the-united-nations (New York, 14 Dec 2012)
    ("CAF", "2012-12-14", "2012-12-13"),
    # https://olympics.com/ioc/news/ioc-granted-un-observer-status (19 Oct 2009)
    ("IOC", "2009-10-19", "2009-10-18"),
    # http://archive.ipu.org/press-e/gen145.htm (IPU press release No. 145, 19 Nov 2002)
    ("IPU", "2002-11-19", "2002-11-18"),
    # http://www.un.org/press/en/1997/19971022.GA9335.html (GA/9335, 22 Oct 1997)
    ("Andean", "1997-10-22", "1997-10-21"),
    # http://casic-gx.com/english/2018-12/21/c_137688211.htm (Xinhua, 20 Dec 2018)
    ("AIIB", "2018-12-20", "2018-12-19"),
    ("NDB", "2018-12-20", "2018-12-19"),
    # http://174.129.218.71/un/about/index.cfm (International IDEA: 9 Dec 2003)
    ("IDEA", "2003-12-09", "2003-12-08"),
])
def test_observer_from_the_day_a_page_gives(kb: KnowledgeBase, org_id: str, day: str,
                                            eve: str) -> None:
    assert org_id in observers(kb, day)
    assert org_id not in observers(kb, eve)


def test_a_month_only_grant_is_not_certain_within_its_month(kb: KnowledgeBase) -> None:
    # http://mfa.kz/en/content-view/svmda gives December 2007 only for CICA
    assert "CICA" not in observers(kb, "2007-12-15")
    assert "CICA" in observers(kb, "2008-01-01")


def test_the_eurasian_economic_union_is_no_observer(kb: KnowledgeBase) -> None:
    """Its request has been deferred every session since the 70th
    (http://fanyjok.com/en/ga/sixth/79/eurasian_econ_union.shtml)."""
    assert "EAEU" not in observers(kb, "2025-06-30")


def test_observers_on_a_recent_day(kb: KnowledgeBase) -> None:
    """27 organizations and entities before this branch, 15 added: 42 on 2025-06-30."""
    assert len(observers(kb, "2025-06-30")) == 42


@pytest.mark.parametrize(("name", "org_id"), [
    ("Andean Development Corporation", "CAF"),
    ("International IDEA", "IDEA"),
    ("International Federation of Red Cross and Red Crescent Societies", "IFRC"),
])
def test_new_observers_resolve_by_name(kb: KnowledgeBase, name: str, org_id: str) -> None:
    assert kb.organization(name).id == org_id
