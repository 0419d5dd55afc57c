"""One fact once, with all its evidence: a fact the article states in several sentences is
output once, its first span as `evidence` and every other span in `also`, and keeps them
through the store, the review queue, an edit and the JSON API."""

from __future__ import annotations

from typing import Any

import pytest

from multilateral.cli.text import candidate_text
from multilateral.errors import InvalidFact
from multilateral.kb import KnowledgeBase
from multilateral.model.dates import PartialDate
from multilateral.model.fact_form import form_fields
from multilateral.model.facts import Fact
from multilateral.web.markup import highlight
from web_support import bearer, client, token

TEXT = ("Sahel news\n\n"
        "The African Union has suspended Niger from all of its activities.\n\n"
        "The country's army seized power last month.\n\n"
        "Niger was suspended by the African Union until order returns.\n\n"
        "Gabon hosted the council's meeting.\n")


def niger(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in facts if f["type"] == "membership" and f["state_id"] == "NER"]


def test_a_fact_repeated_without_end_keeps_twenty_further_spans(sqlite_url: str) -> None:
    # A page that repeats itself (a scraped feed, a template) must not grow one fact's
    # evidence without bound: reading stays linear and the fact small.
    text = "Sahel news\n\n" + "Niger was suspended by the African Union. " * 50
    kb = KnowledgeBase(sqlite_url)
    document = kb.extract_bytes("loop.txt", text.encode(), published=PartialDate(2023, 8, 23))
    kb.close()
    found = niger(document.as_dict(with_text=True)["facts"])
    assert len(found) == 1 and len(found[0]["also"]) == 20


def test_a_fact_stated_twice_is_one_fact_with_both_spans(sqlite_url: str) -> None:
    kb = KnowledgeBase(sqlite_url)
    document = kb.extract_bytes("note.txt", TEXT.encode(), published=PartialDate(2023, 8, 23))
    kb.close()
    found = niger(document.as_dict(with_text=True)["facts"])
    assert len(found) == 1, found
    fact = found[0]
    assert fact["evidence"]["text"].startswith("The African Union has suspended Niger")
    assert [span["text"] for span in fact["also"]] == [
        "Niger was suspended by the African Union until order returns."]
    for span in (fact["evidence"], *fact["also"]):
        assert document.text[span["start"]:span["end"]] == span["text"]


def test_a_fact_stated_once_keeps_its_old_shape(sqlite_url: str) -> None:
    kb = KnowledgeBase(sqlite_url)
    document = kb.extract_bytes("note.txt", b"Gabon\n\nGabon joined the Commonwealth in 2022.\n",
                                force=True)
    kb.close()
    facts = document.as_dict()["facts"]
    assert facts and all("also" not in f for f in facts)


def test_also_goes_from_json_and_back_and_a_bad_one_is_named() -> None:
    data = {"type": "founding", "org": "Shanghai Cooperation Organisation", "org_id": "SCO",
            "date": "2001", "evidence": {"start": 0, "end": 5, "text": "Found"},
            "also": [{"start": 10, "end": 14, "text": "once"}]}
    assert Fact.from_dict(data).as_dict()["also"] == data["also"]
    assert "also" not in Fact.from_dict({**data, "also": []}).as_dict()
    with pytest.raises(InvalidFact) as refused:
        Fact.from_dict({**data, "also": "the second sentence"})
    assert "also" in refused.value.message
    # an editor's form shows the fields to edit, not the spans
    assert "also" not in {f.name for f in form_fields(data)}


def test_every_span_reaches_the_review_queue_an_edit_and_the_api(writable_url: str) -> None:
    kb = KnowledgeBase(writable_url)
    item = kb.ingest_content("niger.txt", TEXT.encode(), published=PartialDate(2023, 8, 23))
    assert item.article_id is not None
    queue = niger([{**c["fact"], "id": c["id"], "also_context": c["also_context"]}
                   for c in kb.review_queue(item.article_id)])
    kb.close()
    assert len(queue) == 1
    candidate = queue[0]
    assert [c["evidence"] for c in candidate["also_context"]] == [
        span["text"] for span in candidate["also"]]
    assert candidate["also_context"][0]["before"].endswith("last month.\n\n")
    headers = bearer(token(writable_url, "editor"))
    edit = {key: value for key, value in candidate.items()
            if key not in ("id", "also_context", "also", "evidence")}
    with client(writable_url) as web:
        listed = web.get("/review.json", headers=headers).json()["candidates"]
        reviewed = web.post(f"/api/candidates/{candidate['id']}/review", headers=headers,
                            json={"action": "edit", "fact": {**edit, "date": "2023-07-28"}})
        page = web.get(f"/articles/{item.article_id}.json").json()
    shown = [c for c in listed if c["id"] == candidate["id"]][0]
    assert shown["fact"]["also"] == candidate["also"]
    assert reviewed.status_code == 200, reviewed.text
    kept = reviewed.json()["candidate"]["fact"]
    assert kept["date"] == "2023-07-28" and kept["also"] == candidate["also"]
    stored = [f for f in page["facts"] if f["id"] == candidate["id"]][0]
    assert stored["fact"]["also"] == candidate["also"]


def test_the_article_page_and_the_cli_show_every_span() -> None:
    text = "One. Niger joined. Two. Niger joined again."
    fact = {"type": "founding", "org": "X", "evidence": {"start": 5, "end": 18,
                                                         "text": "Niger joined."},
            "also": [{"start": 24, "end": 43, "text": "Niger joined again."}],
            "modality": "asserted"}
    marked = [s["text"] for s in highlight(text, [{"id": 1, "fact": fact}]) if s["facts"]]
    assert marked == ["Niger joined.", "Niger joined again."]
    shown = candidate_text({"id": 1, "article_id": 2, "type": "founding", "confidence": 0.8,
                            "fact": fact})
    assert "also: [Niger joined again.]" in shown
