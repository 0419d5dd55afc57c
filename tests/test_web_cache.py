"""Public pages answered from memory until the data change, with ETags; never for editors."""

from __future__ import annotations

from pathlib import Path

from multilateral.kb import KnowledgeBase
from multilateral.web.cache import Answer, Answers
from web_support import add_article, bearer, client, token

GOLD = Path(__file__).resolve().parents[1] / "gold" / "articles"


def test_a_page_is_rendered_once_per_data_version(writable_url: str) -> None:
    with client(writable_url) as web:
        first = web.get("/org/SCO")
        second = web.get("/org/SCO")
        twin = web.get("/org/SCO.json")
        assert first.status_code == second.status_code == 200
        assert (first.headers["x-cache"], second.headers["x-cache"]) == ("miss", "hit")
        assert second.text == first.text and twin.headers["x-cache"] == "miss"
        assert first.headers["cache-control"] == "public, no-cache"
        tag = first.headers["etag"]
        unchanged = web.get("/org/SCO", headers={"If-None-Match": tag})
        assert unchanged.status_code == 304 and unchanged.content == b""
        # a write by another process (here: another KnowledgeBase on the same database)
        kb = KnowledgeBase(writable_url)
        add_article(writable_url)
        kb.close()
        after = web.get("/org/SCO")
        assert after.headers["x-cache"] == "miss"
        assert "SCO and the UN" in after.text and "SCO and the UN" not in first.text


def test_editors_and_writes_are_never_cached(writable_url: str) -> None:
    headers = bearer(token(writable_url, "editor"))
    with client(writable_url) as web:
        web.get("/org/SCO")
        as_editor = web.get("/org/SCO", headers=headers)
        review = web.get("/review.json", headers=headers)
        missing = web.get("/org/NOPE")
        missing_again = web.get("/org/NOPE")
    assert "x-cache" not in as_editor.headers and "x-cache" not in review.headers
    assert missing.status_code == missing_again.status_code == 404
    assert "x-cache" not in missing_again.headers


def test_the_store_of_answers_is_bounded() -> None:
    answers = Answers(max_entries=3, max_bytes=1000)
    for number in range(10):
        answers.put((number,), Answer(200, [], b"x" * 100, b'"t"'))
    assert len(answers) == 3 and answers.get((9,)) is not None and answers.get((0,)) is None
    answers.put(("big",), Answer(200, [], b"x" * 900, b'"t"'))  # over an eighth: not kept
    assert answers.get(("big",)) is None


def test_an_organization_page_drawn_once_per_reading_shows_a_new_fact(
        writable_url: str) -> None:
    with client(writable_url) as web:
        before = web.get("/org/SCO", params={"on": "2019-11-19"}).text
        again = web.get("/org/SCO", params={"on": "2019-11-20"}).text  # its sections kept
        kb = KnowledgeBase(writable_url)  # an editor's accept, as from another process
        item = kb.ingest([str(GOLD / "000_seed.txt")]).items[0]
        mou = next(c for c in kb.candidates(item.article_id)
                   if c["fact"].get("party_ids") == ["SCO", "UNODC"])
        kb.review(mou["id"], "accept")
        kb.close()
        after = web.get("/org/SCO", params={"on": "2019-11-21"}).text
    def instruments(page: str) -> str:
        return page.split('<section id="instruments">')[1].split("</section>")[0]
    assert "Office on Drugs and Crime" in instruments(after)
    assert "Office on Drugs and Crime" not in instruments(before) + instruments(again)
    def kept(page: str) -> str:
        return page.split('<section id="chairs">')[1].split('<section id="articles">')[0]
    assert kept(before) == kept(again)
