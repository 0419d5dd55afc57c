"""`conflicts`: where the sources disagree, on both backends, against the bundled data."""

import json

from click.testing import CliRunner

from multilateral.cli import main
from multilateral.kb import KnowledgeBase
from multilateral.model.conflicts import KINDS


def test_cow_and_the_seed_disagree_on_the_scos_founders(kb: KnowledgeBase) -> None:
    found = kb.conflicts("SCO")
    starts = {c.subject for c in found.conflicts if c.kind == "start"}
    assert starts == {"China", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"}
    china = next(c for c in found.conflicts if c.kind == "start" and c.subject == "China")
    assert "1996" in china.description and "2001-06-15" in china.description


def test_a_conflict_keeps_both_sides_with_their_sources(kb: KnowledgeBase) -> None:
    # The 2020 Factbook still had India as an SCO observer; it joined on 2017-06-09.
    india = next(c for c in kb.conflicts("SCO").conflicts
                 if c.kind == "observed_status" and c.subject == "India")
    assert india.datasets == ["cia-factbook-2020", "sco-seed"]
    said = {claim["dataset"]: claim["status"] for claim in india.claims}
    assert said == {"cia-factbook-2020": "observer", "sco-seed": "member"}
    assert all(claim["sources"] for claim in india.claims)
    # The knowledge base's own answer is not changed by the second source.
    members = kb.members("SCO", on="2020-01-15")
    assert "IND" in {st.subject.id for st in members.certain if st.status == "member"}


def test_org_lists_the_same_conflicts(kb: KnowledgeBase) -> None:
    report = {c.description for c in kb.conflicts("AU").conflicts}
    profile = {c.description for c in kb.org("AU").conflicts}
    assert report == profile and report
    # COW codes Mali a member throughout; the AU table has it suspended in 2012.
    assert any(c.kind == "status" and c.subject == "Mali" for c in kb.org("AU").conflicts)


def test_factbook_omissions_and_additions(kb: KnowledgeBase) -> None:
    found = kb.conflicts("SCO").conflicts
    missing = {c.subject for c in found if c.kind == "observed_missing"}
    assert missing == {"Armenia", "Azerbaijan", "Cambodia", "Nepal"}


def test_counts_by_kind_and_by_organization_add_up(kb: KnowledgeBase) -> None:
    found = kb.conflicts()
    assert sum(found.by_kind.values()) == len(found.conflicts)
    assert sum(sum(kinds.values()) for kinds in found.by_org.values()) == len(found.conflicts)
    assert set(found.by_kind) <= set(KINDS)
    assert {"SCO", "AU", "UN", "EU"} <= set(found.by_org)
    # COW alone never disagrees with itself: an organization only COW covers is not compared.
    assert "IADB" not in {org.id for org in found.compared}


def test_conflicts_json_shape(sqlite_url: str) -> None:
    result = CliRunner().invoke(main, ["--db", sqlite_url, "conflicts", "SCO", "--format",
                                       "json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert set(data) == {"org", "total", "by_kind", "by_org", "compared", "conflicts"}
    assert data["org"]["id"] == "SCO" and data["total"] == len(data["conflicts"])
    assert all(set(c) == {"kind", "org", "subject", "description", "datasets", "claims"}
               for c in data["conflicts"])
    conflict = next(c for c in data["conflicts"] if c["kind"] == "observed_status")
    assert [set(claim) for claim in conflict["claims"]] == [
        {"id", "status", "start", "end", "dataset", "note", "sources"}] * 2
    founding = next(c for c in data["conflicts"] if c["kind"] == "founding")
    assert {claim["date"] for claim in founding["claims"]} == {"1996", "2001-06-15"}


def test_conflicts_table_and_csv(sqlite_url: str) -> None:
    table = CliRunner().invoke(main, ["--db", sqlite_url, "conflicts"])
    assert table.exit_code == 0 and table.output.startswith("Sources disagree")
    assert "observed_status" in table.output and "SCO" in table.output
    sheet = CliRunner().invoke(main, ["--db", sqlite_url, "conflicts", "EU", "--format", "csv"])
    assert sheet.output.splitlines()[0] == "org,kind,subject,datasets,description"


def test_org_text_shows_the_conflicts(sqlite_url: str) -> None:
    text = CliRunner().invoke(main, ["--db", sqlite_url, "org", "SCO"]).output
    assert "Sources disagree" in text and "India in SCO: observer" in text


def test_unknown_organization_for_conflicts(sqlite_url: str) -> None:
    result = CliRunner().invoke(main, ["--db", sqlite_url, "conflicts", "SCOO"])
    assert result.exit_code == 2 and "'SCO'" in result.output


def test_a_conflict_shows_from_both_sides(kb: KnowledgeBase) -> None:
    # In June 2012 COW has Mali a member of the AU, the AU table has it suspended: the
    # curated table decides, COW's claim is kept aside on both sides and listed as a conflict.
    members = kb.members("AU", on="2012-06-01")
    mali = next(st for st in members.certain if st.subject.id == "MLI")
    assert mali.status == "suspended" and mali.suspended
    assert {c.dataset for c in mali.claims} == {"hand-memberships"}
    assert {c.dataset for c in mali.outranked} == {"cow-igo-v3"}
    held = kb.memberships("Mali", on="2012-06-01")
    au = next(st for st in held.certain if st.subject.id == "AU")
    assert au.suspended and au.outranked == mali.outranked
    assert any(c.kind == "status" and c.subject == "Mali" for c in kb.conflicts("AU").conflicts)
