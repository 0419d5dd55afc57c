"""The curated tables against published year-end counts: predecessor and successor
states each hold their own spell, and former members keep theirs, so a past date counts
the members the organization had then, not today's members traced back."""

import pytest

from multilateral.kb import KnowledgeBase


def ids(standings: list, status: str | None = None) -> set[str]:
    return {st.subject.id for st in standings if status is None or st.status == status}


def anywhere(kb: KnowledgeBase, org: str, day: str) -> set[str]:
    """Every state the answer names on that day, certain or not."""
    answer = kb.members(org, on=day)
    return ids(answer.certain) | ids(answer.uncertain) | ids(answer.conflicts)


@pytest.mark.parametrize(("day", "published"), [
    # The 1957 list of members in Menntamál (20 states from 4 Nov 1946, 8 more that year):
    # https://timarit.is/page/4556459?lang=kl
    ("1946-12-31", 28),
    # The same list names 80 states joined by 26 Nov 1956 (South Africa still among them).
    ("1956-11-30", 80),
    # UN Yearbook 1972, "rose to 130 at the end of 1972":
    # https://docslib.org/doc/9397759/the-united-nations-educational-scientific-and-cultural-organization-unesco
    ("1972-12-31", 130),
    # UN Yearbook 1976, 140 member states after the year's admissions:
    # https://docslib.org/doc/6376033/1976-part-2-chapter-4-the-united-nations-educational-scientific-and
    ("1976-12-31", 140),
    # UN Yearbook 1987, membership "remained at 158":
    # https://docslib.org/doc/12800942/1987-part-2-chapter-4-the-united-nations-educational-scientific-and
    ("1987-12-31", 158),
    # 190 member states by October 2003:
    # https://bookrags.com/research/united-nations-educational-scientif-este-0001_0004_0
    ("2003-10-31", 190),
    # Singapore back as the 193rd member on 8 Oct 2007:
    # https://news.un.org/en/story/2007/10/235232-singapore-rejoins-unesco-after-22-year-absence
    ("2007-10-08", 193),
])
def test_unesco_year_end_counts(kb: KnowledgeBase, day: str, published: int) -> None:
    assert kb.members("UNESCO", on=day).counts["member"] == published


def test_unesco_predecessors_hold_their_own_seats(kb: KnowledgeBase) -> None:
    in_1980 = ids(kb.members("UNESCO", on="1980-06-01").certain, "member")
    assert {"OWID_USS", "OWID_YAR", "OWID_CZS", "OWID_YGS"} <= in_1980
    assert not in_1980 & {"RUS", "YEM", "CZE", "SVK", "SRB", "TWN"}
    assert "CHN" in in_1980 and "SGP" in in_1980
    in_2004 = ids(kb.members("UNESCO", on="2004-06-01").certain, "member")
    assert "OWID_SRM" in in_2004 and not in_2004 & {"SRB", "OWID_YGS", "OWID_USS", "SGP"}
    in_2010 = ids(kb.members("UNESCO", on="2010-06-01").certain, "member")
    assert {"RUS", "SRB", "YEM", "CZE", "SVK", "VNM", "SGP"} <= in_2010
    assert not in_2010 & {"OWID_SRM", "OWID_USS", "OWID_YAR", "OWID_RVN"}


def test_unesco_china_seat_passes_in_october_1971(kb: KnowledgeBase) -> None:
    # The Republic of China held the seat until the Executive Board's vote of 29 Oct 1971:
    # http://www.wipo.int/wipolex/en/other_treaties/remarks.jsp?cnty_id=7500C
    before = ids(kb.members("UNESCO", on="1971-10-28").certain, "member")
    after = ids(kb.members("UNESCO", on="1971-10-29").certain, "member")
    assert "TWN" in before and "CHN" not in before
    assert "CHN" in after and "TWN" not in after


def test_unesco_former_members_keep_their_first_spells(kb: KnowledgeBase) -> None:
    # South Africa from the founding to its withdrawal in Dec 1956; Singapore 1965-1985.
    assert "ZAF" in ids(kb.members("UNESCO", on="1950-06-01").certain, "member")
    assert "ZAF" not in anywhere(kb, "UNESCO", "1970-06-01")
    assert "SGP" in ids(kb.members("UNESCO", on="1985-12-31").certain, "member")
    assert "SGP" not in anywhere(kb, "UNESCO", "1990-06-01")


@pytest.mark.parametrize(("day", "published"), [
    # The Final Act signed at Helsinki by 35 states on 1 Aug 1975:
    # https://webintra.cvce.eu/en/collections/unit-content/-/unit/d5906df5-4f83-4603-85f7-0cabc24b9fe1/b00527aa-78f5-47cf-9ab5-2440fc59ae92
    ("1975-08-01", 35),
    # The FR Yugoslavia admitted as the 55th participating State on 10 Nov 2000:
    # https://www.osce.org/cio/53076
    ("2000-11-10", 55),
])
def test_osce_counts(kb: KnowledgeBase, day: str, published: int) -> None:
    assert kb.members("OSCE", on=day).counts["member"] == published


def test_osce_soviet_participation_passes_to_russia(kb: KnowledgeBase) -> None:
    in_1980 = ids(kb.members("OSCE", on="1980-06-01").certain, "member")
    assert "OWID_USS" in in_1980 and "RUS" not in in_1980
    in_2000 = ids(kb.members("OSCE", on="2000-06-01").certain, "member")
    assert "RUS" in in_2000 and "OWID_USS" not in in_2000
