"""Membership facts from real-page shapes, each in a sentence of our own words."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from multilateral.kb import KnowledgeBase

Row = tuple[str | None, str | None, str, str]


@pytest.fixture(scope="module")
def reader(sqlite_url: str) -> Iterator[KnowledgeBase]:
    kb = KnowledgeBase(sqlite_url)
    yield kb
    kb.close()


def members(kb: KnowledgeBase, text: str) -> set[Row]:
    """(organization, state, status, change) of every membership fact the text gives; the
    ids where linked, else the words of the text."""
    document = kb.extract_bytes("own-words.txt", text.encode("utf-8"), force=True)
    return {(f.org_id or f.org, f.state_id or f.state, f.status, f.change)
            for f in document.facts if f.type == "membership"}


def test_a_hyphenated_member_states_list_is_expanded(reader: KnowledgeBase) -> None:
    found = members(reader, "Leaders met in Jakarta on Monday. The present ASEAN member-states "
                            "are Cambodia, Laos, Malaysia and Vietnam.")
    assert {s for _, s, st, c in found if c == "holds" and st == "member"} >= {
        "KHM", "LAO", "MYS", "VNM"}


def test_a_comprises_such_as_list_keeps_the_status_of_its_tail(reader: KnowledgeBase) -> None:
    found = members(reader, "The CIS comprises several former Soviet republics such as Armenia, "
                            "Belarus and Tajikistan, with Turkmenistan as an associate member.")
    assert ("CIS", "ARM", "member", "holds") in found
    assert ("CIS", "TJK", "member", "holds") in found
    assert ("CIS", "TKM", "associate", "holds") in found
    assert not any(st == "associate" and s != "TKM" for _, s, st, _ in found)


def test_a_verb_before_a_dashed_list_of_members_is_what_happened(reader: KnowledgeBase) -> None:
    found = members(reader, "The African Union spoke on Friday. Last spring the organisation "
                            "suspended three of its members - Niger and Gabon - after coups.")
    assert ("AU", "NER", "suspended", "granted") in found
    assert ("AU", "GAB", "suspended", "granted") in found
    assert not any(st == "member" and c != "holds" for *_, st, c in found)


def test_a_state_named_for_its_office_or_as_a_guest_is_no_member(reader: KnowledgeBase) -> None:
    found = members(reader, "Norway joined NATO as a member after its envoy handed the papers "
                            "to the US Secretary of State in a short ceremony.")
    assert ("NATO", "NOR", "member", "joined") in found
    assert not any(s == "USA" for _, s, _, _ in found)
    found = members(reader, "The G20 meeting also invited five non-member states, including "
                            "Chile and Kenya, besides the World Bank.")
    assert not any(s in ("CHL", "KEN") for _, s, _, _ in found)
    found = members(reader, "The host countries - Mongolia and Qatar - joined the leaders of the "
                            "EAEU countries at the council.")
    assert not any(s in ("MNG", "QAT") for _, s, _, _ in found)
    found = members(reader, "After Russia invaded Georgia that summer, Austria and Ireland "
                            "applied to join the EU.")
    assert {s for _, s, _, c in found if c == "applied"} == {"AUT", "IRL"}


def test_a_known_short_name_inside_a_longer_one_is_a_body_we_lack(reader: KnowledgeBase
                                                                   ) -> None:
    text = ("The Collective Security Treaty Organization held talks on Monday. The Collective "
            "Security Council consists of the heads of state of Armenia, Belarus and Russia.")
    found = members(reader, text)
    assert ("CSTO", "ARM", "member", "holds") in found
    assert not any(org == "UNSC" for org, *_ in found)


def test_a_sentence_opening_the_does_not_hide_an_unknown_organization(reader: KnowledgeBase
                                                                      ) -> None:
    document = reader.extract_bytes(
        "own-words.txt", b"The Organization of Andean Rivers welcomed Peru as a member.",
        force=True)
    facts = [f for f in document.facts if f.type == "membership"]
    assert [(f.org, f.org_id, f.state_id) for f in facts] == [
        ("Organization of Andean Rivers", None, "PER")]


def test_the_oas_goes_by_its_present_name_and_its_former_one_links_to_it(
        reader: KnowledgeBase) -> None:
    for text in ("Paraguay left the OAS for a while.",
                 "Back then Peru joined the Pan American Union as a member."):
        document = reader.extract_bytes("own-words.txt", text.encode("utf-8"), force=True)
        orgs = {(f.org_id, f.org) for f in document.facts if f.type == "membership"}
        assert orgs == {("OAS", "Organization of American States")}, text


def test_states_in_a_later_aside_of_a_sentence_are_not_what_its_trigger_speaks_of(
        reader: KnowledgeBase) -> None:
    text = ("The OAS met in Washington. After its withdrawal from the OAS, the government "
            "spoke for an hour and went over the many military takeovers that it says the north "
            "backed or tolerated across the hemisphere, in Haiti, Chile, the Argentine Falkland "
            "Islands, Grenada, Panama and Bolivia.")
    found = members(reader, text)
    assert not any(s in ("HTI", "CHL", "GRD", "PAN", "BOL") for _, s, _, _ in found)


def test_excluded_from_membership_is_leaving_and_each_relative_clause_keeps_its_own(
        reader: KnowledgeBase) -> None:
    text = ("The OAS met. Besides Mexico, Peru, which was excluded from membership at its own "
            "request in 2019, and Cuba, whose membership was suspended in 1962 under pressure "
            "from the United States, stay away.")
    found = members(reader, text)
    assert ("OAS", "PER", "member", "left") in found
    assert ("OAS", "CUB", "suspended", "granted") in found
    assert not any(s in ("USA", "MEX") for _, s, _, _ in found)


def test_being_a_founding_member_is_holding_membership(reader: KnowledgeBase) -> None:
    found = members(reader, "The CSTO met in Minsk. Tajikistan is a founding member of the CSTO.")
    assert ("CSTO", "TJK", "member", "holds") in found
    assert ("CSTO", "TJK", "member", "joined") not in found


def test_with_a_state_joining_is_that_state_joining(reader: KnowledgeBase) -> None:
    found = members(reader, "The BRICS group was set up in 2006 by four states, with South "
                            "Africa joining it four years later.")
    assert ("BRICS", "ZAF", "member", "joined") in found


def test_joining_a_treaty_is_joining_the_treaty_the_article_named(reader: KnowledgeBase) -> None:
    text = ("The United Nations took note. The Andean Water Treaty was signed by Peru and "
            "Bolivia in 1990. The Treaty also sets up a joint commission. In 1995, Chile and "
            "Ecuador joined the Treaty.")
    document = reader.extract_bytes("own-words.txt", text.encode("utf-8"), force=True)
    joined = {(f.org, f.org_id, f.state_id) for f in document.facts
              if f.type == "membership" and f.change == "joined"}
    assert joined == {("Andean Water Treaty", None, "CHL"), ("Andean Water Treaty", None, "ECU")}


def test_one_change_told_twice_is_one_fact(reader: KnowledgeBase) -> None:
    text = ("Chile and Peru set to join the bloc. BRICS leaders met on Monday. Chile and Peru "
            "have now joined the BRICS group. Peru joined BRICS on 2 May 2031, a year after "
            "the protocol was signed on 3 June 2030.")
    document = reader.extract_bytes("own-words.txt", text.encode("utf-8"), force=True)
    joined = [(f.state_id, f.modality) for f in document.facts
              if f.type == "membership" and f.change == "joined"]
    assert sorted(s for s, _ in joined) == ["CHL", "PER"]
    peru = next(f for f in document.facts if f.type == "membership" and f.state_id == "PER")
    assert peru.date == "2031-05-02"


def test_membership_verbs_real_pages_use(reader: KnowledgeBase) -> None:
    found = members(reader, "The Council of Europe met in Strasbourg. The Council of Europe "
                            "answered by suspending Azerbaijan from its rights of "
                            "representation in March 2031.")
    assert ("COE", "AZE", "suspended", "granted") in found
    found = members(reader, "The Council of Europe decided that Belarus ceases to be a member.")
    assert ("COE", "BLR", "member", "left") in found
    found = members(reader, "BRICS grew again. Mexico was added in 2031.")
    assert ("BRICS", "MEX", "member", "joined") in found
    found = members(reader, "The Council of the OECD agreed on Monday to open accession talks "
                            "with Kenya and Ghana.")
    assert {(o, s) for o, s, st, c in found if (st, c) == ("candidate", "granted")} == {
        ("OECD", "KEN"), ("OECD", "GHA")}
    found = members(reader, "The AU met. Four member countries are now barred from the AU after "
                            "Chad and Togo were suspended in May 2031.")
    assert ("AU", "TCD", "suspended", "granted") in found
    assert ("AU", "TGO", "suspended", "granted") in found


def test_independence_and_a_states_own_pause_are_no_membership_change(reader: KnowledgeBase
                                                                       ) -> None:
    found = members(reader, "ASEAN leaders met. Palau gained independence from Malaysia in "
                            "1994 and formally applied for ASEAN membership in 2030.")
    assert ("ASEAN", "PLW", "member", "applied") in found
    assert not any(c == "joined" or s == "MYS" for _, s, _, c in found)
    found = members(reader, "The CIS met. Two states have lately suspended their work within "
                            "the CIS - Georgia and Moldova.")
    assert not any(st == "suspended" for _, _, st, _ in found)


def test_a_change_announced_and_then_denied_is_one_fact(reader: KnowledgeBase) -> None:
    text = ("Qatar set to join the bloc. BRICS leaders met. \"Qatar has not yet answered the "
            "call to join BRICS,\" a minister said.")
    document = reader.extract_bytes("own-words.txt", text.encode("utf-8"), force=True)
    assert [f.state_id for f in document.facts if f.type == "membership"] == ["QAT"]


def confidences(kb: KnowledgeBase, text: str) -> dict[str | None, float]:
    document = kb.extract_bytes("own-words.txt", text.encode("utf-8"), force=True)
    return {f.state_id: f.confidence for f in document.facts if f.type == "membership"}


def test_confidence_is_high_only_for_the_shapes_that_hold(reader: KnowledgeBase) -> None:
    assert confidences(reader, "Peru joined the OAS in 1950.")["PER"] >= 0.8
    # founders, a state "member" of a UN organ, a far member
    assert confidences(reader, "The BRICS group was founded in 2009 by Brazil and India."
                       )["BRA"] < 0.8
    assert confidences(reader, "The Security Council sent the membership application of "
                               "Bhutan to its committee.")["BTN"] < 0.8
    assert confidences(reader, "Chad, which for many years had been run by soldiers who came "
                               "to power in a string of coups, joined the AU.")["TCD"] < 0.8


def test_holding_shapes_apposition_status_of_and_its_members(reader: KnowledgeBase) -> None:
    found = members(reader, "The Commonwealth met. Niger borders Chad – also a member of the "
                            "Commonwealth – and Mali.")
    assert {s for _, s, _, c in found if c == "holds"} == {"TCD"}
    found = members(reader, "The CIS met in Minsk. Uzbekistan has the status of an associate "
                            "member of the Commonwealth.")
    assert ("CIS", "UZB", "associate", "holds") in found
    found = members(reader, "Laos and Cuba have observer status in the EAEU.")
    assert {("EAEU", "LAO", "observer", "holds"), ("EAEU", "CUB", "observer", "holds")} <= found
    found = members(reader, "The AU met. Earlier this year, the organisation suspended two of its "
                            "members - Chad and Togo - after coups.")
    assert ("AU", "TCD", "member", "holds") in found and ("AU", "TCD", "suspended",
                                                          "granted") in found


def test_an_acronym_of_an_organization_gone_by_the_facts_date_is_another_body(
        reader: KnowledgeBase) -> None:
    def orgs(text: str) -> set[tuple[str | None, str | None]]:
        document = reader.extract_bytes("own-words.txt", text.encode("utf-8"), force=True)
        return {(f.org_id, f.org) for f in document.facts if f.type == "membership"}
    assert orgs("date 2016-05-10\nThe Eurasian Economic Union met in Minsk. Kyrgyzstan joined "
                "the EEC as a full member.") == {(None, "EEC")}
    assert orgs("date 2019-01-05\nDenmark joined the EEC in 1973.") == {
        ("EEC", "European Economic Community")}


def test_the_oau_is_found_by_its_own_name(reader: KnowledgeBase) -> None:
    found = members(reader, "Ghana left the Organization of African Unity for a year.")
    assert ("OAU", "GHA", "member", "left") in found


def test_a_states_formal_name_is_still_the_state(reader: KnowledgeBase) -> None:
    found = members(reader, "The AU met. In May 2031, the AU Peace and Security Council "
                            "suspended the participation of the Republic of Chad in all AU "
                            "activities.")
    assert ("AU", "TCD", "suspended", "granted") in found
    found = members(reader, "The OAS met. The Republic of Peru now has close ties with Chile.")
    assert not any(c == "holds" for *_, c in found)


def test_a_states_admission_is_to_the_un_not_to_its_organs(reader: KnowledgeBase) -> None:
    found = members(reader, "The President of the Security Council sent the membership "
                            "application of Bhutan to its committee so that it may join the "
                            "United Nations.")
    assert {o for o, s, _, _ in found if s == "BTN"} == {"UN"}


def test_a_comparison_lends_its_verb_to_the_state_compared(reader: KnowledgeBase) -> None:
    found = members(reader, "The Commonwealth met. Rwanda, like Namibia, which joined in 1990, "
                            "was never a British colony.")
    assert {s for _, s, _, c in found if c == "joined"} == {"NAM"}
    found = members(reader, "Comprising three large provinces, Chad is home to many people.")
    assert found == set()
