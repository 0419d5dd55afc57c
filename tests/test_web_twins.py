"""Twins of the pages: a CSV twin beside the JSON twin for each page that holds a table,
`Link: rel=alternate` headers naming them, and CORS headers on the reads."""

from __future__ import annotations

import csv
import io

from web_support import HTML, bearer, client, token


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_a_page_with_a_table_has_a_csv_twin(web_url: str) -> None:
    with client(web_url) as web:
        members = web.get("/org/SCO/members.csv", params={"on": "2019-11-19"})
        as_json = web.get("/org/SCO/members.json", params={"on": "2019-11-19"}).json()
        org = web.get("/org/SCO.csv", params={"on": "2019-11-19"})
        india = _rows(web.get("/state/IND.csv", params={"on": "2025-06-01"}).text)
        history = _rows(web.get("/org/SCO/history.csv", params={"state": "IND"}).text)
        found = _rows(web.get("/search.csv", params={"q": "shanghai"}).text)
    assert members.status_code == 200
    assert members.headers["content-type"] == "text/csv; charset=utf-8"
    rows = _rows(members.text)
    standings = as_json["members"] + as_json["conflicts"] + as_json["uncertain"]
    assert [r["id"] for r in rows] == [st["id"] for st in standings]
    assert next(r for r in rows if r["id"] == "IND")["status"] == "member"
    assert org.text == members.text  # the organization's page: its members on that date
    assert next(r for r in india if r["id"] == "ASEAN")["status"] == "dialogue_partner"
    assert [(r["change"], r["status"], r["date"]) for r in history][:2] == [
        ("start", "observer", "2005"), ("end", "observer", "2017-06-09")]
    assert {"type": "organization", "id": "SCO"}.items() <= found[0].items()


def test_a_page_without_a_table_says_it_has_no_csv_twin(web_url: str) -> None:
    with client(web_url) as web:
        response = web.get("/index.csv")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "no_csv_twin"
    assert ".json" in response.json()["error"]["message"]


def test_pages_and_twins_name_each_other_in_link_headers(web_url: str) -> None:
    with client(web_url) as web:
        page = web.get("/org/SCO/members", params={"on": "2019"}, headers=HTML)
        twin = web.get("/org/SCO/members.json", params={"on": "2019"})
        home = web.get("/", headers=HTML)
    assert '</org/SCO/members.json?on=2019>; rel="alternate"; type="application/json"' \
        in page.headers["link"]
    assert '</org/SCO/members.csv?on=2019>; rel="alternate"; type="text/csv"' \
        in page.headers["link"]
    assert 'href="/org/SCO/members.csv?on=2019"' in page.text
    assert '</org/SCO/members?on=2019>; rel="alternate"; type="text/html"' \
        in twin.headers["link"]
    assert "application/json" not in twin.headers["link"]
    assert home.headers["link"] == '</index.json>; rel="alternate"; type="application/json"'


def test_reads_send_cors_headers_and_editors_pages_do_not(web_url: str) -> None:
    editor = bearer(token(web_url, "editor"))
    with client(web_url) as web:
        reads = [web.get(path) for path in ("/org/SCO.json", "/state/IND.csv",
                                            "/feeds/articles.atom", "/search.json?q=sco")]
        review = web.get("/review.json", headers=editor)
        whoami = web.get("/api/whoami", headers=editor)
    assert all(r.headers.get("access-control-allow-origin") == "*" for r in reads)
    assert "access-control-allow-origin" not in review.headers
    assert "access-control-allow-origin" not in whoami.headers
