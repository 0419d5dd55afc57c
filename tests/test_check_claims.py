"""What `check` takes for a claim, and how it judges claims of real pages (issue 16): not
numbers that count no one, plans or conditions; undated pages judged on a day they
support, or on none; like compared with like."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from multilateral.cli import main


def check(db: str, tmp_path: Path, text: str) -> dict[str, object]:
    article = tmp_path / "page.txt"
    article.write_text(text)
    result: Result = CliRunner().invoke(main, ["--db", db, "check", str(article),
                                               "--format", "json"])
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.stdout))


def claims(report: dict[str, object], kind: str | None = None) -> list[dict[str, object]]:
    return [c for c in report["claims"]  # type: ignore[union-attr]
            if kind is None or c["kind"] == kind]


def test_numbers_that_count_no_one_are_not_counts(sqlite_url: str, tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "Note\n\nPublished 1 March 2024\n\nUnder Article 5 of the NATO treaty, an attack on "
        "one member is an attack on all. The African Union became a permanent G20 member in "
        "2023. On June 15 member states of ASEAN met in Jakarta. The SCO has nine member "
        "states."))
    counts = claims(report, "count")
    # only the last sentence counts members: not "one member", the 20 of G20, the 15th day
    assert [c["text"] for c in counts] == ["nine member states"]
    assert counts[0]["verdict"] == "supported"


def test_plans_hopes_and_conditions_are_not_claims(sqlite_url: str, tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "Note\n\nPublished 1 March 2024\n\nWe look forward to welcoming Timor-Leste as a full "
        "member of ASEAN. Ukraine took steps in order to join NATO as a member. If Turkey "
        "joined the SCO, the SCO would have 11 members. Sweden joined NATO on 7 March 2024."))
    assert [c["text"] for c in claims(report)] == ["Sweden joined NATO on 7 March 2024."]


def test_an_undated_page_is_judged_on_no_day(sqlite_url: str, tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path,
                   "SCO note\n\nThe Shanghai Cooperation Organisation has six member states.")
    assert report["on_basis"] == "none" and "no date" in str(report["on_note"])
    count = claims(report, "count")[0]
    # six was true from 2001 to 2017: on an unknown day it is neither true nor false
    assert count["verdict"] == "unverifiable"
    assert "unknown date" in str(count["reason"])


def test_an_undated_page_is_judged_on_the_newest_event_it_reports(
        sqlite_url: str, tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "SCO note\n\nThe SCO leaders met in Bishkek on 14 June 2019. The SCO has eight member "
        "states. The leaders will meet again in Qingdao on 15 July 2025."))
    # the meeting still to come is a plan, not an event of the page's day
    assert report["on"] == "2019-06-14" and report["on_basis"] == "newest_event"
    assert claims(report, "count")[0]["verdict"] == "supported"


def test_a_count_against_uncertain_members_only_is_unverifiable(
        sqlite_url: str, tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "AALCO note\n\nPublished 3 June 2019\n\nThe Asian-African Legal Consultative "
        "Organization (AALCO) has 48 member states."))
    count = claims(report, "count")[0]
    # COW's years end in 2014: no member is certain in 2019, so 48 is not "not 0"
    assert count["verdict"] == "unverifiable"
    assert "no certain members" in str(count["reason"]) and "uncertain" in str(count["reason"])


def test_officeholders_are_found_and_judged_unverifiable(sqlite_url: str,
                                                        tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "SCO note\n\nPublished 14 June 2019\n\nSCO Secretary-General Vladimir Norov opened "
        "the meeting. Jens Stoltenberg, Secretary General of NATO, spoke next. The "
        "Secretary-General said little."))
    held = claims(report, "officeholder")
    assert [c["details"]["person"] for c in held] == [  # type: ignore[index]
        "Vladimir Norov", "Jens Stoltenberg"]
    assert all(c["verdict"] == "unverifiable" and "holds no officeholders" in str(c["reason"])
               for c in held)
    assert report["officeholders"] == 2


def test_an_instrument_of_other_parties_judges_nothing(sqlite_url: str,
                                                      tmp_path: Path) -> None:
    unknown_party = claims(check(sqlite_url, tmp_path, (
        "SCO note\n\nPublished 1 July 2016\n\nThe SCO Secretariat signed a memorandum of "
        "understanding with the Zorbian Trade Council on 3 May 2016.")), "instrument")[0]
    assert unknown_party["verdict"] == "unverifiable"
    assert "Zorbian Trade Council" in str(unknown_party["reason"])
    one_party = claims(check(sqlite_url, tmp_path, (
        "SCO note\n\nPublished 1 July 2016\n\nThe SCO signed a memorandum of understanding on "
        "3 May 2016 in Beijing.")), "instrument")[0]
    # the SCO's memoranda with ASEAN or UNESCO are not this one: no contradiction
    assert one_party["verdict"] == "unverifiable" and "one party" in str(one_party["reason"])


def test_an_organizations_own_status_names_map_to_ours(sqlite_url: str,
                                                       tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "ASEAN note\n\nPublished 1 March 2024\n\nPakistan became a Sectoral Dialogue Partner "
        "of ASEAN in 1993. ASEAN has four sectoral dialogue partners."))
    joined = claims(report, "joined")[0]
    assert joined["verdict"] == "supported" and "1993" in str(joined["reason"])
    # the knowledge base holds sectoral and development partners alike as partners
    count = claims(report, "count")[0]
    assert count["details"]["status"] == "partner"  # type: ignore[index]
    assert count["verdict"] == "unverifiable"


def test_countries_counted_as_members_and_hyphened_counts(sqlite_url: str,
                                                         tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "Note\n\nPublished 1 March 2024\n\nThe African Union, a bloc of 55 countries, met. "
        "The 15-member Council voted. Leaders of 20 countries attended."))
    counts = {c["text"]: c for c in claims(report, "count")}
    assert set(counts) == {"55 countries", "15-member"}  # the 20 leaders count no members
    assert counts["55 countries"]["verdict"] == "supported"
    # the Council is not the African Union: no organization, no verdict
    assert counts["15-member"]["org"] is None
    assert counts["15-member"]["verdict"] == "unverifiable"


def test_shares_of_land_or_output_are_found_and_left_unjudged(sqlite_url: str,
                                                              tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "SCO note\n\nPublished 14 June 2019\n\nThe SCO now represents around 42% of the "
        "world’s population, 22% of its land area and around 20% of GDP."))
    shares = {c["text"]: c for c in claims(report, "share")}
    assert set(shares) == {"around 42% of the world’s population", "22% of its land area"}
    assert shares["around 42% of the world’s population"]["verdict"] == "supported"
    land = shares["22% of its land area"]
    assert land["verdict"] == "unverifiable" and "population figures only" in str(
        land["reason"])


def test_offices_of_organizations_not_of_states(sqlite_url: str, tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "Note\n\nPublished 1 March 2024\n\nSecretary-General of the United Nations Antonio "
        "Guterres spoke. Comoros President and African Union Chairman Azali Assoumani came. "
        "President Xi Jinping came. The commission’s president, Ursula von der Leyen, spoke."))
    held = {c["details"]["person"]: c for c in claims(report, "officeholder")}  # type: ignore[index]
    assert set(held) == {"Antonio Guterres", "Azali Assoumani", "Ursula von der Leyen"}
    assert held["Antonio Guterres"]["org"]["id"] == "UN"  # type: ignore[index]


def test_a_joining_read_from_a_handover_or_a_relative_day(sqlite_url: str,
                                                          tmp_path: Path) -> None:
    handed = claims(check(sqlite_url, tmp_path, (
        "NATO note\n\nPublished 5 April 2023\n\nFinland's foreign minister handed over the "
        "instrument of accession of Finland to the United States on 4 April 2023.")), "joined")
    by_state = {c["details"]["fact"]["state"]: c for c in handed}  # type: ignore[index]
    assert by_state["Finland"]["verdict"] == "supported"
    receiving = by_state["United States"]
    assert receiving["verdict"] == "unverifiable"
    assert "receives the instrument" in str(receiving["reason"])
    # "on Thursday" from the page's day is 9 September; ECOWAS decided on the 8th
    suspended = claims(check(sqlite_url, tmp_path, (
        "ECOWAS note\n\nPublished 11 September 2021\n\nThe Economic Community of West African "
        "States on Thursday suspended Guinea.")), "joined")[0]
    assert suspended["verdict"] == "supported"


def test_a_joining_judged_on_the_date_its_sentence_writes(sqlite_url: str,
                                                          tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "ASEAN note\n\nPublished 11 November 2022\n\nCambodia, this year’s chair of ASEAN, was "
        "the last nation admitted as a member of ASEAN in 1999. Six member states signed a "
        "protocol in 1999. Prime Minister Ulf Kristersson is in Washington to deposit "
        "Sweden’s instrument of accession to NATO."))
    joined = claims(report, "joined")
    # "this year" is not when Cambodia joined: 1999, which the sentence writes, is
    assert [c["verdict"] for c in joined] == ["supported"]
    assert "1999" in str(joined[0]["reason"])
    # six signatories are no count of members; a trip to deposit is no accession yet
    assert claims(report, "count")[0]["verdict"] == "unverifiable"
    assert not any("Sweden" in str(c["text"]) for c in joined)


def test_a_joining_dated_on_the_pages_own_day_is_not_held_to_that_day(
        sqlite_url: str, tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "EAEU note\n\nPublished 14 April 2017\n\nOn 14 April 2017 the Supreme Eurasian Economic "
        "Council approved granting the Eurasian Economic Union observer status to Moldova."))
    joined = claims(report, "joined")[0]
    # the record gives 2018-05-14, the day the status took effect: the page's own day is
    # the day of its report, and the decision it reports is not contradicted
    assert joined["verdict"] == "supported"


def test_ordinal_members_applications_and_named_counts(sqlite_url: str,
                                                       tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "Note\n\nPublished 8 March 2024\n\nSweden became the 32nd member of NATO on 7 March "
        "2024. The 24th SCO summit was held. Finland applied to join NATO in May 2022. The 27 "
        "EU member states are in Europe. Leaders agreed to admit Timor-Leste as the 11th "
        "member of ASEAN."))
    counts = {c["text"]: c for c in claims(report, "count")}
    assert set(counts) == {"32nd member", "27 EU member states", "11th member"}
    assert counts["32nd member"]["verdict"] == "supported"
    assert counts["27 EU member states"]["org"]["id"] == "EU"  # type: ignore[index]
    assert counts["27 EU member states"]["verdict"] == "supported"
    # ASEAN had 10 then: the 11th is an admission agreed, not made
    assert counts["11th member"]["verdict"] == "unverifiable"
    applied = [c for c in claims(report, "joined") if "applied" in str(c["text"])]
    assert applied and applied[0]["verdict"] == "unverifiable"
    assert "no applications" in str(applied[0]["reason"])


def test_a_founding_list_is_judged_as_the_founding(sqlite_url: str, tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "SCO note\n\nPublished 1 March 2024\n\nThe Shanghai Cooperation Organisation was "
        "founded in 2001 by China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan."))
    # one claim, the founding: not six joinings in 2001, nor a list of today's members
    assert [c["kind"] for c in claims(report)] == ["founding"]
    assert claims(report)[0]["verdict"] == "supported"


def test_who_chairs_is_found_where_the_reader_read_no_chairmanship(
        sqlite_url: str, tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "Malta takes over OSCE Chair\nVALLETTA/VIENNA, 1 January 2024 - Today, Malta takes "
        "over the OSCE Chairpersonship with a focus on resilience.\nThroughout the "
        "Chairpersonship, Ukraine will remain a priority."))
    chairs = claims(report, "chair")
    named = [c["details"]["fact"]["state"] for c in chairs]  # type: ignore[index]
    # Ukraine is named near the word, not as the one who chairs
    assert "Ukraine" not in named
    # the dateline's sentence, which the reader reads no chairmanship from
    dateline = [c for c in chairs if "the OSCE Chairpersonship" in str(c["text"])]
    assert dateline and dateline[0]["org"]["id"] == "OSCE"  # type: ignore[index]
    assert dateline[0]["verdict"] == "unverifiable"


def test_a_withdrawal_unrecorded_or_a_treaty_signing_is_no_contradiction(
        sqlite_url: str, tmp_path: Path) -> None:
    left = claims(check(sqlite_url, tmp_path, (
        "Forum note\n\nPublished 11 July 2022\n\nThe island nation of Kiribati has withdrawn "
        "from the Pacific Islands Forum.")), "joined")[0]
    # Kiribati left in 2022 and came back: the record lacks the end, it does not deny it
    assert left["verdict"] == "unverifiable" and "no end" in str(left["reason"])
    signed = claims(check(sqlite_url, tmp_path, (
        "EU note\n\nPublished 10 December 2011\n\nCroatia finished accession negotiations on 30 "
        "June 2011 and joined the European Union on 9 December 2011 by signing the Treaty of "
        "Accession.")), "joined")
    assert signed and all(c["verdict"] == "unverifiable" for c in signed)
    assert "signed" in str(signed[0]["reason"])


def test_an_officeholder_named_with_a_courtesy_title_is_found(sqlite_url: str,
                                                              tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "Note\n\nPublished 1 March 2024\n\nThe Chairman of the African Union, Mr Amara Kone, "
        "opened the summit. Dr Lena Moritz, Secretary General of NATO, spoke after him."))
    held = {c["details"]["person"]: c for c in claims(report, "officeholder")}  # type: ignore[index]
    # the titles "Mr" and "Dr" are not the name, and do not hide that a name is there
    assert set(held) == {"Amara Kone", "Lena Moritz"}
    assert all(c["verdict"] == "unverifiable" for c in held.values())


def test_a_fact_stated_again_is_a_claim_each_time_it_is_restated(sqlite_url: str,
                                                                 tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "Note\n\nPublished 1 March 2024\n\nSweden joins NATO. Sweden was admitted to NATO as "
        "a member on 7 March 2024, the alliance said. Officials said Sweden's accession to "
        "NATO marks a new era. “Sweden joined NATO today,” the minister said."))
    # the reader keeps one fact; the headline and the lead each claim it, while a sentence
    # that only names the accession, or quotes someone, claims nothing of its own
    assert [c["text"] for c in claims(report, "joined")] == [
        "Sweden joins NATO.",
        "Sweden was admitted to NATO as a member on 7 March 2024, the alliance said."]
    assert {c["verdict"] for c in claims(report, "joined")} == {"supported"}


def test_a_request_to_an_officeholder_still_names_who_holds_the_office(
        sqlite_url: str, tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "Note\n\nPublished 1 March 2024\n\nThe summit called on the Secretary-General of "
        "the United Nations Amara Kone to visit the region. If Lena Moritz, Secretary "
        "General of NATO, came, talks could start."))
    # asked to act, the holder is still named; a supposition names no one
    assert [c["details"]["person"] for c in claims(report, "officeholder")] == [  # type: ignore[index]
        "Amara Kone"]


def acts(report: dict[str, object]) -> list[tuple[str, str, str]]:
    """(act, verdict, reason) of each act claim of a report."""
    found = []
    for claim in claims(report, "instrument"):
        details = claim["details"]
        assert isinstance(details, dict)
        if "act" in details:
            found.append((str(details["act"]), str(claim["verdict"]), str(claim["reason"])))
    return found


def test_acts_on_instruments_are_claims_not_checked(sqlite_url: str, tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "Note\n\nPublished 2 May 2024\n\nOn 30 April Moldova deposited its instrument of "
        "ratification with the Secretary-General of the Council of Europe. Mongolia and "
        "Nepal submitted applications to the SCO last year. Four texts were adopted by the "
        "General Assembly on the African Union. The protocol entered into force for Kenya "
        "in March."))
    found = acts(report)
    assert [act for act, _, _ in found] == ["deposit", "application", "adoption", "in force"]
    assert {verdict for _, verdict, _ in found} == {"unverifiable"}
    assert all("not checked" in reason for _, _, reason in found)


def test_planned_quoted_or_spoken_of_acts_are_not_claims(sqlite_url: str,
                                                         tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "Note\n\nPublished 2 May 2024\n\nMoldova will deposit its instrument of ratification "
        "in June. \u201cWe have submitted our application to the SCO,\u201d the minister of "
        "Nepal said. Delegates of Angola said the decision to leave OPEC came as a surprise."))
    assert acts(report) == []


def test_officeholders_named_before_a_second_title_or_the_taking_of_office(
        sqlite_url: str, tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "AU note\n\nPublished 3 March 2025\n\nThe members elected Kenya's Amina Wekesa as the "
        "new AU Commission chairperson. The talks were led by Petra Lind, Estonia's Foreign "
        "Minister and the new OSCE Chair-in-Office. The vote ended with Tomas Varga, assuming "
        "the post of NATO secretary-general."))
    held = claims(report, "officeholder")
    # the possessive names whose the person is, not part of the name
    assert [c["details"]["person"] for c in held] == [  # type: ignore[index]
        "Amina Wekesa", "Petra Lind", "Tomas Varga"]
    assert {c["verdict"] for c in held} == {"unverifiable"}


def test_the_head_of_the_host_who_chaired_the_meeting_chairs(sqlite_url: str,
                                                            tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "SCO note\n\nPublished 9 June 2017\n\nThe SCO heads of state met in Astana. President "
        "of the Republic of Kazakhstan Nursultan Nazarbayev chaired the meeting. The Prime "
        "Minister of Belize, the Honourable Dean Barrow, attended the meeting."))
    chairs = claims(report, "chair")
    assert [c["details"]["fact"]["state"] for c in chairs] == ["Kazakhstan"]  # type: ignore[index]
    assert chairs[0]["verdict"] == "supported"


def test_a_chair_or_a_founding_is_reported_with_its_own_clause(sqlite_url: str,
                                                               tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "Note\n\nPublished 25 March 2021\n\nThe text drafted by Tajikistan, which holds the "
        "SCO Chairmanship in 2020-2021, was co-sponsored by Belarus and Cambodia. BRICS was "
        "formed in 2009 by Brazil, Russia, India and China, with South Africa joining it in "
        "2010."))
    chair = claims(report, "chair")[0]
    assert chair["text"] == "The text drafted by Tajikistan, which holds the SCO Chairmanship"
    # the sponsors are a claim of their own, which the chair's verdict does not settle
    assert [(c["details"]["act"], c["verdict"]) for c in claims(report, "instrument")  # type: ignore[index]
            if "co-sponsored" in str(c["text"])] == [("sponsorship", "unverifiable")]
    founding = claims(report, "founding")[0]
    assert founding["text"] == "BRICS was formed in 2009 by Brazil, Russia, India and China"
    joined = [c for c in claims(report, "joined") if "South Africa" in str(c["text"])]
    assert joined and joined[0]["verdict"] == "supported"


def test_a_share_of_humanity_and_a_step_without_precedent_are_claims(
        sqlite_url: str, tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "SCO note\n\nPublished 1 July 2023\n\nThe SCO's member states are home to about 40 per "
        "cent of humanity. The envoy said the decision was without precedent in the "
        "organisation's history."))
    share = claims(report, "share")[0]
    assert share["details"]["of"] == "population"  # type: ignore[index]
    assert share["details"]["percent"] == 40.0  # type: ignore[index]
    superlative = claims(report, "superlative")[0]
    assert superlative["verdict"] == "unverifiable"


def test_a_departure_named_only_as_a_noun_is_no_claim(sqlite_url: str, tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "OPEC note\n\nPublished 22 December 2023\n\nAngola's decision to leave OPEC comes as a "
        "result of its narrowing role, the minister said. Angola left OPEC on Thursday."))
    left = [c["text"] for c in claims(report, "joined")]
    # the first sentence speaks of the departure; the second states it
    assert left == ["Angola left OPEC on Thursday."]


def test_an_undated_page_is_judged_on_the_recorded_day_of_the_change_it_reports(
        sqlite_url: str, tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "Commonwealth note\n\nTogo has joined the Commonwealth at the leaders' meeting. The "
        "Commonwealth now brings together 56 countries."))
    # the page names no day; the record dates Togo's admission, and the page is no older
    assert report["on"] == "2022-06-25" and report["on_basis"] == "newest_event"
    assert "knowledge base dates" in str(report["on_note"])
    assert claims(report, "count")[0]["verdict"] == "supported"
    # Gabon joined twice in the record (admitted, then back after a suspension): which of
    # the two a page means cannot be told, so it dates nothing
    twice = check(sqlite_url, tmp_path, (
        "Commonwealth note\n\nGabon has joined the Commonwealth. The Commonwealth now brings "
        "together 56 countries."))
    assert twice["on_basis"] == "none"


def test_a_change_announced_then_told_as_done_is_a_claim_where_it_is_done(
        sqlite_url: str, tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "BRICS note\n\nPublished 2 February 2024\n\nEgypt and Ethiopia set to join BRICS\n\n"
        "Egypt and Ethiopia have officially joined the BRICS group. Under its terms, Egypt "
        "must strive to join the bank as well."))
    joined = claims(report, "joined")
    # the headline plans it; the lead tells it as done; an obligation is no fact
    assert {str(c["text"]) for c in joined} == {
        "Egypt and Ethiopia have officially joined the BRICS group."}
    assert {c["verdict"] for c in joined} == {"supported"}


def test_ceasing_to_be_a_member_restates_a_departure(sqlite_url: str, tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "Council of Europe note\n\nPublished 17 March 2022\n\nRussia expelled from the Council "
        "of Europe\n\nOn 16 March the Committee of Ministers decided that Russia ceases to be "
        "a member of the Council of Europe."))
    assert any("ceases to be a member" in str(c["text"]) for c in claims(report, "joined"))


def test_an_adverb_or_named_members_are_no_superlative_or_count(sqlite_url: str,
                                                               tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "WTO note\n\nPublished 1 September 2024\n\nThe change applies only in certain types of "
        "organization. The addition of these two members to the WTO was welcomed. ASEAN is "
        "the only bloc of its kind in the region."))
    assert [c["text"] for c in claims(report, "count")] == []
    assert [c["details"]["word"] for c in claims(report, "superlative")] == ["only"]  # type: ignore[index]


def test_a_founding_of_a_first_form_earlier_than_the_record_is_unverifiable(
        sqlite_url: str, tmp_path: Path) -> None:
    first = claims(check(sqlite_url, tmp_path, (
        "CSTO note\n\nPublished 28 November 2017\n\nThe Collective Security Treaty Organization "
        "was initially formed in 1992 by the parties to a security treaty.")), "founding")[0]
    assert first["verdict"] == "unverifiable" and "first form" in str(first["reason"])
    plain = claims(check(sqlite_url, tmp_path, (
        "CSTO note\n\nPublished 28 November 2017\n\nThe Collective Security Treaty Organization "
        "was formed in 1992 by the parties to a security treaty.")), "founding")[0]
    assert plain["verdict"] == "contradicted"


def test_an_act_on_an_instrument_no_party_names_is_still_a_claim(sqlite_url: str,
                                                                 tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "CSTO note\n\nPublished 2 May 2024\n\nThe CSTO has a long history. The treaty came "
        "into effect on 20 April 1994. The ratification process was concluded on 21 June "
        "2013. The deposit was made by courier."))
    # the last names neither a party nor an instrument: nothing to say it is of
    assert [act for act, _, _ in acts(report)] == ["in force", "ratification"]


def test_a_registrar_prosecutor_or_commissioner_of_a_body_holds_an_office(
        sqlite_url: str, tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "ICC note\n\nPublished 17 November 2023\n\nOn 15 November the ICC Registrar, Anna "
        "Berg, received the letter. The Prosecutor of the International Criminal Court Karim "
        "Lund spoke. The commissioner Ravi Menon declined to comment."))
    held = [c["details"]["person"] for c in claims(report, "officeholder")]  # type: ignore[index]
    # a commissioner of no organization named is no office the checker counts
    assert held == ["Anna Berg", "Karim Lund"]


def test_a_vote_or_a_decision_adopted_is_an_act_not_checked(sqlite_url: str,
                                                           tmp_path: Path) -> None:
    report = check(sqlite_url, tmp_path, (
        "OSCE note\n\nPublished 5 April 2024\n\nIn a vote on 4 April the OSCE Permanent Council "
        "unanimously decided to open an office. Its members then adopted by consensus the "
        "decision on the budget of the OSCE."))
    assert [act for act, _, _ in acts(report)] == ["vote", "adoption"]
