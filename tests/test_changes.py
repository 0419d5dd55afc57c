"""`multilateral changes`: the facts the news reports that the knowledge base lacks or
contradicts, one per fact however many stories state it, on a real store with articles
ingested through the library; the page, its JSON twin and its feed through the real app."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from click.testing import CliRunner
from sqlalchemy import select

from multilateral.cli import main
from multilateral.kb import KnowledgeBase
from multilateral.store import schema as s
from multilateral.store import stories
from multilateral.store.articles import PENDING, candidates
from web_support import HTML, bearer, client, token

HERE = Path(__file__).parent / "articles"
ATOM = "{http://www.w3.org/2005/Atom}"


def _stories(folder: Path) -> list[str]:
    """Two stories that Mongolia became a full SCO member in 2018 (the knowledge base has it
    an observer), an exact copy of the first, one that India became a member in 2017 (held)
    and one that Armenia applied to join the EU (not held: no applications are)."""
    folder.mkdir()
    claim = (HERE / "mongolia_claim.txt").read_text(encoding="utf-8")
    (folder / "mongolia_claim.txt").write_text(claim, encoding="utf-8")
    (folder / "mongolia_again.txt").write_text(
        (HERE / "mongolia_again.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "mongolia_copy.txt").write_text(claim.replace(" ", "   "), encoding="utf-8")
    (folder / "india.txt").write_text(
        "India in the SCO\n\nPublished 10 June 2019\n\nIndia became a full member of the "
        "Shanghai Cooperation Organisation in 2017, diplomats recalled.\n", encoding="utf-8")
    (folder / "armenia.txt").write_text(
        "Armenia and the EU\n\nPublished 3 March 2025\n\nArmenia applied to join the "
        "European Union, officials in Yerevan said.\n", encoding="utf-8")
    return [str(folder)]


def _by_state(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["fact"]["state_id"]: c for c in report["changes"]}


def test_changes_are_the_facts_the_kb_lacks_or_contradicts(writable_url: str,
                                                           tmp_path: Path) -> None:
    kb = KnowledgeBase(writable_url)
    report = kb.ingest(_stories(tmp_path / "news"))
    assert report.failed == 0 and sum(i.created for i in report.items) == 4
    found = _by_state(kb.changes().as_dict())
    assert set(found) == {"MNG", "ARM"}  # India's membership is held: no change
    mongolia, armenia = found["MNG"], found["ARM"]
    assert mongolia["kind"] == "contradicts" and mongolia["verdict"] == "contradicted"
    assert mongolia["stories"] == 2 and mongolia["copies"] == 1
    assert (mongolia["first_seen"], mongolia["last_seen"]) == ("2019-05-20", "2019-06-02")
    assert mongolia["judged_on"] == "2019-05-20"
    assert armenia["kind"] == "new" and armenia["stories"] == 1
    assert set(_by_state(kb.changes(since="2019-06").as_dict())) == {"MNG", "ARM"}
    assert set(_by_state(kb.changes(since="2019-06-03").as_dict())) == {"ARM"}
    assert set(_by_state(kb.changes(org="SCO").as_dict())) == {"MNG"}
    # most stories first, in the review queue too
    queue = kb.review_queue()
    assert queue[0]["id"] == mongolia["candidate_id"] and queue[0]["stories"] == 2
    # accepted once, it cites both stories and leaves the list
    result = kb.review(mongolia["candidate_id"], "accept")
    assert set(_by_state(kb.changes().as_dict())) == {"ARM"}
    with kb.engine.connect() as connection:
        cited = set(connection.scalars(select(s.fact_sources.c.source_id).where(
            s.fact_sources.c.fact_type == "membership",
            s.fact_sources.c.fact_id == result.fact_id)))
    assert cited == {f"article:{a['article']['id']}" for a in mongolia["sources"]}
    kb.close()


def test_changes_command_page_json_and_atom(writable_url: str, tmp_path: Path) -> None:
    kb = KnowledgeBase(writable_url)
    kb.ingest(_stories(tmp_path / "news"))
    expected = kb.changes().as_dict()
    kb.close()
    result = CliRunner().invoke(main, ["--db", writable_url, "changes", "--org", "SCO",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    assert set(_by_state(json.loads(result.output))) == {"MNG"}
    table = CliRunner().invoke(main, ["--db", writable_url, "changes"])
    assert table.exit_code == 0 and "contradicts" in table.output and "2 changes" in table.output
    bad = CliRunner().invoke(main, ["--db", writable_url, "changes", "--since", "June"])
    assert bad.exit_code != 0 and "June" in bad.output
    web = client(writable_url)
    data = web.get("/changes.json")
    assert data.status_code == 200
    assert [c["candidate_id"] for c in data.json()["changes"]] == [
        c["candidate_id"] for c in expected["changes"]]
    assert '</changes>; rel="alternate"; type="text/html"' in data.headers["link"]
    assert '</changes.atom>; rel="alternate"; type="application/atom+xml"' in data.headers["link"]
    html = web.get("/changes?org=SCO")
    assert html.status_code == 200 and "Mongolia" in html.text and "Armenia" not in html.text
    assert "</changes.atom?org=SCO>" in html.headers["link"]
    feed = web.get("/changes.atom")
    assert feed.headers["content-type"].startswith("application/atom+xml")
    entries = ET.fromstring(feed.content).findall(f"{ATOM}entry")
    assert len(entries) == len(expected["changes"])
    terms = {category.get("term") for e in entries for category in e.iter(f"{ATOM}category")}
    assert terms == {"new", "contradicts"}
    assert web.get("/changes.json?since=June").status_code == 400
    review = web.get("/review", headers={**bearer(token(writable_url, "editor")), **HTML})
    assert review.status_code == 200 and "Stated by 2 stories" in review.text


def test_changes_stop_at_the_limit_and_say_there_are_more(writable_url: str,
                                                          tmp_path: Path) -> None:
    """The queue is read a page of identities at a time: a limit of 1 lists the fact most
    stories state and says there are more; the stream gives the groups the full queue
    gives, in its order, whatever the page size."""
    kb = KnowledgeBase(writable_url)
    kb.ingest(_stories(tmp_path / "news"))
    everything = kb.changes().as_dict()
    assert not everything["more"] and everything["limit"] == 50
    first = kb.changes(limit=1).as_dict()
    assert first["more"] and [c["candidate_id"] for c in first["changes"]] == [
        everything["changes"][0]["candidate_id"]]
    assert first["changes"][0]["stories"] == 2
    with kb.engine.connect() as connection:
        whole = stories.grouped(candidates(connection, status=PENDING))
        for page in (1, 2, 3, 200):
            paged = list(stories.streamed(connection, page=page))
            assert [[c["id"] for c in g] for g in paged] == [[c["id"] for c in g]
                                                             for g in whole]
    kb.close()
    cut = CliRunner().invoke(main, ["--db", writable_url, "changes", "--limit", "1"])
    assert cut.exit_code == 0 and "the first 1: --limit lists more" in cut.output
    assert CliRunner().invoke(main, ["--db", writable_url, "changes", "--limit",
                                     "0"]).exit_code == 2
    web = client(writable_url)
    assert len(web.get("/changes.json?limit=1").json()["changes"]) == 1
    assert "show more" in web.get("/changes?limit=1").text
    assert web.get("/changes.json?limit=0").status_code in (400, 422)
