"""`members`: who belongs on a date, on both backends, against the bundled data."""

import pytest

from multilateral.errors import InvalidDate, OutOfExistence, UnknownEntity
from multilateral.kb import KnowledgeBase


def names(standings: list) -> list[str]:
    return sorted(st.subject.name for st in standings)


def test_sco_on_the_seed_articles_date(kb: KnowledgeBase) -> None:
    result = kb.members("SCO", on="2019-11-19")
    assert result.counts == {"member": 8, "observer": 4, "dialogue_partner": 6}
    observers = [st for st in result.certain if st.status == "observer"]
    assert names(observers) == ["Afghanistan", "Belarus", "Iran", "Mongolia"]
    members = {st.subject.id for st in result.certain if st.status == "member"}
    assert members == {"CHN", "IND", "KAZ", "KGZ", "PAK", "RUS", "TJK", "UZB"}
    assert not result.uncertain and not result.conflicts


def test_sco_after_belarus_joined(kb: KnowledgeBase) -> None:
    result = kb.members("SCO", on="2024-08-01")
    assert result.counts["member"] == 10
    assert result.counts["dialogue_partner"] == 14
    assert "Belarus" in names([st for st in result.certain if st.status == "member"])


def test_un_on_first_of_january_2014(kb: KnowledgeBase) -> None:
    result = kb.members("UN", on="2014-01-01")
    assert result.counts == {"member": 193, "observer": 2}


def test_every_member_carries_its_sources(kb: KnowledgeBase) -> None:
    result = kb.members("SCO", on="2019-11-19")
    india = next(st for st in result.certain if st.subject.id == "IND")
    assert str(india.since) == "2017-06-09"
    urls = [src.url for claim in india.claims for src in claim.sources if src.url]
    assert urls and all(url.startswith("http") for url in urls)
    china = next(st for st in result.certain if st.subject.id == "CHN")
    assert "sco-seed" in {claim.dataset for claim in china.claims}


def test_any_case_acronym_or_name(kb: KnowledgeBase) -> None:
    by_id = kb.members("sco", on="2019-11-19").counts
    assert kb.members("Shanghai Cooperation Organization", on="2019-11-19").counts == by_id
    assert kb.members("shanghai cooperation organisation", on="2019-11-19").counts == by_id


def test_status_filter(kb: KnowledgeBase) -> None:
    result = kb.members("SCO", on="2019-11-19", status="observer")
    assert result.counts == {"observer": 4}
    # On 2015-06-01 Belarus was a dialogue partner or an observer: uncertain either way.
    partners = kb.members("SCO", on="2015-06-01", status="dialogue_partner")
    assert "BLR" in {st.subject.id for st in partners.uncertain}
    assert set(partners.counts) == {"dialogue_partner"}


def test_coarse_dates_answer_uncertain_not_a_guess(kb: KnowledgeBase) -> None:
    # Belarus: dialogue partner until "2015", observer from "2015".
    result = kb.members("SCO", on="2015-06-01")
    belarus = next(st for st in result.uncertain if st.subject.id == "BLR")
    assert belarus.possible == ["dialogue_partner", "observer"]
    assert "2015" in (belarus.reason or "")
    assert "BLR" not in {st.subject.id for st in result.certain}


def test_a_year_asks_about_the_whole_year(kb: KnowledgeBase) -> None:
    # India and Pakistan changed status on 2017-06-09: neither status held all of 2017.
    result = kb.members("SCO", on="2017")
    assert {st.subject.id for st in result.uncertain} >= {"IND", "PAK"}
    assert kb.members("SCO", on="2018").counts["member"] == 8


def test_after_cow_coverage_ends_members_are_uncertain(kb: KnowledgeBase) -> None:
    # The Inter-American Development Bank has no table by hand: past 2014 only COW speaks,
    # and it stopped looking (49 members in its last year).
    result = kb.members("IADB", on="2020-01-01")
    assert result.counts == {}
    assert len(result.uncertain) == 49
    assert any("2014" in note for note in result.notes)


def test_a_later_source_takes_over_where_cow_stops(kb: KnowledgeBase) -> None:
    nato = kb.members("NATO", on="2020-01-01")
    assert nato.counts == {"member": 29} and not nato.uncertain and not nato.notes
    # COW codes the United Kingdom in the EU to 2014; the hand table ends it at the end of
    # 31 January 2020 (its end, exclusive, is 2020-02-01).
    eu = kb.members("EU", on="2021-01-01")
    assert "GBR" not in {st.subject.id for st in eu.certain + eu.uncertain + eu.conflicts}
    assert "GBR" in {st.subject.id for st in kb.members("EU", on="2014-06-01").certain}
    # a member on the day it left, gone the day after
    assert "GBR" in {st.subject.id for st in kb.members("EU", on="2020-01-31").certain}
    assert "GBR" not in {st.subject.id for st in kb.members("EU", on="2020-02-01").certain}


def test_decided_but_not_in_effect_is_listed_apart(kb: KnowledgeBase) -> None:
    result = kb.members("SCO", on="2026-01-01")
    assert [p["member"]["id"] for p in result.pending] == ["LAO"]
    assert "LAO" not in {st.subject.id for st in result.certain + result.uncertain}


def test_unknown_organization_suggests(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownEntity) as caught:
        kb.members("SCOO")
    assert "'SCO' (Shanghai Cooperation Organisation)" in caught.value.message


def test_malformed_date(kb: KnowledgeBase) -> None:
    with pytest.raises(InvalidDate, match="2019-13-40"):
        kb.members("SCO", on="2019-13-40")


def test_before_the_organization_existed(kb: KnowledgeBase) -> None:
    with pytest.raises(OutOfExistence, match="founded 2001-06-15"):
        kb.members("SCO", on="1990-01-01")


def test_after_the_organization_was_dissolved(kb: KnowledgeBase) -> None:
    with pytest.raises(OutOfExistence, match="dissolved in 2002"):
        kb.members("OAU", on="2010")


def test_json_shape_is_stable(kb: KnowledgeBase) -> None:
    data = kb.members("SCO", on="2019-11-19").as_dict()
    assert set(data) == {"org", "on", "status", "counts", "suspended", "members", "uncertain",
                         "conflicts", "set_aside", "pending", "notes"}
    member = data["members"][0]
    assert set(member) == {"type", "id", "name", "status", "certainty", "since", "suspended",
                           "suspended_since", "possible_statuses", "reason", "claims",
                           "outranked"}
    assert set(member["claims"][0]) == {"id", "status", "start", "end", "dataset", "note",
                                        "sources"}


def test_uncertain_names_the_real_reason(kb: KnowledgeBase) -> None:
    # COW codes South Sudan in WHO from 2011 (a year); its coverage ends 2014. In June 2011
    # the doubt is the year-only start, not the coverage.
    joining = next(st for st in kb.members("WHO", on="2011-06-01").uncertain
                   if st.subject.id == "SSD")
    assert joining.reason is not None and "starts 2011 (a year only)" in joining.reason
    assert "2014" not in joining.reason
    later = next(st for st in kb.members("WHO", on="2016-06-01").uncertain
                 if st.subject.id == "SSD")
    assert later.reason is not None and "observed it to 2014" in later.reason
