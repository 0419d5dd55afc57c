"""State succession as data: the UN's size every year-end, one seat per state on each day."""

import csv
from pathlib import Path

import pytest

from multilateral.kb import KnowledgeBase
from multilateral.reference.bundle import read_csv

GROWTH = Path(__file__).parent / "data" / "un_growth.csv"


def un_growth() -> list[tuple[int, int]]:
    """The UN's published series (https://www.un.org/en/about-us/growth-in-un-membership)."""
    with GROWTH.open() as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return [(int(row["year"]), int(row["members"])) for row in rows]


def test_the_series_covers_every_year_to_2025() -> None:
    assert [year for year, _ in un_growth()] == list(range(1945, 2026))


@pytest.mark.parametrize(("year", "published"), un_growth())
def test_un_members_each_31_december_match_the_uns_series(kb: KnowledgeBase, year: int,
                                                          published: int) -> None:
    result = kb.members("UN", on=f"{year}-12-31", status="member")
    assert len(result.certain) == published
    assert not result.uncertain and not result.conflicts


def test_russia_continues_the_soviet_seat_not_beside_it(kb: KnowledgeBase) -> None:
    # COW codes the USSR and Russia as one state (365); WHO has no curated table.
    soviet = kb.memberships("USSR", on="1980-06-01")
    assert "WHO" in {st.subject.id for st in soviet.certain}
    russia = kb.memberships("Russia", on="1980-06-01")
    assert "WHO" not in {st.subject.id for st in russia.certain + russia.uncertain}
    later = kb.memberships("Russia", on="2000-06-01")
    assert "WHO" in {st.subject.id for st in later.certain}


def test_serbia_does_not_continue_yugoslavia(kb: KnowledgeBase) -> None:
    who = {st.subject.id for st in kb.members("WHO", on="1980-06-01").certain}
    assert "OWID_YGS" in who and "SRB" not in who and "OWID_SRM" not in who
    changes = kb.history("WHO", "Yugoslavia").changes
    assert any(ch.change == "end" and ch.claim.end_reason == "dissolved" for ch in changes)


def test_germanys_and_yemens_end_on_the_day(kb: KnowledgeBase) -> None:
    before = {st.subject.id for st in kb.members("WHO", on="1990-10-02").certain}
    after = {st.subject.id for st in kb.members("WHO", on="1990-10-03").certain}
    assert {"OWID_GFR", "OWID_GDR"} <= before and "DEU" not in before
    assert "DEU" in after and not {"OWID_GFR", "OWID_GDR"} & after
    assert {"YEM"} <= after and not {"OWID_YAR", "OWID_YPR"} & after


def test_no_cow_membership_while_a_state_was_out_of_the_system(kb: KnowledgeBase) -> None:
    # COW's spells file runs Germany's UPU and BIPM years straight through 1946-1989 and
    # Estonia's through the Soviet years; COW's state system has neither state then.
    for org in ("UPU", "BIPM"):
        members = {st.subject.id for st in kb.members(org, on="1960-06-01").certain}
        assert "OWID_GFR" in members and "DEU" not in members
    assert "EST" not in {st.subject.id for st in kb.members("UPU", on="1960-06-01").certain}
    assert "EST" in {st.subject.id for st in kb.members("UPU", on="1930-06-01").certain}
    assert "DEU" in {st.subject.id for st in kb.members("UPU", on="1930-06-01").certain}


def test_every_succession_cites_a_page() -> None:
    rows = list(read_csv("hand/successions.csv"))
    assert {row["predecessor"] for row in rows} >= {"OWID_USS", "OWID_YGS", "OWID_GFR",
                                                     "OWID_GDR", "OWID_CZS", "OWID_YAR",
                                                     "OWID_YPR", "OWID_ZAN"}
    assert all(row["source_urls"].startswith("http") for row in rows)


def test_one_line_one_seat_where_a_table_codes_russia_from_the_soviet_date(
        kb: KnowledgeBase) -> None:
    # The UNESCO table codes the USSR's membership (from 1954) under Russia; COW codes the
    # USSR. They are one member: the table decides, COW's claim is set aside.
    unesco = kb.members("UNESCO", on="1980-06-01")
    ids = {st.subject.id for st in unesco.certain}
    assert "RUS" in ids and "OWID_USS" not in ids
    soviet = kb.memberships("USSR", on="1980-06-01")
    assert "UNESCO" not in {st.subject.id for st in soviet.certain}
    assert any(c.kind == "start" and c.subject == "Russia"
               for c in kb.conflicts("UNESCO").conflicts)
