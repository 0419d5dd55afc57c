"""The state page: memberships on a date and over time, as table and chart."""

from __future__ import annotations

import re

from web_support import client


def test_memberships_on_a_date(web_url: str) -> None:
    with client(web_url) as web:
        data = web.get("/state/IND.json", params={"on": "2019-11-19"}).json()
        page = web.get("/state/India", params={"on": "2019-11-19"}).text
    sco = [m for m in data["memberships"]["memberships"] if m["id"] == "SCO"]
    assert sco and sco[0]["status"] == "member"
    assert data["state"] == {"type": "state", "id": "IND", "name": "India"}
    assert '<a href="/org/SCO">Shanghai Cooperation Organisation</a>' in page


def test_memberships_over_time_as_a_chart(web_url: str) -> None:
    with client(web_url) as web:
        data = web.get("/state/IND.json").json()
        page = web.get("/state/IND").text
        svg = web.get("/state/IND/timeline.svg").text
    statuses = [bar["status"] for row in data["timeline"]["rows"] if row["id"] == "SCO"
                for bar in row["bars"]]
    assert statuses == ["observer", "member"]
    assert "<svg" in page and '<a href="/org/SCO">' in svg
    spells = page[page.index('<table id="spells">'):]
    assert re.search(r'<a href="/org/SCO">Shanghai Cooperation Organisation</a></td>'
                     r'<td>observer</td><td>2005</td><td>2017-06-09</td><td>sco-seed</td>', spells)


def test_an_organization_that_is_itself_a_member(web_url: str) -> None:
    with client(web_url) as web:
        data = web.get("/state/SCO.json", params={"on": "2010"}).json()
    assert any(m["id"] == "UNGA" and m["status"] == "observer"
               for m in data["memberships"]["memberships"])


def _row(page: str, org: str) -> str:
    """The memberships table's row for `org`."""
    table = page[page.index('<section id="memberships">'):page.index('<section id="timeline">')]
    found = re.search(rf'<tr><td><a href="/org/{org}">.*?</tr>', table)
    assert found, f"no row for {org}"
    return found.group(0)


def test_every_membership_row_says_its_status(web_url: str) -> None:
    with client(web_url) as web:
        india = web.get("/state/IND", params={"on": "2025-06-01"}).text
        turkey = web.get("/state/TUR", params={"on": "2025-06-01"}).text
    assert "<td>dialogue partner</td>" in _row(india, "ASEAN")
    assert "<td>member</td>" in _row(india, "SCO")
    assert "<td>candidate</td>" in _row(turkey, "EU")
    assert "<td>member</td>" in _row(turkey, "NATO")
