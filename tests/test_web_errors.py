"""One JSON error shape for every error: {"error": {"status", "code", "message"}}."""

from __future__ import annotations

from typing import Any

import pytest

from web_support import bearer, client, token


def assert_shape(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) - {"details"} == {"status", "code", "message"}
    assert error["status"] == status and error["code"] == code
    assert isinstance(error["message"], str) and error["message"]
    return dict(error)


@pytest.mark.parametrize(("method", "path", "status", "code"), [
    ("GET", "/org/SCOO.json", 404, "unknown_entity"),
    ("GET", "/state/Atlantis", 404, "unknown_entity"),
    ("GET", "/org/SCO.json?on=2019-13-40", 400, "invalid_date"),
    ("GET", "/org/SCO/members.json?on=1990", 400, "out_of_existence"),
    ("GET", "/org/SCO/members.json?status=king", 400, "invalid_input"),
    ("GET", "/articles/12345678.json", 404, "unknown_article"),
    ("GET", "/articles/abc.json", 422, "invalid_request"),
    ("GET", "/no/such/page", 404, "not_found"),
    ("DELETE", "/org/SCO", 405, "method_not_allowed"),
    ("POST", "/api/articles/1/feature", 401, "unauthorized"),
    ("GET", "/review.json", 401, "unauthorized"),
    ("GET", "/reconcile?queries=nope", 400, "invalid_input"),
])
def test_every_error_has_the_same_shape(web_url: str, method: str, path: str, status: int,
                                        code: str) -> None:
    with client(web_url) as web:
        assert_shape(web.request(method, path), status, code)


def test_messages_say_what_to_do(web_url: str) -> None:
    with client(web_url) as web:
        unknown = assert_shape(web.get("/org/SCOO.json"), 404, "unknown_entity")
        date = assert_shape(web.get("/org/SCO.json?on=2019-13-40"), 400, "invalid_date")
        early = assert_shape(web.get("/org/SCO.json?on=1990"), 400, "out_of_existence")
    assert unknown["message"] == ("Unknown organization 'SCOO'. Did you mean 'SCO' "
                                  "(Shanghai Cooperation Organisation)?")
    assert "Use YYYY, YYYY-MM or YYYY-MM-DD" in date["message"]
    assert "Ask about 2001-06-15 or later" in early["message"]


def test_a_malformed_request_lists_what_is_wrong(web_url: str) -> None:
    editor = token(web_url, "editor")
    with client(web_url) as web:
        error = assert_shape(web.post("/api/candidates/1/review", headers=bearer(editor),
                                      json={"action": "approve"}), 422, "invalid_request")
    assert error["details"][0]["where"] == "body.action"


def test_a_failure_inside_is_a_500_in_the_same_shape(web_url: str) -> None:
    with client(web_url) as web:
        web.app.state.kb.overview = None  # type: ignore[attr-defined]  # break the library
        error = assert_shape(type(web)(web.app, raise_server_exceptions=False)
                             .get("/org/SCO.json"), 500, "internal_error")
    assert "logged" in error["message"]


def test_pages_show_errors_as_html_to_browsers(web_url: str) -> None:
    with client(web_url) as web:
        response = web.get("/org/SCO?on=2019-13-40", headers={"Accept": "text/html"})
    assert response.status_code == 400
    assert "<h1>400: invalid date</h1>" in response.text
