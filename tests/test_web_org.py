"""The organization page and its JSON twins: members on a date, timeline, instruments."""

from __future__ import annotations

import re

from multilateral.kb import KnowledgeBase
from web_support import HTML, client


def section(page: str, status: str) -> str:
    found = re.search(rf'<section id="status-{status}".*?</section>', page, re.S)
    assert found, f"no {status} section"
    return found.group(0)


def test_india_is_an_observer_in_2016_and_a_member_in_2019(web_url: str) -> None:
    with client(web_url) as web:
        before = web.get("/org/SCO", params={"on": "2016-01-01"}).text
        after = web.get("/org/SCO", params={"on": "2019-11-19"}).text
    assert "India" in section(before, "observer")
    assert "India" not in section(before, "member")
    assert "India" in section(after, "member")
    assert "India" not in section(after, "observer")
    assert 'value="2019-11-19"' in after  # the date picker shows the date asked about


def test_the_json_twin_carries_what_the_page_shows(web_url: str) -> None:
    with client(web_url) as web:
        data = web.get("/org/SCO.json", params={"on": "2019-11-19"}).json()
    assert data["on"] == "2019-11-19"
    assert data["members"]["counts"] == {"dialogue_partner": 6, "member": 8, "observer": 4}
    assert data["org"]["org"]["id"] == "SCO"
    assert any(name["name"] == "Shanghai Five" for name in data["org"]["names"])
    assert {row["id"] for row in data["timeline"]["rows"]} >= {"IND", "PAK", "CHN"}
    assert data["org"]["instruments"] and data["org"]["events"] and data["org"]["chairs"]
    assert data["articles"] == [] or all("title" in a for a in data["articles"])


def test_members_json_is_the_library_answer(web_url: str) -> None:
    kb = KnowledgeBase(web_url)
    expected = kb.members("SCO", "2019-11-19").as_dict()
    kb.close()
    with client(web_url) as web:
        response = web.get("/org/SCO/members.json", params={"on": "2019-11-19"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == expected


def test_members_page_filters_by_status(web_url: str) -> None:
    with client(web_url) as web:
        data = web.get("/org/SCO/members.json?on=2019-11-19&status=observer").json()
        page = web.get("/org/SCO/members?on=2019-11-19&status=observer").text
    assert data["counts"] == {"observer": 4}
    assert "Mongolia" in section(page, "observer")


def test_the_page_defaults_to_today(web_url: str) -> None:
    with client(web_url) as web:
        data = web.get("/org/sco.json").json()
    assert data["on"] == "2026-11-27"
    assert data["org"]["org"]["id"] == "SCO"  # a name in any case resolves


def test_the_page_shows_names_chairs_instruments_events_conflicts(web_url: str) -> None:
    with client(web_url) as web:
        page = web.get("/org/SCO").text
    assert "Shanghai Five" in page
    for part in ("chairs", "instruments", "events", "conflicts", "timeline", "articles"):
        assert f'id="{part}"' in page, part
    assert "(cow-igo-v3)" in page  # the COW founding date beside the hand table's


def test_the_timeline_has_a_row_per_state_coloured_by_status(web_url: str) -> None:
    with client(web_url) as web:
        response = web.get("/org/SCO/timeline.svg", params={"on": "2019-11-19"})
    assert response.headers["content-type"].startswith("image/svg+xml")
    svg = response.text
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert '<a href="/state/IND">' in svg
    assert re.search(r'class="bar observer"><title>India: observer 2005', svg)
    assert re.search(r'class="bar member"><title>India: member 2017-06-09', svg)
    assert 'class="on"' in svg  # the "as of" line


def test_history_lists_every_change(web_url: str) -> None:
    with client(web_url) as web:
        data = web.get("/org/SCO/history.json", params={"state": "IND"}).json()
        page = web.get("/org/SCO/history", params={"state": "IND"}).text
    assert [(c["change"], c["status"]) for c in data["changes"]][:2] == [
        ("start", "observer"), ("end", "observer")]
    assert "India" in page


def test_unknown_organization_page_says_what_to_do(web_url: str) -> None:
    with client(web_url) as web:
        response = web.get("/org/SCOO", headers=HTML)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Did you mean &#39;SCO&#39;" in response.text


def test_the_page_and_its_twin_show_the_wikidata_id_and_where_it_was_read(web_url: str) -> None:
    with client(web_url) as web:
        page = web.get("/org/NATO", headers=HTML).text
        data = web.get("/org/NATO.json").json()
        brics = web.get("/org/BRICS", headers=HTML).text
    found = re.search(r'<dd id="wikidata">(.*?)</dd>', page)
    assert found, "no Wikidata line on the page"
    assert 'href="https://www.wikidata.org/wiki/Q7184"' in found.group(1)
    assert "supraverden" in found.group(1)  # the page the id was read on
    assert data["org"]["wikidata"]["id"] == "Q7184"
    assert data["org"]["wikidata"]["source"].startswith("https://github.com/confirmordeny/")
    assert 'id="wikidata"' not in brics  # no page gave BRICS an id: none is shown
