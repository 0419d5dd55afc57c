"""Shapes of summit communiques and wires on the real pages (gold/real, dev split), each in
sentences of our own words: chairs elected or set beside a head of government, meetings of
a conference of heads, places of an event's own phrase, states only where a state is meant,
and plans and refusals to join or leave."""

from __future__ import annotations

from typing import Any

import pytest

from extract_support import events, note_reader


@pytest.fixture(scope="module")
def read(sqlite_url: str) -> Any:
    return note_reader(sqlite_url)


def chairs(found: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {(f["org_id"] or f["org"], f["state_id"], f["modality"]) for f in found}


@pytest.mark.parametrize(("text", "expected"), [
    # elected, with the roles given "respectively": the deputy holds no chair
    ("The Summit elected Mr Ada Lusaka of the Republic of Zambia and Ms Bea Tembo, President "
     "of the Republic of Botswana as Chairperson and Deputy Chairperson of SADC, "
     "respectively.", {("SADC", "ZMB", "asserted")}),
    # elected, each role beside its head of state; the incoming one is planned
    ("The Summit elected Mr Ada Lusaka, President of the Republic of Zambia, the Chairperson "
     "of SADC, and Ms Bea Tembo, President of the Republic of Botswana, the Incoming "
     "Chairperson.", {("SADC", "ZMB", "asserted"), ("SADC", "BWA", "planned")}),
    # the chair named by the head of government set beside it; a past chair is reported
    ("Chair of the Conference, the Prime Minister of Barbados, Ms Cara Lee opened the "
     "Caribbean Community meeting.", {("CARICOM", "BRB", "asserted")}),
    ("The Caribbean Community heard its past Chair Dr. Dan Roe, Prime Minister of Jamaica, "
     "first.", {("CARICOM", "JAM", "reported")}),
    # a body the knowledge base lacks, named by its topics
    ("The Summit elected Mr Ada Lusaka, President of the Republic of Zambia, Chairperson of "
     "the Organ on Trade, Industry and Finance.",
     {("Organ on Trade, Industry and Finance", "ZMB", "asserted")}),
])
def test_chairs_as_communiques_write_them(read: Any, text: str,
                                          expected: set[tuple[Any, ...]]) -> None:
    assert chairs(read(text, "chairmanship")) == expected


def test_the_chair_of_a_commission_is_a_persons_office(read: Any) -> None:
    assert read("African Union members elected Chad's Ali Musa as the new AU Commission "
                "chairman.", "chairmanship") == []


def test_a_line_wrapped_after_the_is_one_sentence(read: Any) -> None:
    text = ("The Summit elected Ms Bea Tembo, President of the\n\nRepublic of Botswana, "
            "Chairperson of SADC.")
    assert chairs(read(text, "chairmanship")) == {("SADC", "BWA", "asserted")}


@pytest.mark.parametrize(("text", "expected"), [
    # a meeting of the conference of heads is a summit, not a conference
    ("The Thirtieth Regular Meeting of the Conference of Heads of Government of the "
     "Caribbean Community was held in Kingston on 3-4 July 2019.",
     ("summit", "Kingston", "2019-07-03", "asserted")),
    # the place of the event's own phrase, a state too; "ahead of" it, it is still to come
    ("The ministers met at the Arab League's headquarters in Cairo on Monday ahead of the "
     "Arab League Summit in Bahrain on 16 June.", ("summit", "Bahrain", None, "planned")),
    ("The vote took place after a meeting of senior diplomats from Egypt, Iraq and Syria in "
     "Jordan.", ("meeting", "Jordan", None, "asserted")),
])
def test_events_as_communiques_write_them(read: Any, text: str,
                                          expected: tuple[Any, ...]) -> None:
    assert expected in events(read(text, "event"))


def test_a_place_of_a_later_clause_is_not_the_events(read: Any) -> None:
    text = ("The row came before a four-day Pacific Islands Forum leaders' meeting in June, "
            "where the bloc will also meet China's envoy in Beijing.")
    assert all(f["place"] != "Beijing" for f in read(text, "event"))


def memberships(found: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {(f["org_id"], f["state_id"], f["status"], f["change"], f["modality"])
            for f in found}


@pytest.mark.parametrize(("text", "expected"), [
    # a plan to leave, an exit under way, a plan refused
    ("Qatar would leave OPEC from January, officials said.",
     ("OPEC", "QAT", "member", "left", "planned")),
    ("Venezuela is withdrawing from the Organization of American States.",
     ("OAS", "VEN", "member", "left", "planned")),
    ("Argentina has no plans of rejoining the World Health Organization.",
     ("WHO", "ARG", "member", "joined", "negated")),
])
def test_plans_and_refusals_to_join_or_leave(read: Any, text: str,
                                             expected: tuple[Any, ...]) -> None:
    assert expected in memberships(read(text, "membership"))


def test_leaving_a_legacy_behind_is_no_exit(read: Any) -> None:
    found = read("Serbia, a European Union candidate, struggles to leave behind the wars.",
                 "membership")
    assert all(f["change"] != "left" for f in found)


def test_the_state_of_a_dateline_is_no_member(read: Any) -> None:
    found = memberships(read("GENEVA, Switzerland – Comoros became the 165th member of the "
                             "World Trade Organization on 29 August.", "membership"))
    assert {state for _, state, *_ in found} == {"COM"}


def test_a_regions_name_is_not_the_state_of_that_name(read: Any) -> None:
    # "Micronesian states" are several: the article's "Micronesia" is the region
    text = ("Micronesian states accused the Pacific Islands Forum members of breaking the "
            "deal, and said it was Micronesia's turn; some members from Micronesia left "
            "the forum.")
    assert all(f["state_id"] != "FSM" for f in read(text, "membership"))


def test_a_wires_credit_is_no_organization(read: Any) -> None:
    # "(AP)" after a dateline is the news agency, in the headline above it too
    text = ("AP EXPLAINS: Bolivia leaves the OAS\n\nLA PAZ (AP) – Bolivia left the "
            "Organization of American States on Friday.")
    found = memberships(read(text, "membership"))
    assert found and {org for org, *_ in found} == {"OAS"}


def test_a_numbered_conference_is_a_meeting_not_a_body(read: Any) -> None:
    text = ("The World Trade Organization has a new member. Comoros's accession was approved "
            "at the 12th Ministerial Conference held in Geneva in June.")
    assert all(f["org"] != "Ministerial Conference" for f in read(text, "membership"))


def agreements(found: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {(f["kind"], tuple(sorted(f["party_ids"])), f["title"], f["modality"])
            for f in found}


@pytest.mark.parametrize(("text", "expected"), [
    # one state signs its side of a multilateral treaty; not ratifying it after does not
    # undo the signing
    ("Ukraine signed the Rome Statute in 2000 but did not ratify it for years.",
     ("treaty", ("UKR",), "Rome Statute", "asserted")),
    # an accession treaty: the organization acceded to is no party
    ("Bulgaria will join the European Union after it signed an accession treaty on Monday.",
     ("treaty", ("BGR",), None, "asserted")),
])
def test_agreements_as_wires_write_them(read: Any, text: str,
                                        expected: tuple[Any, ...]) -> None:
    assert expected in agreements(read(text, "agreement"))


def test_treaty_changes_are_no_treaty(read: Any) -> None:
    assert read("Led by Germany and France, the states agreed to move ahead with treaty "
                "changes in Brussels.", "agreement") == []


def test_a_session_leaders_convene_for_is_a_summit(read: Any) -> None:
    text = ("African leaders, who convened in Addis Ababa for the 30th AU ordinary session, "
            "debated the request.")
    assert {f["kind"] for f in read(text, "event")} == {"summit"}


def test_the_session_is_the_event_just_reported(read: Any) -> None:
    text = ("A session of the CIS Council of Heads of State took place in Minsk on 12 "
            "October. The presidents arrived in Minsk for participation in the session.")
    assert {(f["kind"], f["place"]) for f in read(text, "event")} == {("summit", "Minsk")}


def test_a_date_set_before_another_events_word_is_that_events(read: Any) -> None:
    # the session named first has neither date nor place of its own: no fact for it
    text = ("The just concluded 14th session of the summit of heads of state of the "
            "Organization of Islamic Cooperation has declared that the 2026 summit of the "
            "organization will be held in the Republic of Senegal.")
    assert all(f["date"] != "2026" for f in read(text, "event"))


def test_his_presidency_is_a_persons_term(read: Any) -> None:
    text = ("The World Health Organization was told. The President gave notice that the US "
            "would quit the organization on the first day of his presidency in 2025.")
    assert read(text, "chairmanship") == []
