"""The OpenRefine reconciliation service (Reconciliation API 0.2)."""

from __future__ import annotations

import json
from typing import Any

from web_support import HTML, client


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


# -- preview, suggest, data extension, Wikidata ids (Reconciliation API 0.2) -----------------


def test_the_manifest_announces_preview_suggest_and_extension(web_url: str) -> None:
    with client(web_url) as web:
        manifest = web.get("/reconcile").json()
        preview = web.get(manifest["preview"]["url"].replace(
            "http://testserver", "").replace("{{id}}", "SCO"))
        suggest = manifest["suggest"]["entity"]
        suggested = web.get(suggest["service_path"], params={"prefix": "Shanghai Coop"})
        propose = manifest["extend"]["propose_properties"]
        proposed = web.get(propose["service_path"], params={"type": "organization"})
    assert manifest["preview"]["width"] > 0 and manifest["preview"]["height"] > 0
    assert suggest["service_url"] == propose["service_url"] == "http://testserver"
    assert {s["name"] for s in manifest["extend"]["property_settings"]} == {"on", "organization"}
    assert preview.status_code == 200 and suggested.status_code == 200
    assert proposed.status_code == 200


def test_the_preview_is_a_small_page_an_iframe_may_show(web_url: str) -> None:
    with client(web_url) as web:
        org = web.get("/reconcile/preview", params={"id": "SCO"}, headers=HTML)
        state = web.get("/reconcile/preview", params={"id": "IND"}, headers=HTML)
        unheld = web.get("/reconcile/preview", params={"id": "BRICS"}, headers=HTML)
        missing = web.get("/reconcile/preview", params={"id": "NOPE"})
    assert org.headers["content-type"].startswith("text/html")
    assert "frame-ancestors *" in org.headers["content-security-policy"]
    assert "<h1>Shanghai Cooperation Organisation</h1>" in org.text
    assert "Wikidata Q485207" in org.text  # read on a page (hand/wikidata_orgs.csv)
    assert "no Wikidata id held" in unheld.text  # none found for BRICS: said, not made up
    assert "dialogue partners" in org.text and 'href="/entity/SCO"' in org.text
    assert "Wikidata Q668" in state.text and "SCO" in state.text
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "unknown_entity"


def test_suggest_finds_entities_by_name_acronym_and_wikidata_id(web_url: str) -> None:
    with client(web_url) as web:
        by_name = web.get("/reconcile/suggest/entity", params={"prefix": "Shanghai"}).json()
        by_acronym = web.get("/reconcile/suggest/entity", params={"prefix": "ASEAN"}).json()
        by_qid = web.get("/reconcile/suggest/entity", params={"prefix": "Q148"}).json()
        more = web.get("/reconcile/suggest/entity",
                       params={"prefix": "Shanghai", "cursor": 1}).json()
        empty = web.get("/reconcile/suggest/entity", params={"prefix": " "}).json()
    assert by_name["result"][0]["id"] == "SCO"
    assert by_name["result"][0]["notable"] == [{"id": "organization",
                                                "name": "International organization"}]
    assert by_acronym["result"][0]["id"] == "ASEAN"
    assert by_qid["result"][0]["id"] == "CHN"
    assert more["result"] == by_name["result"][1:]
    assert empty == {"result": []}


def test_property_proposals_offer_wikidata_only_where_ids_are_held(web_url: str) -> None:
    with client(web_url) as web:
        orgs = web.get("/reconcile/properties", params={"type": "organization"}).json()
        states = web.get("/reconcile/properties", params={"type": "state", "limit": 2}).json()
        bad = web.get("/reconcile/properties", params={"type": "river"})
    assert {p["id"] for p in orgs["properties"]} == {"members", "member_count", "wikidata"}
    assert "note" not in orgs  # organizations hold Wikidata ids (hand/wikidata_orgs.csv)
    assert states["type"] == "state" and states["limit"] == 2 and len(states["properties"]) == 2
    assert bad.status_code == 400 and "organization, state" in bad.json()["error"]["message"]


