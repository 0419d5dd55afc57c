"""The OpenRefine reconciliation service (Reconciliation API 0.2)."""

from __future__ import annotations

import json

from web_support import client


def test_manifest(web_url: str) -> None:
    with client(web_url) as web:
        response = web.get("/reconcile")
    manifest = response.json()
    assert response.headers["access-control-allow-origin"] == "*"
    assert manifest["versions"] == ["0.2"]
    assert {t["id"] for t in manifest["defaultTypes"]} == {"organization", "state"}
    assert manifest["view"]["url"] == "http://testserver/entity/{{id}}"
    assert manifest["identifierSpace"] == "http://testserver/entity/"


def test_queries_match_names_to_our_ids(web_url: str) -> None:
    queries = {"q0": {"query": "Shanghai Cooperation Organization", "type": "organization"},
               "q1": {"query": "Russian Federation", "type": "state"},
               "q2": {"query": "Kazakstan", "type": "state", "limit": 3},
               "q3": {"query": "India"}}
    with client(web_url) as web:
        answer = web.post("/reconcile", data={"queries": json.dumps(queries)}).json()
        by_get = web.get("/reconcile", params={"queries": json.dumps(queries)}).json()
    assert answer == by_get
    sco = answer["q0"]["result"][0]
    assert (sco["id"], sco["match"], sco["score"]) == ("SCO", True, 100)
    assert sco["type"] == [{"id": "organization", "name": "International organization"}]
    assert answer["q1"]["result"][0]["id"] == "RUS" and answer["q1"]["result"][0]["match"]
    fuzzy = answer["q2"]["result"]
    assert fuzzy[0]["id"] == "KAZ" and not fuzzy[0]["match"] and len(fuzzy) <= 3
    assert answer["q3"]["result"][0]["id"] == "IND"


def test_the_view_url_leads_to_the_page(web_url: str) -> None:
    with client(web_url) as web:
        org = web.get("/entity/SCO", follow_redirects=False)
        state = web.get("/entity/KAZ", follow_redirects=False)
        nothing = web.get("/entity/NOPE")
    assert org.headers["location"] == "/org/SCO"
    assert state.headers["location"] == "/state/KAZ"
    assert nothing.status_code == 404


def test_a_bad_batch_is_refused_in_the_error_shape(web_url: str) -> None:
    with client(web_url) as web:
        response = web.post("/reconcile", data={"queries": '["not", "an", "object"]'})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_input"
