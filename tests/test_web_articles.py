"""Home, article list and article pages, tags and feeds: empty first, then with articles."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

from web_support import SCO_TEXT, add_article, client

ATOM = "{http://www.w3.org/2005/Atom}"


def test_an_empty_knowledge_base_shows_empty_lists(sqlite_url: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    shutil.copyfile(sqlite_url, empty)
    with client(str(empty)) as web:
        home = web.get("/")
        data = web.get("/index.json").json()
        listing = web.get("/articles.json").json()
        feed = web.get("/feeds/articles.atom")
    assert home.status_code == 200 and "No articles yet" in home.text
    assert data["recent"] == data["featured"] == data["tags"] == []
    assert listing["articles"] == []
    assert ET.fromstring(feed.content).findall(f"{ATOM}entry") == []


def test_home_lists_recent_and_featured_articles_and_tags(web_url: str) -> None:
    article_id, _ = add_article(web_url, title="Featured piece", featured=True)
    with client(web_url) as web:
        data = web.get("/index.json").json()
        page = web.get("/").text
    assert article_id in [a["id"] for a in data["recent"]]
    assert article_id in [a["id"] for a in data["featured"]]
    tags = {t["tag"]: t for t in data["tags"]}
    assert tags["SCO"]["kind"] == "organization" and tags["SCO"]["articles"] >= 1
    assert '<a class="tag org" href="/org/SCO">SCO</a>' in page
    assert '<a class="tag state" href="/state/IND">India</a>' in page
    assert '<a class="tag topic" href="/articles?tag=summits">summits</a>' in page
    assert 'href="/feeds/articles.atom"' in page


def test_article_page_highlights_each_fact_with_its_status(web_url: str) -> None:
    article_id, (membership, event) = add_article(web_url, photo_credits=["Jane Roe / SDR"])
    with client(web_url) as web:
        page = web.get(f"/articles/{article_id}").text
        data = web.get(f"/articles/{article_id}.json").json()
    marks = re.findall(r'<mark class="fact (\w+)" title="([^"]*)"><a href="#fact-(\d+)">', page)
    assert [int(m[2]) for m in marks] == [membership, event]
    assert marks[0][0] == "pending" and "status member" in marks[0][1]
    assert f'id="fact-{membership}"' in page
    assert "Photo credits: Jane Roe / SDR" in page
    assert "Published <time>2019-11-20</time>" in page
    assert data["text"].startswith(SCO_TEXT)
    evidence = data["facts"][0]["fact"]["evidence"]
    assert SCO_TEXT[evidence["start"]:evidence["end"]] == evidence["text"]
    assert {t["tag"] for t in data["tags"]} == {"SCO", "India", "summits"}


def test_articles_by_tag_and_by_entity_id(web_url: str) -> None:
    article_id, _ = add_article(web_url, title="Tagged only with a topic",
                                tags=[("energy", "topic", None)])
    with client(web_url) as web:
        by_tag = web.get("/articles.json", params={"tag": "energy"}).json()["articles"]
        about_sco = web.get("/org/SCO.json").json()["articles"]
    assert [a["id"] for a in by_tag] == [article_id]
    assert article_id not in [a["id"] for a in about_sco]
    assert about_sco  # the articles tagged SCO by the other tests


def test_feeds_of_all_articles_and_per_organization_and_state(web_url: str) -> None:
    article_id, _ = add_article(web_url, title="Feed & <friends>")
    with client(web_url) as web:
        every = ET.fromstring(web.get("/feeds/articles.atom").content)
        sco = ET.fromstring(web.get("/feeds/org/SCO.atom").content)
        india = web.get("/feeds/state/India.atom")
        unknown = web.get("/feeds/org/NOPE.atom")
    titles = [e.findtext(f"{ATOM}title") for e in every.findall(f"{ATOM}entry")]
    assert "Feed & <friends>" in titles
    assert sco.findtext(f"{ATOM}title") == "multilateral: Shanghai Cooperation Organisation"
    links = [e.find(f"{ATOM}link").get("href") for e in sco.findall(f"{ATOM}entry")]
    assert f"http://testserver/articles/{article_id}" in links
    assert india.headers["content-type"].startswith("application/atom+xml")
    assert unknown.status_code == 404


def test_unknown_article(web_url: str) -> None:
    with client(web_url) as web:
        response = web.get("/articles/999999.json")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "unknown_article"


def test_the_stylesheet_is_served(web_url: str) -> None:
    with client(web_url) as web:
        css = web.get("/static/site.css")
        page = web.get("/")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert '<link rel="stylesheet" href="/static/site.css">' in page.text
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page.text


def test_head_answers_like_get_without_a_body(web_url: str) -> None:
    with client(web_url) as web:
        feed = web.head("/feeds/articles.atom")
        page = web.head("/org/SCO.json")
    assert feed.status_code == 200 and feed.content == b""
    assert feed.headers["content-type"].startswith("application/atom+xml")
    assert page.status_code == 200 and page.headers["content-type"] == "application/json"


def test_feed_entries_carry_the_publication_date_and_the_facts(web_url: str) -> None:
    dated, _ = add_article(web_url, title="Dated for the feed", published="2019-11-20")
    month, _ = add_article(web_url, title="A month only", published="2019-11")
    with client(web_url) as web:
        feed = ET.fromstring(web.get("/feeds/articles.atom").content)
    entries = {e.findtext(f"{ATOM}title"): e for e in feed.findall(f"{ATOM}entry")}
    day, partial = entries["Dated for the feed"], entries["A month only"]
    assert day.findtext(f"{ATOM}published") == "2019-11-20T00:00:00Z"
    assert partial.find(f"{ATOM}published") is None  # no day is made up for "2019-11"
    summary = day.findtext(f"{ATOM}summary") or ""
    assert "Published 2019-11-20" in summary
    assert "India joined Shanghai Cooperation Organisation as member (2017)" in summary
    assert "summit: SCO summit at Bishkek" in summary
    assert "Published 2019-11." in (partial.findtext(f"{ATOM}summary") or "")
