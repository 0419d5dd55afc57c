"""The JSON API: OpenAPI documentation, and the writes (review, feature, ingest) with a token."""

from __future__ import annotations

import re
from pathlib import Path

from web_support import SCO_TEXT, add_article, bearer, client, evidence, token


def test_openapi_documents_the_reads_and_the_writes(web_url: str) -> None:
    with client(web_url) as web:
        docs = web.get("/docs")
        schema = web.get("/openapi.json").json()
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    paths = set(schema["paths"])
    assert {"/org/{ident}", "/org/{ident}/members", "/state/{ident}", "/search", "/articles",
            "/articles/{article_id}", "/reconcile", "/api/candidates/{candidate_id}/review",
            "/api/articles/{article_id}/feature", "/api/articles"} <= paths
    assert "/login" not in paths


def test_the_api_documentation_loads_nothing_from_elsewhere(web_url: str) -> None:
    with client(web_url) as web:
        docs = web.get("/docs").text
        assets = re.findall(r'(?:src|href)="([^"]+)"', docs) + re.findall(
            r"url: ?'([^']+)'", docs)
        fetched = {asset: web.get(asset) for asset in assets}
    assert assets and all(asset.startswith("/") for asset in assets), assets
    assert any(asset.endswith(".js") for asset in assets)
    assert all(response.status_code == 200 for response in fetched.values())
    assert "SwaggerUIBundle" in next(r.text for a, r in fetched.items() if a.endswith(".js"))


def test_review_accept_edit_reject(writable_url: str) -> None:
    article_id, (first, second) = add_article(writable_url)
    # other facts: the same ones would be one candidate with the first article's
    _, (third, fourth) = add_article(writable_url, facts=[
        {"type": "membership", "org": "Shanghai Cooperation Organisation", "org_id": "SCO",
         "state": "Pakistan", "state_id": "PAK", "status": "member", "change": "joined",
         "date": "2017", "confidence": 0.9, "modality": "asserted",
         "evidence": evidence(SCO_TEXT, "admission of India and Pakistan as full members in "
                                        "2017")},
        {"type": "event", "kind": "high_level_event", "name": "SCO at the UN",
         "date": "2019-11-19", "confidence": 0.6, "modality": "asserted",
         "evidence": evidence(SCO_TEXT, "held a high-level event at the UN Headquarters")}])
    headers = bearer(token(writable_url, "editor"))
    edited = {"type": "event", "kind": "summit", "name": "SCO summit", "date": "2019-06-14",
              "place": "Bishkek", "organizer_ids": ["SCO"], "confidence": 1.0,
              "modality": "asserted"}
    with client(writable_url) as web:
        queue = web.get("/review.json", headers=headers).json()["candidates"]
        accepted = web.post(f"/api/candidates/{first}/review", headers=headers,
                            json={"action": "accept"})
        changed = web.post(f"/api/candidates/{second}/review", headers=headers,
                           json={"action": "edit", "fact": edited})
        rejected = web.post(f"/api/candidates/{third}/review", headers=headers,
                            json={"action": "reject"})
        twice = web.post(f"/api/candidates/{first}/review", headers=headers,
                         json={"action": "reject"})
        bad_edit = web.post(f"/api/candidates/{fourth}/review", headers=headers,
                            json={"action": "edit", "fact": {"modality": "rumoured"}})
        missing = web.post("/api/candidates/999999/review", headers=headers,
                           json={"action": "accept"})
        after = web.get("/review.json", headers=headers).json()["candidates"]
        article = web.get(f"/articles/{article_id}.json").json()
        history = web.get("/org/SCO/history.json", params={"state": "IND"}).json()
    mine = [c for c in queue if c["id"] == first][0]
    assert mine["context"]["evidence"] == mine["fact"]["evidence"]["text"]
    assert "India and Pakistan" in mine["context"]["evidence"]
    assert accepted.json()["candidate"]["status"] == "accepted"
    assert accepted.json()["knowledge_base"]["fact_type"] == "membership"
    assert changed.json()["candidate"]["status"] == "accepted"
    assert changed.json()["candidate"]["fact"]["date"] == "2019-06-14"
    assert rejected.json()["candidate"]["status"] == "rejected"
    assert twice.status_code == 422 and twice.json()["error"]["code"] == "cannot_accept"
    assert bad_edit.status_code == 422 and "modality" in bad_edit.json()["error"]["message"]
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "unknown_article"
    assert not {first, second, third} & {c["id"] for c in after}
    assert [f["status"] for f in article["facts"]] == ["accepted", "accepted"]
    cited = [ch["claim"] for ch in history["changes"] if ch["claim"]["dataset"] == "articles"]
    assert cited and cited[0]["sources"][0]["id"] == f"article:{article_id}"


