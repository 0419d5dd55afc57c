"""Security: article text renders inert, forms carry CSRF tokens, writes need the right
token, and guessing tokens is slowed down."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from multilateral.web.auth import CSRF_COOKIE, SESSION_COOKIE
from web_support import add_article, bearer, client, evidence, token

EVIL = ('Summit <script>alert("x")</script> report <img src=x onerror="alert(1)"> '
        'and <a href="javascript:alert(2)">link</a>.')


def test_markup_in_an_article_renders_inert(web_url: str) -> None:
    article_id, _ = add_article(
        web_url, EVIL, title='<script>alert("t")</script>',
        tags=[('<b onmouseover="x()">tag</b>', "topic", None)],
        facts=[{"type": "event", "kind": "summit", "name": "<script>n</script>",
                "confidence": 0.5, "modality": "asserted",
                "evidence": evidence(EVIL, '<img src=x onerror="alert(1)">')}])
    with client(web_url) as web:
        pages = [web.get(f"/articles/{article_id}"), web.get("/"),
                 web.get("/search", params={"q": "summit report"})]
    for response in pages:
        assert response.status_code == 200
        body = response.text
        assert "<script>" not in body and "<img src=x" not in body
        assert not re.search(r"<[^>]*\sonerror=", body)
        assert not re.search(r"<[^>]*\sonmouseover=", body)
        assert 'href="javascript:' not in body
        csp = response.headers["content-security-policy"]
        assert "script-src 'none'" in csp
    article = pages[0].text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in article
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in article


def _login(web: TestClient, secret: str) -> str:
    """Log in through the form as a browser does; returns the page's CSRF token."""
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', web.get("/login").text)
    assert csrf and web.cookies.get(CSRF_COOKIE)
    response = web.post("/login", data={"token": secret, "csrf_token": csrf.group(1)},
                        follow_redirects=False)
    assert response.status_code == 303 and web.cookies.get(SESSION_COOKIE)
    return _csrf(web)


