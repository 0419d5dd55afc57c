"""Partial curated tables (ICC, WTO, IMF, ICAO, ILO, INTERPOL): the changes after COW's
coverage ends and the members the pages read date, each from the day a page gives. A
partial table decides only the pairs it speaks of: the members it does not list keep
COW's coding (uncertain past its last coded year), never "not a member"."""

import csv

import pytest

from multilateral.kb import KnowledgeBase
from multilateral.reference.bundle import data_dir

PARTIAL = ("ICC", "WTO", "IMF", "ICAO", "ILO", "INTERPOL")


def certain(kb: KnowledgeBase, org: str, on: str) -> set[str]:
    return {st.subject.id for st in kb.members(org, on=on).certain if st.status == "member"}


def held(kb: KnowledgeBase, org: str, on: str) -> set[str]:
    result = kb.members(org, on=on)
    return {st.subject.id for st in result.certain + result.uncertain}


@pytest.mark.parametrize(("org", "member", "day", "eve"), [
    # coalitionfortheicc.org/ukraine-becomes-125th-ICC-state-party: in force 1 Jan 2025
    ("ICC", "UKR", "2025-01-01", "2024-12-31"),
    # asp.icc-cpi.int/states-parties/asian-states/Palestine: in force 1 Apr 2015
    ("ICC", "PSE", "2015-04-01", "2015-03-31"),
    # coalitionfortheicc.org/news/20191128/kiribati-accedes-rome-statute: from 1 Feb 2020
    ("ICC", "KIR", "2020-02-01", "2020-01-31"),
    # the WTO's release of 21 Aug 2024 (Zawya): Comoros the 165th member that day
    ("WTO", "COM", "2024-08-21", "2024-08-20"),
    # polgeonow.com, July 2016: Afghanistan the 164th member on 29 July
    ("WTO", "AFG", "2016-07-29", "2016-07-28"),
    # imf.org press release 16/167: Nauru the 189th member on 12 April 2016
    ("IMF", "NRU", "2016-04-12", "2016-04-11"),
    # ICAO, as nigeriatravelsmart.com carries it: Dominica the 193rd member from 13 Apr 2019
    ("ICAO", "DMA", "2019-04-13", "2019-04-12"),
    # ilo.org/suva: Tonga the 187th member State on 24 February 2016
    ("ILO", "TON", "2016-02-24", "2016-02-23"),
    # INTERPOL's General Assembly, Beijing, 27 Sep 2017 (tyzhden.ua quoting its tweet)
    ("INTERPOL", "SLB", "2017-09-27", "2017-09-26"),
])
def test_a_member_from_the_day_the_page_gives(kb: KnowledgeBase, org: str, member: str,
                                              day: str, eve: str) -> None:
    assert member in certain(kb, org, day)
    assert member not in held(kb, org, eve)


@pytest.mark.parametrize(("member", "last", "gone"), [
    ("BDI", "2017-10-26", "2017-10-27"),  # the first withdrawal, effective 27 Oct 2017
    ("PHL", "2019-03-16", "2019-03-17"),  # no longer a member as of 17 Mar 2019
])
def test_a_withdrawal_ends_the_membership_on_its_day(kb: KnowledgeBase, member: str,
                                                    last: str, gone: str) -> None:
    assert member in certain(kb, "ICC", last)
    assert member not in held(kb, "ICC", gone)


def test_members_the_partial_table_does_not_list_keep_cows_coding(kb: KnowledgeBase) -> None:
    # COW codes France in each to 2014; the tables do not list it: past 2014 it is uncertain,
    # as before the tables, not dropped.
    for org in PARTIAL:
        result = kb.members(org, on="2020-06-01")
        france = next(st for st in result.uncertain if st.subject.id == "FRA")
        assert "cow-igo-v3" in {c.dataset for c in france.claims}
        assert "FRA" in certain(kb, org, "2010-12-31") | held(kb, org, "2010-12-31")


def test_every_row_says_the_table_is_partial_and_cites_a_page() -> None:
    for org in PARTIAL:
        path = data_dir() / "hand" / "memberships" / f"{org}.csv"
        with path.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert rows, org
        for row in rows:
            assert "partial table" in row["note"], (org, row["member_id"])
            assert all(url.startswith(("https://", "http://"))
                       for url in row["source_urls"].split()), (org, row["member_id"])