def test_feature_and_unfeature(web_url: str) -> None:
    article_id, _ = add_article(web_url, title="To feature")
    headers = bearer(token(web_url, "admin"))
    with client(web_url) as web:
        on = web.post(f"/api/articles/{article_id}/feature", headers=headers, json={})
        featured = [a["id"] for a in web.get("/index.json").json()["featured"]]
        off = web.post(f"/api/articles/{article_id}/feature", headers=headers,
                       json={"featured": False})
        missing = web.post("/api/articles/999999/feature", headers=headers, json={})
    assert on.json()["featured"] is True and article_id in featured
    assert off.json()["featured"] is False
    assert missing.status_code == 404


def test_whoami_tells_the_role(web_url: str) -> None:
    reader = token(web_url, "reader")
    with client(web_url) as web:
        response = web.get("/api/whoami", headers=bearer(reader))
    assert response.json()["role"] == "reader"


def test_the_editor_pages_work_through_the_browser_session(writable_url: str) -> None:
    article_id, (candidate, _) = add_article(writable_url)
    with client(writable_url) as web:
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', web.get("/login").text)
        assert csrf
        web.post("/login", data={"token": token(writable_url, "editor"),
                                 "csrf_token": csrf.group(1)})
        page = web.get(f"/articles/{article_id}").text
        # the CSRF token is bound to the session: the login form's is no good after login
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert csrf
        featured = web.post(f"/articles/{article_id}/feature",
                            data={"featured": "1", "csrf_token": csrf.group(1)},
                            follow_redirects=False)
        edit = web.post(f"/review/{candidate}", data={
            "action": "edit", "csrf_token": csrf.group(1),
            "fact": '{"type": "membership", "org": "SCO", "state": "India", '
                    '"status": "member", "change": "joined", "date": "2017-06-09"}'},
            follow_redirects=False)
        bad = web.post(f"/review/{candidate}", data={
            "action": "edit", "csrf_token": csrf.group(1), "fact": "{not json"})
        logout = web.post("/logout", data={"csrf_token": csrf.group(1)},
                          follow_redirects=False)
        review_after = web.get("/review.json")
        article = web.get(f"/articles/{article_id}.json").json()
    assert "Feature on the home page" in page and "Log out" in page
    assert featured.status_code == 303 and edit.status_code == 303
    assert bad.status_code == 400 and "not valid JSON" in bad.json()["error"]["message"]
    assert logout.status_code == 303 and review_after.status_code == 401
    assert article["featured"] is True
    assert article["facts"][0]["fact"]["date"] == "2017-06-09"


