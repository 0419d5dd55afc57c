"""Typed facts: one record per type, checked wherever a fact comes from (a rule, a stored
candidate, an editor's edit, a gold file), and the same JSON document out (FACTS.md)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import Table, func, select

from multilateral.cli import main
from multilateral.errors import InvalidFact
from multilateral.kb import KnowledgeBase
from multilateral.model.facts import Evidence, Fact, Membership
from multilateral.store import schema as s
from multilateral.store.accept import CannotAccept

HERE = Path(__file__).parent / "articles"
GOLD = Path(__file__).resolve().parents[1] / "gold" / "articles"
EVIDENCE = {"start": 0, "end": 4, "text": "test"}
VALID: dict[str, dict[str, Any]] = {
    "membership": {"type": "membership", "org": "Shanghai Cooperation Organisation",
                   "org_id": "SCO", "state": "India", "state_id": "IND", "status": "member",
                   "change": "joined", "date": "2017"},
    "agreement": {"type": "agreement", "kind": "mou", "parties": ["SCO", "UNODC"],
                  "party_ids": ["SCO", "UNODC"], "date": "2011-06-14"},
    "resolution": {"type": "resolution", "body": "United Nations General Assembly",
                   "body_id": "UNGA", "number": "59/48", "effect": "observer_status"},
    "event": {"type": "event", "kind": "summit", "name": "SCO summit", "place": "Bishkek"},
    "chairmanship": {"type": "chairmanship", "org": "SCO", "org_id": "SCO",
                     "state": "Kazakhstan", "state_id": "KAZ", "start": "2023"},
    "founding": {"type": "founding", "org": "SCO", "org_id": "SCO", "date": "2001"},
}


def fact(fact_type: str, **changes: Any) -> dict[str, Any]:
    return {**VALID[fact_type], "evidence": EVIDENCE, "confidence": 0.8, "modality": "asserted",
            **changes}


def test_each_type_reads_its_fields_as_attributes() -> None:
    membership = Fact.from_dict(fact("membership"))
    assert isinstance(membership, Membership)
    assert (membership.org_id, membership.state_id, membership.status, membership.change,
            membership.date) == ("SCO", "IND", "member", "joined", "2017")
    assert membership.evidence == Evidence(0, 4, "test") and membership.when == "2017"
    chair = Fact.from_dict(fact("chairmanship"))
    assert chair.when == "2023"  # a chairmanship is dated by its start
    for kind in VALID:
        assert Fact.from_dict(fact(kind)).type == kind


@pytest.mark.parametrize(("kind", "field", "bad"), [
    ("membership", "change", "bogus"), ("membership", "status", "overlord"),
    ("agreement", "kind", "handshake"), ("event", "kind", "picnic"),
    ("resolution", "effect", "annexation"), ("founding", "modality", "rumoured"),
    ("membership", "date_basis", "guessed"),
])
def test_an_unknown_value_is_refused_naming_field_value_and_choices(
        kind: str, field: str, bad: str) -> None:
    with pytest.raises(InvalidFact) as refused:
        Fact.from_dict(fact(kind, **{field: bad}))
    error = refused.value
    assert error.field == field and error.value == bad and error.allowed
    assert f"{field} '{bad}'" in error.message
    assert all(choice in error.message for choice in error.allowed)
    assert error.status == 400 and error.exit_code == 2 and error.code == "invalid_fact"


def test_an_unknown_type_field_or_shape_is_refused() -> None:
    with pytest.raises(InvalidFact, match="type 'treaty'.*membership, agreement"):
        Fact.from_dict(fact("agreement", type="treaty"))
    with pytest.raises(InvalidFact, match="note is not a field"):
        Fact.from_dict(fact("founding", note="founded twice"))
    with pytest.raises(InvalidFact, match="change is missing"):
        Fact.from_dict({k: v for k, v in fact("membership").items() if k != "change"})
    with pytest.raises(InvalidFact, match="date .*must be text"):
        Fact.from_dict(fact("founding", date=2001))
    with pytest.raises(InvalidFact, match="parties .*list of names"):
        Fact.from_dict(fact("agreement", parties="SCO and UNODC"))


def test_a_fact_built_in_code_is_checked_too() -> None:
    """A rule builds its records directly: the same check holds there."""
    with pytest.raises(InvalidFact, match="change 'bogus'"):
        Membership(org_id="SCO", state_id="IND", status="member", change="bogus",  # type: ignore[arg-type]
                   evidence=Evidence(0, 4, "test"))


def test_every_extracted_fact_survives_the_round_trip(sqlite_url: str) -> None:
    """What the review queue stores comes back as the same document, for every fact the
    gold articles give."""
    kb = KnowledgeBase(sqlite_url)
    documents = [d for d in kb.extract([str(GOLD)]) if not isinstance(d, Exception)]
    kb.close()
    facts = [f for d in documents for f in d.facts]
    assert len(documents) >= 41 and len(facts) > 500
    assert {f.type for f in facts} == set(VALID)
    for one in facts:
        stored = json.loads(json.dumps(one.as_dict()))
        assert Fact.from_dict(stored).as_dict() == stored


def count(kb: KnowledgeBase, table: Table) -> int:
    with kb.engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(table)) or 0)


def test_an_edit_with_an_unknown_change_is_refused_and_writes_nothing(
        writable_url: str) -> None:
    kb = KnowledgeBase(writable_url)
    item = kb.ingest([str(HERE / "asean_wire.html")]).items[0]
    joined = next(c for c in kb.candidates(item.article_id)
                  if c["fact"]["type"] == "membership" and c["fact"]["change"] == "joined")
    before = (count(kb, s.memberships), count(kb, s.fact_sources))
    with pytest.raises(CannotAccept) as refused:
        kb.review(joined["id"], "edit", {"change": "bogus"})
    assert "change 'bogus'" in refused.value.message and "joined" in refused.value.message
    assert isinstance(refused.value.__cause__, InvalidFact)
    assert refused.value.__cause__.field == "change"
    assert (count(kb, s.memberships), count(kb, s.fact_sources)) == before
    still = next(c for c in kb.candidates(item.article_id) if c["id"] == joined["id"])
    assert still["status"] == "pending" and still["fact"]["change"] == "joined"
    # the same candidate with a change FACTS.md knows goes in
    accepted = kb.review(joined["id"], "edit", {"change": "joined"})
    assert accepted.fact_type == "membership" and count(kb, s.memberships) == before[0] + 1
    kb.close()


def test_a_gold_file_with_a_bad_fact_names_the_file_and_the_fact(
        sqlite_url: str, tmp_path: Path) -> None:
    shutil.copy(GOLD / "000_seed.txt", tmp_path / "000_seed.txt")
    gold = json.loads((GOLD / "000_seed.gold.json").read_text(encoding="utf-8"))
    gold["facts"][2]["modality"] = "rumoured"
    (tmp_path / "000_seed.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", sqlite_url, "eval", str(tmp_path)])
    assert result.exit_code == 3, result.output
    assert "000_seed.gold.json, fact 3" in result.output
    assert "modality 'rumoured'" in result.output
