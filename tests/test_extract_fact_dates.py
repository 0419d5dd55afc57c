"""Which date a fact takes when its sentence or its article gives several, in the shapes
real news pages write (gold/real, dev split), each in sentences of our own words."""

from __future__ import annotations

from typing import Any

import pytest

from extract_support import WEDNESDAY, note_reader
from multilateral.model.dates import PartialDate


@pytest.fixture(scope="module")
def read(sqlite_url: str) -> Any:
    facts = note_reader(sqlite_url)
    return lambda text, published=WEDNESDAY: facts(text, published=published)


def memberships(found: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {(f["org_id"], f["state_id"], f["status"], f["change"], f["date"])
            for f in found if f["type"] == "membership"}


@pytest.mark.parametrize(("text", "expected"), [
    # the verb after its member takes the date of its own clause, not an earlier verb's
    ("Namibia won its independence in 1990 and formally applied for SADC membership in 1992.",
     ("SADC", "NAM", "member", "applied", "1992")),
    # "this year's chair" dates the chair, not the admission the sentence is about
    ("Laos, this year's chair of ASEAN, was the last state admitted to the bloc in 1997.",
     ("ASEAN", "LAO", "member", "joined", "1997")),
    # a date right before the verb is still the verb's
    ("Croatia on 1 July 2013 became a member of the European Union, ten years after "
     "it applied in 2003.", ("EU", "HRV", "member", "joined", "2013-07-01")),
    # a full stop inside a sentence that closes an abbreviation ends no clause
    ("Observer status was granted to Moldova by the Eurasian Economic Union (Decision No. 8 "
     "of its Supreme Council dated March 3, 2018).",
     ("EAEU", "MDA", "observer", "granted", "2018-03-03")),
])
def test_a_membership_takes_its_own_clauses_date(read: Any, text: str,
                                                  expected: tuple[Any, ...]) -> None:
    found = memberships(read(text, None))
    assert expected in found, found


def test_a_date_of_the_event_after_which_it_happened_is_not_its_date(read: Any) -> None:
    # the coup is dated, the suspension that followed it is not: no date rather than its
    found = memberships(read("Mali was suspended from ECOWAS after soldiers seized power in "
                             "August 2020.", None))
    assert found == {("ECOWAS", "MLI", "suspended", "granted", None)}, found
    # the suspension's own date, before the "after", stays its date
    found = memberships(read("Mali was suspended from ECOWAS in May 2021 after a coup.", None))
    assert found == {("ECOWAS", "MLI", "suspended", "granted", "2021-05")}, found


def test_a_status_held_from_a_year_is_dated_by_it(read: Any) -> None:
    found = memberships(read("Cuba and Uzbekistan have observer status in the Eurasian "
                             "Economic Union from 2021."))
    assert ("EAEU", "CUB", "observer", "holds", "2021") in found
    assert ("EAEU", "UZB", "observer", "holds", "2021") in found


def test_a_span_from_one_year_to_another_is_no_start_of_a_status_held(read: Any) -> None:
    found = memberships(read("Mali remained a member of ECOWAS from 2008 to 2012."))
    assert ("ECOWAS", "MLI", "member", "holds", "2024-05-15") in found, found


def test_the_lead_takes_the_day_a_later_sentence_tells(read: Any) -> None:
    # published on a Wednesday: "yesterday" is Tuesday 14 May
    text = ("The Commonwealth has admitted Suriname as its newest member.\n\n"
            "The country was a Dutch colony.\n\n"
            "Commonwealth leaders accepted the application at their meeting in Apia yesterday.")
    found = read(text)
    joined = [f for f in found if f["type"] == "membership" and f["state_id"] == "SUR"]
    assert [(f["date"], f["date_basis"]) for f in joined] == [("2024-05-14", "context")]


def test_a_day_told_of_another_organization_dates_nothing(read: Any) -> None:
    text = ("The African Union has suspended Guinea after the coup.\n\n"
            "ECOWAS on Monday suspended Guinea from its own bodies.")
    found = memberships(read(text))
    assert ("AU", "GIN", "suspended", "granted", "2024-05-13") not in found, found
    assert ("ECOWAS", "GIN", "suspended", "granted", "2024-05-13") in found, found


def test_a_lead_in_the_present_perfect_is_dated_by_the_article(read: Any) -> None:
    found = memberships(read("The African Union has suspended Niger's participation in "
                             "all of its activities."))
    assert ("AU", "NER", "suspended", "granted", "2024-05-15") in found, found
    # without the article's date the lead stays undated
    assert ("AU", "NER", "suspended", "granted", None) in memberships(read(
        "The African Union has suspended Niger's participation in all of its activities.",
        None))


def test_also_takes_the_date_of_the_act_just_told(read: Any) -> None:
    text = ("Egypt and Iran will join the BRICS group from 2025, its chair said.\n\n"
            "Ethiopia is also set to join the group, which has five members.")
    found = read(text)
    ethiopia = [f for f in found if f["type"] == "membership" and f["state_id"] == "ETH"
                and f["change"] == "joined"]
    assert [(f["date"], f["date_basis"], f["modality"]) for f in ethiopia] == [
        ("2025", "context", "planned")]


def test_a_supposed_change_takes_no_day(read: Any) -> None:
    text = ("In a decision adopted today, the Council of Europe suspended Russia from its "
            "rights of representation. If Russia does not stop the war, the Committee may "
            "decide that it has ceased to be a member of the Council of Europe.")
    left = [f for f in read(text) if f["type"] == "membership" and f["change"] == "left"]
    assert left and all(f["date"] is None for f in left), left


def test_the_dateline_is_the_articles_date_not_the_acts(read: Any) -> None:
    # "Sep 11" presents the article; the suspension's day is the Friday the story tells
    text = ("Addis Ababa, Sep 11 The African Union has suspended Guinea from the Union.\n\n"
            "The Peace and Security Council of the AU on Friday decided to suspend it.")
    document = read(text, PartialDate(2021, 9, 11))
    guinea = [f for f in document if f["type"] == "membership" and f["state_id"] == "GIN"]
    assert [(f["date"], f.get("date_partial")) for f in guinea] == [("2021-09-10", None)]


def test_a_photo_credit_line_lends_no_date_to_the_headline(read: Any) -> None:
    text = ("African Union Suspends Sudan's Participation\n"
            "© REUTERS / A protester waves a flag in Khartoum, Sudan, October 25, 2021\n"
            "The African Union (AU) has suspended Sudan's participation in its activities.")
    sudan = [f for f in read(text, PartialDate(2021, 10, 27))
             if f["type"] == "membership" and f["state_id"] == "SDN"]
    assert [f["date"] for f in sudan] == ["2021-10-27"], sudan


def test_the_sentence_a_dateline_opens_is_dated_by_the_article(read: Any) -> None:
    text = ("BRUSSELS, 4 April 2023 (Wire) - Finland became the 31st member of NATO.\n\n"
            "SWEDEN, 4 April - Allies approved Sweden's application to join NATO.")
    found = memberships(read(text, PartialDate(2023, 4, 4)))
    assert ("NATO", "FIN", "member", "joined", "2023-04-04") in found, found
    # an application the news only mentions is not dated by the article
    assert not any(f[1] == "SWE" and f[3] == "applied" and f[4] for f in found), found


def test_this_weeks_summit_dates_the_summit_reported_once(read: Any) -> None:
    # published Wednesday 15 May 2024: this week lies in May
    text = ("The chair made the announcement at a BRICS summit in Kazan.\n\n"
            "The members agreed at this week's summit to invite new partners.\n\n"
            "Putin attended the summit in Kazan in person.")
    summits = [f for f in read(text) if f["type"] == "event" and f["kind"] == "summit"]
    assert [(f["place"], f["date"], f["date_basis"]) for f in summits] == [
        ("Kazan", "2024-05", "context")], summits


def test_last_years_summit_names_another_summit(read: Any) -> None:
    text = ("The chair made the announcement at a BRICS summit in Kazan.\n\n"
            "The members recalled what they agreed at last year's summit.")
    summits = [f for f in read(text) if f["type"] == "event" and f["place"] == "Kazan"]
    assert summits and all(f["date"] is None for f in summits), summits


def test_since_opening_a_clause_gives_its_date_to_that_clause_only(read: Any) -> None:
    found = memberships(read("Croatia has become the 28th member of the European Union.\n\n"
                             "Croatia is the first new EU member since Bulgaria and Romania "
                             "joined in 2007."))
    assert ("EU", "HRV", "member", "joined", "2024-05-15") in found, found
    assert ("EU", "HRV", "member", "joined", "2007") not in found, found
    assert ("EU", "BGR", "member", "joined", "2007") in found, found


def test_since_as_an_adverb_ends_no_clause(read: Any) -> None:
    found = read("Argentina has since declined the invitation to join the BRICS group.")
    assert any(f["type"] == "membership" and f["state_id"] == "ARG" and f["change"] == "joined"
               for f in found), found


def test_a_year_said_as_mid_year_is_the_year(read: Any) -> None:
    found = memberships(read("Candidate status in the European Union was granted to Croatia "
                             "in mid-2004.", None))
    assert ("EU", "HRV", "candidate", "granted", "2004") in found, found


def test_the_establishment_of_another_body_founds_not_the_organization(read: Any) -> None:
    def foundings(text: str) -> set[tuple[Any, ...]]:
        return {(f["org_id"], f["date"]) for f in read(text, None) if f["type"] == "founding"}
    # the working party is what was established then, not the WTO the sentence is about
    assert foundings("The WTO accession talks for Bhutan began with its application in 1999, "
                     "followed by the establishment of a Working Party on 6 October 1999.") == set()
    # the establishment of the organization itself still founds it
    assert ("SCO", "2001") in foundings("China hosted the establishment of the Shanghai "
                                        "Cooperation Organisation in 2001.")