def test_ingest_the_seed_then_read_it_with_its_facts_and_verdicts(web_url: str,
                                                                  seed_path: Path) -> None:
    body = {"source": "https://example.org/sco-un-2019", "content": seed_path.read_text()}
    editor = bearer(token(web_url, "editor"))
    with client(web_url) as web:
        anonymous = web.post("/api/articles", json=body)
        reader = web.post("/api/articles", json=body, headers=bearer(token(web_url, "reader")))
        stored = web.post("/api/articles", json=body, headers=editor)
        again = web.post("/api/articles", json=body, headers=editor)
        empty = web.post("/api/articles", json={"source": "x", "content": ""}, headers=editor)
        article_id = stored.json()["article_id"]
        page = web.get(f"/articles/{article_id}").text
        data = web.get(f"/articles/{article_id}.json").json()
    assert anonymous.status_code == 401 and reader.status_code == 403
    assert stored.status_code == 200 and stored.json()["created"] and stored.json()["facts"] > 5
    assert again.json()["article_id"] == article_id and not again.json()["created"]
    assert empty.status_code == 422 and empty.json()["error"]["code"] == "unreadable_article"
    assert len(data["facts"]) == stored.json()["facts"]
    verdicts = {claim["verdict"] for claim in data["checks"]["claims"]}
    assert "contradicted" in verdicts  # "over 44%": the World Bank figures give 41.7%
    assert '<h2 id="checks">Claims checked' in page
    assert re.search(r'<span class="claim \w+" title="[^"]*claim contradicted: The 8 members '
                     r'held 41\.7%', page)
    assert page.count('<mark class="fact pending"') >= 5
    assert re.search(r'<a class="badge contradicted" href="#claim-\d+" title="The 8 members', page)


def test_admins_manage_tokens_through_the_api(web_url: str) -> None:
    admin = bearer(token(web_url, "admin"))
    editor = bearer(token(web_url, "editor"))
    with client(web_url) as web:
        refused = web.post("/api/tokens", json={"role": "reader"}, headers=editor)
        made = web.post("/api/tokens", json={"role": "reader", "name": "bot"}, headers=admin)
        new = made.json()
        works = web.get("/api/whoami", headers=bearer(new["token"]))
        listed = web.get("/api/tokens", headers=admin).json()["tokens"]
        revoked = web.delete(f"/api/tokens/{new['id']}", headers=admin)
        after = web.get("/api/whoami", headers=bearer(new["token"]))
    assert refused.status_code == 403
    assert made.status_code == 200 and new["role"] == "reader"
    assert works.json()["role"] == "reader"
    assert new["token"] not in str(listed) and any(t["name"] == "bot" for t in listed)
    assert revoked.json() == {"id": new["id"], "revoked": True}
    assert after.status_code == 401


def test_a_review_batch_goes_on_past_a_bad_item_and_says_so(writable_url: str) -> None:
    _, (first, second) = add_article(writable_url)
    headers = bearer(token(writable_url, "editor"))
    with client(writable_url) as web:
        some = web.post("/api/review", headers=headers,
                        json={"accept": [first, 999999], "reject": [second]})
        none = web.post("/api/review", headers=headers, json={"accept": [first]})
        refused = web.post("/api/review", json={"accept": [first]})
    assert some.status_code == 207
    assert [r["candidate"]["id"] for r in some.json()["reviewed"]] == [first, second]
    assert len(some.json()["errors"]) == 1 and "999999" in some.json()["errors"][0]
    assert none.status_code == 422 and "already accepted" in none.json()["errors"][0]
    assert refused.status_code == 401


def test_an_edit_with_an_unknown_change_is_refused_in_the_error_shape(writable_url: str) -> None:
    _, (membership, _) = add_article(writable_url)
    headers = bearer(token(writable_url, "editor"))
    with client(writable_url) as web:
        refused = web.post(f"/api/candidates/{membership}/review", headers=headers,
                           json={"action": "edit", "fact": {"change": "bogus"}})
        queue = web.get("/review.json", headers=headers).json()["candidates"]
        history = web.get("/org/SCO/history.json", params={"state": "IND"}).json()
    error = refused.json()["error"]
    assert refused.status_code == 422
    assert error["status"] == 422 and error["code"] == "cannot_accept"
    assert "change 'bogus'" in error["message"] and "joined" in error["message"]
    assert membership in {c["id"] for c in queue}  # still waiting for a decision
    assert not [ch for ch in history["changes"] if ch["claim"]["dataset"] == "articles"]