def _extend(web: Any, query: dict[str, Any]) -> Any:
    return web.post("/reconcile", data={"extend": json.dumps(query)})


def test_data_extension_gives_members_on_a_date(web_url: str) -> None:
    query = {"ids": ["SCO", "NOPE"],
             "properties": [{"id": "members", "settings": {"on": "2019-11-19"}},
                            {"id": "member_count", "settings": {"on": "2016"}}]}
    with client(web_url) as web:
        answer = _extend(web, query).json()
        by_get = web.get("/reconcile", params={"extend": json.dumps(query)}).json()
    assert answer == by_get
    assert answer["meta"][0] == {"id": "members", "name": "Members on the date",
                                 "type": {"id": "state", "name": "State"}}
    members = {m["id"] for m in answer["rows"]["SCO"]["members"]}
    assert members == {"CHN", "IND", "KAZ", "KGZ", "PAK", "RUS", "TJK", "UZB"}
    assert answer["rows"]["SCO"]["member_count"] == [{"int": 6}]  # before India and Pakistan
    assert answer["rows"]["NOPE"] == {"members": [], "member_count": []}


def test_data_extension_gives_a_states_status_in_an_organization(web_url: str) -> None:
    query = {"ids": ["IND", "IDN", "RUS"],
             "properties": [{"id": "status", "settings": {"organization": "ASEAN",
                                                          "on": "2020"}},
                            {"id": "wikidata"}]}
    with client(web_url) as web:
        answer = _extend(web, query).json()
        unset = _extend(web, {"ids": ["IND"], "properties": [{"id": "status"}]})
        bad_date = _extend(web, {"ids": ["IND"], "properties": [
            {"id": "status", "settings": {"organization": "ASEAN", "on": "soon"}}]})
        bad_shape = _extend(web, {"ids": "IND"})
    rows = answer["rows"]
    assert rows["IND"]["status"] == [{"str": "dialogue partner"}]
    assert rows["IDN"]["status"] == [{"str": "member"}]
    assert rows["IND"]["wikidata"] == [{"str": "Q668"}]
    assert rows["RUS"]["wikidata"] == [{"str": "Q159"}]
    assert unset.status_code == 400 and "organization" in unset.json()["error"]["message"]
    assert bad_date.status_code == 400
    assert bad_date.json()["error"]["code"] == "invalid_date"
    assert bad_shape.status_code == 400 and "ids" in bad_shape.json()["error"]["message"]


def test_queries_accept_wikidata_ids_and_say_when_none_are_held(web_url: str) -> None:
    queries = {"q0": {"query": "Q668"},
               "q1": {"query": "http://www.wikidata.org/entity/Q159", "type": "state"},
               "q2": {"query": "India", "properties": [{"pid": "wikidata", "v": "Q148"}]},
               "q3": {"query": "Q1", "type": "organization"},  # no organization's
               "q4": {"query": "Shanghai Cooperation Organisation",
                      "properties": [{"pid": "wikidata", "v": "Q485207"}]},
               "q5": {"query": "India", "type": ["state"], "limit": 2}}
    with client(web_url) as web:
        answer = web.post("/reconcile", data={"queries": json.dumps(queries)}).json()
        bad_limit = web.post("/reconcile", data={"queries": json.dumps(
            {"q0": {"query": "India", "limit": "many"}})})
    assert [(r["id"], r["match"]) for r in answer["q0"]["result"]] == [("IND", True)]
    assert answer["q1"]["result"][0]["id"] == "RUS"
    assert answer["q2"]["result"][0]["id"] == "CHN"  # the Wikidata id outweighs the name
    assert answer["q3"]["result"] == []
    assert "No organization with Wikidata id Q1" in answer["q3"]["note"]
    assert "holds no Wikidata ids" not in answer["q3"]["note"]
    assert [(r["id"], r["match"]) for r in answer["q4"]["result"]] == [("SCO", True)]
    assert "note" not in answer["q4"]
    assert answer["q5"]["result"][0]["id"] == "IND" and "note" not in answer["q5"]
    assert bad_limit.status_code == 400 and "limit" in bad_limit.json()["error"]["message"]
