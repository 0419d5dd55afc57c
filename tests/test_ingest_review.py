"""Ingest and review: articles stored once, facts reviewed into the knowledge base with sources."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import func, select

from multilateral.cli import main
from multilateral.errors import DatabaseError
from multilateral.kb import KnowledgeBase
from multilateral.model.facts import Document, Evidence, Founding
from multilateral.store import schema as s
from multilateral.store.accept import CannotAccept

HERE = Path(__file__).parent / "articles"
GOLD = Path(__file__).resolve().parents[1] / "gold" / "articles"


def run(db: str, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", db, *args])


def count(kb: KnowledgeBase, table: s.Table) -> int:
    with kb.engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(table)) or 0)


def test_same_article_twice_changes_nothing(writable_url: str) -> None:
    first = run(writable_url, "ingest", "--format", "json", str(GOLD / "000_seed.txt"))
    assert first.exit_code == 0, first.output
    report = json.loads(first.stdout)
    assert report["stored"] == 1 and report["items"][0]["facts"] == 21
    second = json.loads(run(writable_url, "ingest", "--format", "json",
                            str(GOLD / "000_seed.txt")).stdout)
    assert second["stored"] == 0 and second["unchanged"] == 1
    kb = KnowledgeBase(writable_url)
    assert count(kb, s.articles) == 1 and count(kb, s.candidates) == 21
    article = kb.article(report["items"][0]["article_id"])
    assert article["photo_credits"] == ["Society & Diplomatic Review"]
    assert all(c["status"] == "pending" for c in article["facts"])
    kb.close()


def test_a_batch_with_a_broken_file_stores_the_rest(writable_url: str, tmp_path: Path) -> None:
    (tmp_path / "broken.html").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "good.html").write_bytes((HERE / "asean_wire.html").read_bytes())
    result = run(writable_url, "ingest", str(tmp_path))
    assert result.exit_code == 1
    assert "broken.html: binary data" in result.output
    assert "1 stored, 0 unchanged, 1 failed" in result.output
    kb = KnowledgeBase(writable_url)
    assert count(kb, s.articles) == 1
    kb.close()


def test_an_article_that_fails_midway_leaves_nothing(writable_url: str) -> None:
    kb = KnowledgeBase(writable_url)
    good = Founding(org="SCO", org_id="SCO", date="2001", evidence=Evidence(0, 4, "test"),
                    confidence=0.9)
    # The article row and its first tag go in; the second tag repeats the first, which
    # both SQLite and PostgreSQL refuse, so the whole article must be rolled back.
    tag = {"tag": "SCO", "kind": "organization", "entity_id": "SCO"}
    document = Document("bad.txt", "f" * 64, "text", tags=[tag, dict(tag)], facts=[good])
    with pytest.raises(DatabaseError, match="Nothing was written"):
        kb.store_document(document)
    assert count(kb, s.articles) == 0 and count(kb, s.article_tags) == 0
    assert count(kb, s.candidates) == 0
    kb.close()


def test_accepted_fact_enters_with_the_article_as_source(writable_url: str) -> None:
    kb = KnowledgeBase(writable_url)
    item = kb.ingest([str(GOLD / "000_seed.txt")]).items[0]
    candidates = kb.candidates(item.article_id)
    mou = next(c for c in candidates if c["fact"].get("party_ids") == ["SCO", "UNODC"])
    result = kb.review(mou["id"], "accept", reviewer="editor")
    assert result.fact_type == "instrument"
    with kb.engine.connect() as connection:
        cited = connection.execute(select(s.fact_sources).where(
            s.fact_sources.c.fact_type == "instrument",
            s.fact_sources.c.fact_id == result.fact_id)).one()
        source = connection.execute(select(s.sources).where(
            s.sources.c.id == cited.source_id)).one()
    assert cited.evidence.startswith("To establish closer ties")
    assert source.kind == "article" and "Third High-Level Event" in source.title
    with pytest.raises(CannotAccept, match="already accepted"):
        kb.review(mou["id"], "reject")
    kb.close()


def test_contradicting_fact_is_kept_as_a_conflict(writable_url: str) -> None:
    kb = KnowledgeBase(writable_url)
    item = kb.ingest([str(HERE / "mongolia_claim.txt")]).items[0]
    candidate = kb.candidates(item.article_id)[0]
    result = kb.review(candidate["id"], "accept")
    assert result.fact_type == "membership"
    assert result.conflicts and "Mongolia" in result.conflicts[0]
    # The curated SCO seed ranks above an article: Mongolia stays an observer, and the
    # article's claim is kept, set aside, for all to see; nothing was overwritten.
    members = kb.members("SCO", on="2019-06")
    mongolia = next(st for st in members.certain if st.subject.id == "MNG")
    assert mongolia.status == "observer"
    assert {c.dataset for c in mongolia.claims} == {"sco-seed"}
    assert {(c.dataset, c.status) for c in mongolia.outranked} == {("articles", "member")}
    kb.close()


def test_an_accepted_claim_shows_in_the_next_answer_of_the_same_process(
        writable_url: str) -> None:
    # The claims an answer is judged on are kept per process: a review must reach them.
    kb = KnowledgeBase(writable_url)
    before = kb.members("SCO", on="2019-06")
    mongolia = next(st for st in before.certain if st.subject.id == "MNG")
    assert not mongolia.outranked
    item = kb.ingest([str(HERE / "mongolia_claim.txt")]).items[0]
    kb.review(kb.candidates(item.article_id)[0]["id"], "accept")
    after = kb.members("SCO", on="2019-06")
    mongolia = next(st for st in after.certain if st.subject.id == "MNG")
    assert {(c.dataset, c.status) for c in mongolia.outranked} == {("articles", "member")}
    kb.close()


def test_same_fact_from_two_articles_is_one_fact_with_two_sources(writable_url: str) -> None:
    """Two stories stating one fact are one candidate: accepted once, it cites both."""
    kb = KnowledgeBase(writable_url)
    report = kb.ingest([str(HERE / "mongolia_claim.txt"), str(HERE / "mongolia_again.txt")])
    first, second = (kb.candidates(item.article_id)[0] for item in report.items)
    queued = next(c for c in kb.review_queue() if c["id"] == first["id"])
    assert queued["stories"] == 2
    assert {source["candidate_id"] for source in queued["sources"]} == {first["id"], second["id"]}
    assert second["id"] not in {c["id"] for c in kb.review_queue()}
    result = kb.review(first["id"], "accept")
    assert result.candidate["sources"] == [item.article_id for item in report.items]
    again = kb.candidates(report.items[1].article_id, status=None)[0]
    assert again["status"] == "accepted"
    ids = [result.fact_id, again["fact_id"]]
    assert ids[0] == ids[1]
    with kb.engine.connect() as connection:
        sources = connection.scalars(select(s.fact_sources.c.source_id).where(
            s.fact_sources.c.fact_type == "membership",
            s.fact_sources.c.fact_id == ids[0])).all()
    assert len(sources) == 2
    kb.close()


def test_edit_reject_and_planned_facts(writable_url: str) -> None:
    kb = KnowledgeBase(writable_url)
    item = kb.ingest([str(HERE / "asean_wire.html")]).items[0]
    candidates = kb.candidates(item.article_id)
    joined = next(c for c in candidates if c["fact"].get("change") == "joined")
    edited = kb.review(joined["id"], "edit", {"date": "2025-10-26", "date_basis": "text"})
    assert edited.candidate["fact"]["date_basis"] == "text"
    on_day = kb.members("ASEAN", on="2025-10-26")
    assert any(st.subject.id == "TLS" and st.status == "member" for st in on_day.certain)
    planned = next(c for c in candidates if c["fact"]["modality"] == "planned")
    result = kb.review(planned["id"], "accept")
    assert result.fact_type is None and "planned" in (result.note or "")
    other = next(c for c in kb.candidates(item.article_id))
    assert kb.review(other["id"], "reject").candidate["status"] == "rejected"
    kb.close()


def test_review_cli_batch_accepts_above_a_confidence(writable_url: str) -> None:
    run(writable_url, "ingest", str(GOLD / "000_seed.txt"))
    listed = run(writable_url, "review", "--list")
    assert listed.exit_code == 0 and "59/48" in listed.output
    result = run(writable_url, "review", "--accept-above", "0.8", "--format", "json")
    data = json.loads(result.stdout)
    # holds facts of an undated article cannot enter: each says why
    assert data["reviewed"] and data["errors"]
    assert all("needs the day" in e for e in data["errors"])
    assert result.exit_code == 1
    kb = KnowledgeBase(writable_url)
    assert {c["type"] for c in kb.candidates()} >= {"membership"}
    kb.close()


def test_five_hundred_pages_with_one_broken(sqlite_url: str, tmp_path: Path) -> None:
    writable_url = str(tmp_path / "batch.db")
    shutil.copyfile(sqlite_url, writable_url)
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(500):
        (pages / f"page{i:03d}.txt").write_text(
            f"Bulletin {i}\n\nPublished 1 March 2024\n\nSweden joined NATO on 7 March 2024, "
            f"bulletin number {i} recalls.\n")
    (pages / "page250.txt").write_bytes(b"\xff\xfe\x00\x00" + bytes(range(256)) * 4)
    result = run(writable_url, "ingest", "--format", "json", str(pages))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert (report["articles"], report["stored"], report["failed"]) == (500, 499, 1)
    failed = next(item for item in report["items"] if item["error"])
    assert failed["source"].endswith("page250.txt")