def test_a_fact_tied_to_no_organization_cannot_be_accepted(writable_url: str) -> None:
    _, (_, event) = add_article(writable_url)  # a summit in Bishkek, no organizer named
    _, (_, other) = add_article(writable_url)
    headers = bearer(token(writable_url, "editor"))
    with client(writable_url) as web:
        refused = web.post(f"/api/candidates/{event}/review", headers=headers,
                           json={"action": "accept"})
        unknown = web.post(f"/api/candidates/{other}/review", headers=headers,
                           json={"action": "edit", "fact": {"organizer_ids": ["NOPE"]}})
        linked = web.post(f"/api/candidates/{event}/review", headers=headers,
                          json={"action": "edit", "fact": {"organizer_ids": ["SCO"]}})
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "cannot_accept"
    assert "organization" in refused.json()["error"]["message"]
    assert "organizer_ids" in refused.json()["error"]["message"]
    assert unknown.status_code == 422 and "NOPE" in unknown.json()["error"]["message"]
    assert linked.status_code == 200
    assert linked.json()["knowledge_base"]["fact_type"] == "event"


def test_the_review_page_edits_a_fact_field_by_field(writable_url: str) -> None:
    article_id, (membership, event) = add_article(writable_url)
    with client(writable_url) as web:
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', web.get("/login").text)
        assert csrf
        web.post("/login", data={"token": token(writable_url, "editor"),
                                 "csrf_token": csrf.group(1)})
        page = web.get("/review").text
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert csrf
        form = page[page.index(f'action="/review/{membership}"'):]
        form = form[:form.index("</form>")]
        fields = dict(re.findall(r'<input id="[^"]+" name="(f\.[^"]+)" value="([^"]*)"', form))
        date = web.post(f"/review/{membership}", follow_redirects=False, data={
            **fields, "f.date": "2017-06-09", "action": "edit", "csrf_token": csrf.group(1)})
        organizer = web.post(f"/review/{event}", follow_redirects=False, data={
            "f.organizer_ids[]": "SCO\n", "action": "edit", "csrf_token": csrf.group(1)})
        facts = web.get(f"/articles/{article_id}.json").json()["facts"]
    assert 'name="fact"' not in page  # no JSON to write by hand
    assert fields["f.state_id"] == "IND" and fields["f.date"] == "2017"
    assert fields["f.modality"] == "asserted" and "f.evidence" not in fields
    assert 'name="f.organizer_ids[]"' in page  # shown though the reader found none
    assert date.status_code == organizer.status_code == 303
    assert facts[0]["status"] == "accepted" and facts[0]["fact"]["date"] == "2017-06-09"
    assert facts[0]["fact"]["state_id"] == "IND"
    assert facts[1]["status"] == "accepted" and facts[1]["fact"]["organizer_ids"] == ["SCO"]


def test_ingest_takes_the_articles_date(writable_url: str) -> None:
    content = ("Bloc news\n\nThe African Union suspended Mali yesterday, the commission "
               "said in a short note.\n")
    editor = bearer(token(writable_url, "editor"))
    with client(writable_url) as web:
        stored = web.post("/api/articles", headers=editor, json={
            "source": "https://example.org/au-note", "content": content,
            "published": "2021-06-02"})
        bad = web.post("/api/articles", headers=editor, json={
            "source": "https://example.org/au-other", "content": content,
            "published": "June 2nd"})
        data = web.get(f"/articles/{stored.json()['article_id']}.json").json()
    assert stored.status_code == 200, stored.text
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_date"
    assert data["published"] == "2021-06-02"
    suspension = next(f["fact"] for f in data["facts"] if f["fact"]["type"] == "membership")
    assert suspension["date"] == "2021-06-01"
