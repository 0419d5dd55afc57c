"""Search: full text over articles (FTS5 on SQLite, tsvector on PostgreSQL) and names."""

from __future__ import annotations

from web_support import add_article, client


def test_search_finds_articles_by_their_words(web_url: str) -> None:
    article_id, _ = add_article(web_url, "The Tashkent declaration on counter-narcotics "
                                         "cooperation was adopted.", title="Narcotics",
                                facts=[])
    with client(web_url) as web:
        data = web.get("/search.json", params={"q": "narcotics Tashkent"}).json()
        page = web.get("/search", params={"q": "Tashkent"}).text
    assert [a["id"] for a in data["articles"]] == [article_id]
    assert "\ue000Tashkent\ue001" in data["articles"][0]["snippet"]  # markers, not markup
    assert "<mark>Tashkent</mark>" in page


def test_search_finds_entities_by_name_prefix(web_url: str) -> None:
    with client(web_url) as web:
        data = web.get("/search.json", params={"q": "shanghai coop"}).json()
        state = web.get("/search.json", params={"q": "kazakh"}).json()
    assert data["entities"][0]["id"] == "SCO"
    assert any(e["id"] == "KAZ" and e["type"] == "state" for e in state["entities"])


def test_search_treats_operators_as_words(web_url: str) -> None:
    with client(web_url) as web:
        response = web.get("/search.json", params={"q": '"NEAR( OR * -'})
        empty = web.get("/search.json", params={"q": ""}).json()
    assert response.status_code == 200
    assert empty == {"query": "", "articles": [], "entities": []}