def _csrf(web: TestClient) -> str:
    """The CSRF token the site's forms carry for this browser now."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', web.get("/").text)
    assert found
    return found.group(1)


def test_forms_carry_a_csrf_token_and_are_refused_without_it(writable_url: str) -> None:
    article_id, (candidate, _) = add_article(writable_url)
    with client(writable_url) as web:
        csrf = _login(web, token(writable_url, "editor"))
        queue = web.get("/review").text
        assert f'action="/review/{candidate}"' in queue
        assert f'name="csrf_token" value="{csrf}"' in queue
        assert "<mark>admission of India and Pakistan as full members in 2017</mark>" in queue
        missing = web.post(f"/review/{candidate}", data={"action": "reject"})
        wrong = web.post(f"/review/{candidate}", data={"action": "reject",
                                                       "csrf_token": "forged"})
        done = web.post(f"/review/{candidate}", data={"action": "reject", "csrf_token": csrf},
                        follow_redirects=False)
        article = web.get(f"/articles/{article_id}.json").json()
    assert missing.status_code == wrong.status_code == 403
    assert missing.json()["error"]["code"] == "csrf_failed"
    assert done.status_code == 303
    assert article["facts"][0]["status"] == "rejected"


def test_the_session_cookie_does_not_open_the_api(web_url: str) -> None:
    article_id, _ = add_article(web_url)
    with client(web_url) as web:
        _login(web, token(web_url, "editor"))
        response = web.post(f"/api/articles/{article_id}/feature", json={"featured": True})
    assert response.status_code == 401  # the API takes the Authorization header only


def test_writes_need_a_token_and_a_role_that_may_write(web_url: str) -> None:
    article_id, _ = add_article(web_url)
    reader = token(web_url, "reader")
    editor = token(web_url, "editor")
    path = f"/api/articles/{article_id}/feature"
    with client(web_url) as web:
        anonymous = web.post(path, json={"featured": True})
        as_reader = web.post(path, json={"featured": True}, headers=bearer(reader))
        as_editor = web.post(path, json={"featured": True}, headers=bearer(editor))
        reader_review = web.get("/review.json", headers=bearer(reader))
    assert anonymous.status_code == 401
    assert anonymous.headers["www-authenticate"] == "Bearer"
    assert as_reader.status_code == 403
    assert as_reader.json()["error"]["code"] == "forbidden"
    assert reader_review.status_code == 403
    assert as_editor.status_code == 200 and as_editor.json()["featured"] is True


def test_ten_wrong_tokens_slow_the_wrong_ones_never_a_right_one(web_url: str) -> None:
    editor = token(web_url, "editor")
    now = [1000.0]
    with client(web_url) as web:
        web.app.state.throttle.clock = lambda: now[0]  # type: ignore[attr-defined]

        def wrong(name: str) -> int:
            return web.get("/api/whoami", headers=bearer(f"wrong-{name}")).status_code

        statuses = [wrong(str(i)) for i in range(10)]
        blocked = web.get("/api/whoami", headers=bearer("wrong-under-the-pause"))
        right = web.get("/api/whoami", headers=bearer(editor))
        fresh = wrong("after-a-success")
        more = [wrong(f"more-{i}") for i in range(9)]
        now[0] += 2
        again = wrong("after-the-pause")
        longer = wrong("under-the-second-pause")
        now[0] += 1.5
        still = wrong("still")
        now[0] += 1
        after = wrong("after")
    assert statuses == [401] * 10
    assert blocked.status_code == 429  # a wrong token waits out the pause
    assert blocked.json()["error"]["code"] == "too_many_failures"
    assert int(blocked.headers["retry-after"]) >= 1
    assert right.status_code == 200 and right.json()["role"] == "editor"  # never delayed
    assert fresh == 401 and more == [401] * 9  # a success starts the count again
    assert again == 401  # the first pause (1 s) was over; the 11th failure ...
    assert longer == still == 429  # ... doubles the pause to 2 s
    assert after == 401


def _app(url: str, **settings: Any) -> FastAPI:
    from conftest import TODAY
    from multilateral.web import WebSettings, create_app

    return create_app(WebSettings(database=url, today=TODAY, **settings))


def test_behind_a_trusted_proxy_each_client_is_counted_apart(web_url: str) -> None:
    app = _app(web_url, trusted_proxies="10.0.0.1, 192.168.0.0/16")
    proxy = TestClient(app, client=("10.0.0.1", 40000))
    guesser, editor_address = "203.0.113.5", "198.51.100.7"

    def wrong(forwarded: str, name: str, peer: TestClient = proxy) -> int:
        return peer.get("/api/whoami", headers={**bearer(f"wrong-{name}"),
                                                "X-Forwarded-For": forwarded}).status_code

    guesses = [wrong(guesser, str(i)) for i in range(11)]
    other = wrong(editor_address, "typo")
    spoofed = wrong(f"{editor_address}, {guesser}", "spoofed")  # the proxy appends the peer
    two_proxies = wrong(f"{guesser}, 192.168.1.1", "two-proxies")
    direct = TestClient(app, client=("10.0.0.9", 40000))  # not a trusted proxy
    untrusted = [wrong(f"198.51.100.{i}", f"direct-{i}", direct) for i in range(11)]
    app.state.kb.close()
    assert guesses == [401] * 10 + [429]
    assert other == 401  # another client behind the same proxy is not held up
    assert spoofed == two_proxies == 429  # the guesser is still the guesser
    assert untrusted == [401] * 10 + [429]  # X-Forwarded-For from anyone else is ignored


def test_the_same_wrong_token_from_many_addresses_is_slowed(web_url: str) -> None:
    app = _app(web_url)
    # The pause after the tenth failure is 1 s: a stopped clock keeps a slow machine from
    # letting it run out between the tries.
    app.state.throttle.clock = lambda: 1000.0
    revoked = "mlt_revokedXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
    tries = [TestClient(app, client=(f"198.51.100.{i}", 40000)).get(
        "/api/whoami", headers=bearer(revoked)).status_code for i in range(11)]
    other = TestClient(app, client=("198.51.100.99", 40000)).get(
        "/api/whoami", headers=bearer("mlt_anotherXXXXXXXXX")).status_code
    app.state.kb.close()
    assert tries == [401] * 10 + [429]
    assert other == 401


def test_a_bad_trusted_proxies_setting_is_named() -> None:
    from multilateral.web.auth import trusted_proxies

    with pytest.raises(ValueError, match="MULTILATERAL_TRUSTED_PROXIES: 'proxy.local'"):
        trusted_proxies("127.0.0.1, proxy.local")


def test_tokens_are_stored_hashed(web_url: str) -> None:
    from sqlalchemy import select

    from multilateral.kb import KnowledgeBase
    from multilateral.store import schema as s

    secret = token(web_url, "admin")
    kb = KnowledgeBase(web_url)
    with kb.engine.connect() as connection:
        stored = connection.execute(select(s.api_tokens)).all()
    kb.close()
    assert stored and all(secret not in str(tuple(row)) for row in stored)


def test_login_with_a_wrong_token_is_refused(web_url: str) -> None:
    with client(web_url) as web:
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', web.get("/login").text)
        assert csrf
        response = web.post("/login", data={"token": "mlt_guess", "csrf_token": csrf.group(1)},
                            headers={"Accept": "text/html"})
    assert response.status_code == 401 and "That token is not valid" in response.text
    assert SESSION_COOKIE not in web.cookies


def test_a_browser_without_a_session_is_sent_to_the_login_page(web_url: str) -> None:
    with client(web_url) as web:
        page = web.get("/review", headers={"Accept": "text/html"}, follow_redirects=False)
        twin = web.get("/review.json", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/login"
    assert twin.status_code == 401 and twin.json()["error"]["code"] == "unauthorized"


def _logout(web: TestClient, csrf: str) -> None:
    response = web.post("/logout", data={"csrf_token": csrf}, follow_redirects=False)
    assert response.status_code == 303


def test_the_session_cookie_holds_no_token_and_logging_out_ends_it(web_url: str) -> None:
    secret = token(web_url, "editor")
    with client(web_url) as web:
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', web.get("/login").text)
        assert csrf
        login = web.post("/login", data={"token": secret, "csrf_token": csrf.group(1)},
                         follow_redirects=False)
        session = web.cookies[SESSION_COOKIE]
        before = web.get("/review.json")
        _logout(web, re.findall(r'name="csrf_token" value="([^"]+)"',
                                web.get("/review").text)[-1])
    assert secret not in session and secret not in login.headers["set-cookie"]
    cookie = login.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "secure" not in cookie
    assert before.status_code == 200
    with client(web_url) as replay:
        replay.cookies.set(SESSION_COOKIE, session)
        kept = replay.get("/review.json")
        replay.cookies.set(SESSION_COOKIE, secret)
        as_token = replay.get("/review.json")
    assert kept.status_code == 401  # the copy of the cookie kept after logout opens nothing
    assert "log in again" in kept.json()["error"]["message"]
    assert as_token.status_code == 401  # nor does a token put in the cookie


def test_a_session_ends_with_its_token_and_when_it_expires(web_url: str) -> None:
    secret = token(web_url, "editor")
    admin = bearer(token(web_url, "admin"))
    with client(web_url) as web:
        _login(web, secret)
        alive = web.get("/review.json")
        mine = next(t for t in web.get("/api/tokens", headers=admin).json()["tokens"]
                    if t["last_used_at"] and t["role"] == "editor" and t["revoked_at"] is None
                    and web.get("/api/whoami", headers=bearer(secret)).json()["id"] == t["id"])
        web.delete(f"/api/tokens/{mine['id']}", headers=admin)
        revoked = web.get("/review.json")
    with client(web_url, session_hours=0) as brief:  # a session over as soon as it opens
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', brief.get("/login").text)
        assert csrf
        login = brief.post("/login", data={"token": token(web_url, "editor"),
                                           "csrf_token": csrf.group(1)},
                           follow_redirects=False)
        session = re.search(rf"{SESSION_COOKIE}=([^;]+)", login.headers["set-cookie"])
        assert login.status_code == 303 and session
        brief.cookies.set(SESSION_COOKIE, session.group(1))
        expired = brief.get("/review.json")
    assert alive.status_code == 200
    assert revoked.status_code == expired.status_code == 401


def test_cookies_are_secure_when_the_site_is_served_over_https(web_url: str) -> None:
    from conftest import TODAY
    from multilateral.web import WebSettings, create_app

    app = create_app(WebSettings(database=web_url, today=TODAY, https=True))
    with TestClient(app, base_url="https://testserver") as web:
        form = web.get("/login")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
        assert csrf
        login = web.post("/login", data={"token": token(web_url, "editor"),
                                         "csrf_token": csrf.group(1)}, follow_redirects=False)
        queue = web.get("/review.json")
    assert "secure" in form.headers["set-cookie"].lower()
    assert "secure" in login.headers["set-cookie"].lower()
    assert login.status_code == 303 and queue.status_code == 200


def test_a_planted_cookie_and_field_pair_does_not_pass(writable_url: str) -> None:
    _, (candidate, _) = add_article(writable_url)
    editor = token(writable_url, "editor")
    with client(writable_url) as web:
        web.cookies.set(CSRF_COOKIE, "planted")
        login = web.post("/login", data={"token": editor, "csrf_token": "planted"},
                         follow_redirects=False)
        _login(web, editor)
        web.cookies.set(CSRF_COOKIE, "planted")
        review = web.post(f"/review/{candidate}", data={"action": "reject",
                                                        "csrf_token": "planted"})
        queue = web.get("/review.json").json()["candidates"]
    assert login.status_code == review.status_code == 403
    assert review.json()["error"]["code"] == "csrf_failed"
    assert candidate in [c["id"] for c in queue]  # nothing was done


def test_a_csrf_token_is_good_only_in_its_own_session(writable_url: str) -> None:
    _, (candidate, _) = add_article(writable_url)
    with client(writable_url) as first, client(writable_url) as second:
        mine = _login(first, token(writable_url, "editor"))
        theirs = _login(second, token(writable_url, "editor"))
        crossed = second.post(f"/review/{candidate}", data={"action": "reject",
                                                            "csrf_token": mine})
        own = second.post(f"/review/{candidate}", data={"action": "reject",
                                                        "csrf_token": theirs},
                          follow_redirects=False)
        again = first.get("/review.json").json()["candidates"]
    assert mine != theirs
    assert crossed.status_code == 403 and own.status_code == 303
    assert candidate not in [c["id"] for c in again]


def test_each_security_and_cors_header_comes_once_and_a_page_may_set_its_own(
        web_url: str) -> None:
    with client(web_url) as web:
        page = web.get("/org/SCO", headers={"Accept": "text/html"})
        cached = web.get("/org/SCO", headers={"Accept": "text/html"})
        preview = web.get("/reconcile/preview", params={"id": "SCO"},
                          headers={"Accept": "text/html"})
    for response in (page, cached):
        for name in ("content-security-policy", "x-content-type-options",
                     "referrer-policy", "access-control-allow-origin"):
            assert len(response.headers.get_list(name)) == 1, name
        assert response.headers["x-content-type-options"] == "nosniff"
    assert preview.headers.get_list("content-security-policy") == [
        preview.headers["content-security-policy"]]
    assert "frame-ancestors *" in preview.headers["content-security-policy"]
