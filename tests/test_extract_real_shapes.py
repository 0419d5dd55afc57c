"""Shapes the real pages write (gold/real, dev split), each in sentences of our own words:
chairs with no term written, relative and context dates, plans, mentions of earlier acts."""

from __future__ import annotations

from typing import Any

import pytest

from extract_support import events, note_reader


@pytest.fixture(scope="module")
def read(sqlite_url: str) -> Any:
    return note_reader(sqlite_url)


def chairs(found: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {(f["org_id"], f["state_id"], f["start"], f["end"], f["modality"]) for f in found}


@pytest.mark.parametrize(("text", "expected"), [
    # a chair held now, no term written
    ("The foreign minister of Kenya, whose country currently chairs the bloc, opened the "
     "African Union talks.", ("AU", "KEN", None, None, "asserted")),
    ("Ms Ana Sousa, Foreign Minister of Portugal and serving OSCE chairperson, spoke first.",
     ("OSCE", "PRT", None, None, "asserted")),
    # a possessive chair; the verb after it is not the chair's
    ("Chile's APEC chairmanship will publish the list of guests next week.",
     ("APEC", "CHL", None, None, "asserted")),
    # the organization itself chaired by a state, with its term
    ("The Shanghai Cooperation Organisation was chaired by India in 2022-2023.",
     ("SCO", "IND", "2022", "2023", "asserted")),
    # a planned chair
    ("Officials said Serbia will be the country chairing the organization next, as the "
     "Council of Europe rota sets.", ("COE", "SRB", None, None, "planned")),
    # "this year's chair": the date before the chair word is the term, not a later one
    ("Laos, this year's chair of ASEAN, was admitted to the bloc in 1997.",
     ("ASEAN", "LAO", "2024", "2024", "asserted")),
    # "today" before the chair word
    ("Today, Finland takes over the OSCE Chairpersonship for a year of work.",
     ("OSCE", "FIN", "2024-05-15", None, "asserted")),
])
def test_chairs_as_real_pages_write_them(read: Any, text: str,
                                         expected: tuple[Any, ...]) -> None:
    assert expected in chairs(read(text, "chairmanship"))


def test_a_meeting_chaired_by_a_state_is_no_chairmanship(read: Any) -> None:
    assert read("The ASEAN meeting was chaired by Thailand in 2019.", "chairmanship") == []


@pytest.mark.parametrize(("text", "expected"), [
    # the words before the event's name set it, with no verb of holding
    ("Leaders of the ASEAN states agreed on a plan at their summit in Jakarta, officials said.",
     ("summit", "Jakarta", None, "asserted")),
    ("The pact was sealed during a summit on Thursday in Vienna.",
     ("summit", "Vienna", "2024-05-09", "asserted")),
    # a planned event: "the next session"
    ("The secretary general announced the next session of the Collective Security Council "
     "in 2025 in Minsk.", ("summit", "Minsk", "2025", "planned")),
    # an earlier event the sentence names in passing
    ("The council welcomed the plan, recalling the 12th meeting, held in Astana, Kazakhstan, "
     "on 3 and 4 July 2019, and its decisions.", ("meeting", "Astana", "2019-07-03", "reported")),
    # a later event word set by "during its", dated by the sentence's opening date
    ("On 2 April 2021, the General Assembly adopted a text on the SCO during its 61st meeting.",
     ("meeting", None, "2021-04-02", "asserted")),
])
def test_events_as_real_pages_write_them(read: Any, text: str,
                                         expected: tuple[Any, ...]) -> None:
    assert expected in events(read(text, "event"))


def test_a_count_of_summits_is_no_event(read: Any) -> None:
    assert read("Over 40 summits have been held since 2001 (30 meetings of the Council of "
                "Heads of State and 10 informal ones).", "event") == []


def agreements(found: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {(f["kind"], tuple(sorted(f["party_ids"])), f["date"], f["modality"])
            for f in found}


@pytest.mark.parametrize(("text", "expected"), [
    # an earlier instrument the sentence names with its date, without signing it
    ("The vote was held under the terms of the 2011 Northern Peace Agreement that ended "
     "the long war.", ("agreement", (), "2011", "reported")),
    ("A 2003 treaty bound the members not to join rival blocs.",
     ("treaty", (), "2003", "reported")),
    ("The Treaty on the Union dated June 3, 2016 lets a state ask for observer status.",
     ("treaty", (), "2016-06-03", "reported")),
    # signatories the sentence does not name; the states it leaves out are no parties, and
    # "the treaty" it renews is no second instrument
    ("Five member states signed a protocol extending the treaty for another term in 2004 "
     "(except Georgia and Moldova).", ("protocol", (), "2004", "asserted")),
    # an organization's own charter: no signatories named
    ("The Charter of the Shanghai Cooperation Organisation was adopted on June 7, 2002.",
     ("charter", (), "2002-06-07", "asserted")),
])
def test_agreements_as_real_pages_write_them(read: Any, text: str,
                                             expected: tuple[Any, ...]) -> None:
    found = agreements(read(text, "agreement"))
    assert expected in found
    assert len(found) == 1


def test_the_states_an_agreement_leaves_out_are_no_parties(read: Any) -> None:
    found = read("Armenia and Russia signed the accord in 2010, apart from Georgia.",
                 "agreement")
    assert {tuple(sorted(f["party_ids"])) for f in found} == {("ARM", "RUS")}


def resolutions(found: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {(f["body_id"], f["number"], f["subject_id"], f["date"], f["effect"], f["modality"])
            for f in found}


def test_a_respectively_list_gives_one_resolution_per_organization(read: Any) -> None:
    text = ("The General Assembly today adopted five resolutions on its work with regional "
            "bodies. The other resolutions covered, respectively, cooperation between the "
            "United Nations and the Shanghai Cooperation Organisation (SCO); the African "
            "Union; and the Association of Southeast Asian Nations (ASEAN).")
    found = resolutions(read(text, "resolution"))
    assert found == {("UNGA", None, org, "2024-05-15", "cooperation", "asserted")
                     for org in ("SCO", "AU", "ASEAN")}


def test_an_earlier_resolution_recalled_is_reported(read: Any) -> None:
    text = ("The General Assembly recalled that in its resolution 68/12 it had welcomed the "
            "work of the African Union.")
    assert ("UNGA", "68/12", "AU", None, "other", "reported") in resolutions(
        read(text, "resolution"))


def foundings(found: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {(f["org_id"], f["date"]) for f in found}


@pytest.mark.parametrize(("text", "expected"), [
    ("The African Union, which began as a club of 32 states in 1963, now counts 55.",
     ("AU", "1963")),
    ("The regional security organization was initially formed in 1992 by six states; "
     "the Collective Security Treaty Organization took its name later.", ("CSTO", "1992")),
    ("The Commonwealth of Independent States, established after the Soviet Union broke up, "
     "meets each year.", ("CIS", None)),
    ("The ministers said they had established the Shanghai Cooperation Organisation in "
     "June 2001.", ("SCO", "2001-06")),
])
def test_foundings_as_real_pages_write_them(read: Any, text: str,
                                            expected: tuple[Any, ...]) -> None:
    assert expected in foundings(read(text, "founding"))


def test_an_undated_founding_needs_an_aside_that_founds(read: Any) -> None:
    assert read("The African Union, established leaders say, is busy.", "founding") == []


@pytest.mark.parametrize(("text", "expected"), [
    # the verb that makes it a plan comes long after the event's name
    ("On 9 June 2024, a meeting of the Council of Foreign Ministers of the Shanghai "
     "Cooperation Organisation will be held in Astana.", ("meeting", "Astana", "2024-06-09",
                                                          "planned")),
    # dated after the article's own day: not held yet
    ("Leaders agreed to review the plan at the ASEAN summit in Vientiane in October.",
     ("summit", "Vientiane", "2024-10", "planned")),
    # put off: the one named is not held, the one it is moved to is planned
    ("The host said it would defer the hosting of the 2023 ASEAN summit to the year 2025.",
     ("summit", None, "2023", "negated")),
    ("The host said it would defer the hosting of the 2023 ASEAN summit to the year 2025.",
     ("summit", None, "2025", "planned")),
])
def test_planned_and_called_off_events_are_not_asserted(read: Any, text: str,
                                                        expected: tuple[Any, ...]) -> None:
    assert expected in events(read(text, "event"))


def test_a_chair_still_to_come_is_planned(read: Any) -> None:
    found = chairs(read("The leaders met in Minsk, setting the stage for Kazakhstan's "
                        "chairmanship of the CIS in 2026.", "chairmanship"))
    assert ("CIS", "KAZ", "2026", "2026", "planned") in found


def test_agreements_with_one_partner_are_one_per_state(read: Any) -> None:
    found = agreements(read("Serbia and Egypt are expected to sign free trade agreements "
                            "with the Eurasian Economic Union later on.", "agreement"))
    assert found == {("agreement", tuple(sorted(("SRB", "EAEU"))), None, "planned"),
                     ("agreement", tuple(sorted(("EGY", "EAEU"))), None, "planned")}


def test_a_joint_statement_takes_the_date_of_the_summit_reported(read: Any) -> None:
    text = ("The ASEAN leaders met at their summit in Jakarta on Monday. \"We agreed to "
            "work together,\" the joint statement of the Association of Southeast Asian "
            "Nations read.")
    statement = next(f for f in read(text, "agreement") if f["kind"] == "joint_statement")
    assert (statement["date"], statement["date_basis"]) == ("2024-05-13", "context")
    assert statement["place"] == "Jakarta"


def test_the_date_of_a_body_set_up_for_an_event_is_not_the_events(read: Any) -> None:
    # the only date is the secretariat's: the summit it prepares gets none, so no fact
    text = ("To prepare for the summit, the host has established the National Summit Office "
            "in March 2023 to oversee the hosting of the summit.")
    assert [f["date"] for f in read(text, "event")] == []


def test_a_year_in_the_site_name_after_a_title_bar_dates_nothing(read: Any) -> None:
    # "| Archive 2015 -2023" names the site's years, not the day Fiji was admitted
    found = read("Fiji Rejoins the Commonwealth | Island Courier Archive 2015 -2023\n\nThe "
                 "Commonwealth readmitted Fiji on Friday.", "membership", published=None)
    joined = [f for f in found if f["state_id"] == "FJI" and f["change"] == "joined"]
    assert joined and all(f.get("date") != "2015" for f in joined)


def test_joining_calls_or_congratulations_joins_no_body(read: Any) -> None:
    assert read("Ukraine joined the calls for NATO to act.", "membership") == []
    assert read("Kenya joins congratulations to the African Union on its anniversary.",
                "membership") == []
