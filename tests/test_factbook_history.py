"""The CIA World Factbook's weekly history 2015-2026: observations beside uncertain answers."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import select

from multilateral.kb import KnowledgeBase
from multilateral.reference.bundle import data_dir, read_csv
from multilateral.reference.factbook import factbook_key
from multilateral.store import schema as s

HISTORY = data_dir() / "cia-factbook-history" / "participation_spells.csv.gz"
TOOL = Path(__file__).resolve().parents[1] / "tools" / "factbook_history.py"
# The Universal Postal Union: COW codes it to 2014 and no table by hand covers it.
ORG = "UPU"
LATER = "2024-01-01"


def history_rows() -> list[dict[str, str]]:
    with gzip.open(HISTORY, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def of_org(org_id: str) -> list[dict[str, str]]:
    """The history's rows for one organization of ours, by the reviewed org_map.csv."""
    mapped = {row["factbook_id"]: row["org_id"]
              for row in read_csv("cia-factbook-orgs/org_map.csv")}
    return [row for row in history_rows()
            if mapped.get(factbook_key(row["factbook_org"])) == org_id]


def test_uncertain_members_after_2014_say_what_the_factbook_listed(kb: KnowledgeBase) -> None:
    result = kb.members(ORG, on=LATER)
    germany = next(st for st in result.uncertain if st.subject.id == "DEU")
    (row,) = [row for row in of_org(ORG) if row["iso3"] == "DEU"]
    assert row["first_seen"] <= LATER <= row["last_seen"]
    assert (f"listed by the CIA World Factbook as member from {row['first_seen']} to "
            f"{row['last_seen']} (observed, not a decision)") in (germany.reason or "")
    # The JSON answer carries the same words.
    as_json = next(m for m in result.as_dict()["uncertain"] if m["id"] == "DEU")
    assert "CIA World Factbook" in as_json["reason"]


def test_a_member_the_factbook_never_listed_says_so(kb: KnowledgeBase) -> None:
    result = kb.members(ORG, on=LATER)
    listed = {row["iso3"] for row in of_org(ORG)}
    unlisted = [st for st in result.uncertain if st.subject.id not in listed]
    assert unlisted, "every COW member of the UPU is in the Factbook: pick another example"
    assert all("not listed by the CIA World Factbook in 2015-2026" in (st.reason or "")
               for st in unlisted)


def test_a_factbook_listing_never_makes_a_member_certain(kb: KnowledgeBase) -> None:
    result = kb.members(ORG, on=LATER)
    assert result.certain == [] and result.counts == {}
    # Nor does it add a state that no source of ours names: every standing is COW's.
    assert all(claim.dataset == "cow-igo-v3" for st in result.uncertain for claim in st.claims)
    assert kb.members(ORG, on=LATER, status="member").certain == []


def test_where_cow_stops_early_its_members_are_uncertain_with_the_factbook_beside(
        kb: KnowledgeBase) -> None:
    # COW codes no ACP member after 2013 (its data "to 2014"), and no table by hand covers
    # the group: the members stay uncertain after 2013, the Factbook's listing beside them.
    result = kb.members("ACP", on=LATER)
    assert result.certain == [] and result.uncertain
    assert all("to 2013" in (st.reason or "") for st in result.uncertain)
    listed = {row["iso3"] for row in of_org("ACP") if row["qualifier"] == "member"
              and not row["preface"] and row["first_seen"] <= LATER <= row["last_seen"]}
    seen = [st for st in result.uncertain if st.subject.id in listed]
    assert seen and all("CIA World Factbook" in (st.reason or "") for st in seen)


def test_before_2015_and_for_curated_tables_nothing_changes(kb: KnowledgeBase) -> None:
    # In COW's years the answer stands on COW alone.
    earlier = kb.members(ORG, on="2010-06-01")
    assert earlier.certain and not any("Factbook" in (st.reason or "")
                                       for st in earlier.certain + earlier.uncertain)
    # Where a table by hand covers the pairs, the table answers and the Factbook is not cited.
    un = kb.members("UN", on=LATER)
    assert un.counts["member"] == 193
    assert not any("Factbook" in (st.reason or "") for st in un.certain + un.uncertain)


def test_the_history_rows_are_well_formed() -> None:
    rows = history_rows()
    assert 1000 < len(rows) < 50_000
    for row in rows:
        first, last = (dt.date.fromisoformat(row[k]) for k in ("first_seen", "last_seen"))
        assert dt.date(2015, 1, 1) <= first <= last <= dt.date(2026, 12, 31), row
        if row["gone_by"]:
            assert dt.date.fromisoformat(row["gone_by"]) > last, row
        assert int(row["sightings"]) >= 1 and len(row["iso3"]) == 3 and row["factbook_org"]
    # Runs of one (country, organization, qualifier) never overlap.
    runs: dict[tuple[str, str, str, str], list[tuple[str, str]]] = {}
    for row in rows:
        key = (row["iso3"], row["factbook_org"], row["qualifier"], row["preface"])
        runs.setdefault(key, []).append((row["first_seen"], row["last_seen"]))
    for spans in runs.values():
        spans.sort()
        assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_the_history_loads_as_dated_observations(kb: KnowledgeBase) -> None:
    o = s.observations
    with kb.engine.connect() as connection:
        loaded = connection.execute(
            select(o.c.observed_lo, o.c.observed_until, o.c.org_id, o.c.member_id)
            .where(o.c.dataset == "cia-factbook-history")).all()
        orgs = set(connection.scalars(select(s.organizations.c.id)))
        states = set(connection.scalars(select(s.states.c.id)))
        claims = connection.execute(select(s.memberships.c.id)
                                    .where(s.memberships.c.dataset.like("cia-factbook%"))).all()
    assert len(loaded) == len(history_rows())
    assert all(row.observed_lo <= row.observed_until for row in loaded)
    assert {row.org_id for row in loaded} - {None} <= orgs
    assert {row.member_id for row in loaded} - {None} <= states
    assert sum(row.org_id == ORG for row in loaded) > 150
    assert claims == []  # observations, never claims


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("factbook_history_tool", TOOL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_tool_reads_qualifiers_prefaces_and_slips(tool: ModuleType) -> None:
    preface, items = tool.parse("AfDB (nonregional member), AU, CIS (associate member, has "
                                "not ratified the charter), G- 9, UN")
    assert preface == ""
    assert items == [("AfDB", "nonregional member"), ("AU", "member"),
                     ("CIS", "associate member, has not ratified the charter"),
                     ("G-9", "member"), ("UN", "member")]
    # A parenthesis left open closes at its comma; a closing note is no organization.
    _, items = tool.parse("OECD (Enhanced Engagement, OPCW, PIF (partner), UN;<br>note - "
                          "a territory, and others")
    assert items == [("OECD", "Enhanced Engagement"), ("OPCW", "member"),
                     ("PIF", "partner"), ("UN", "member")]
    preface, items = tool.parse("before the change, it was a member of these: ADB, UN")
    assert preface == "before the change, it was a member of these"
    assert items == [("ADB", "member"), ("UN", "member")]
