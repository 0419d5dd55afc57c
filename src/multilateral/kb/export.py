"""The knowledge base in the layouts researchers use: every spell with its sources, and the
Correlates of War IGO state-year table extended to the latest full year, so that work built
on COW runs unchanged on newer years.

Each file comes with a README that gives its columns, the rule behind its codes and the
citations of the data in it. Parquet twins are written where pyarrow is installed.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from multilateral.errors import InvalidInput
from multilateral.kb.database import Database
from multilateral.model.dates import PartialDate
from multilateral.model.membership import Claim, standings
from multilateral.model.ranks import founded
from multilateral.reference.states import cow_system_gaps
from multilateral.store import queries

FIRST_YEAR = 1816
# COW's codes: 1 full member, 2 associate, 3 observer; 0 none; -9 missing (here: the
# sources leave it uncertain); -1 the state is not in the state system that year.
CODES = {"member": 1, "suspended": 1, "associate": 2, "observer": 3}
MISSING, NOT_IN_SYSTEM, NONE = -9, -1, 0


@dataclass
class ExportReport:
    directory: Path
    files: dict[str, int] = field(default_factory=dict)  # file name -> rows

    def as_dict(self) -> dict[str, Any]:
        return {"directory": str(self.directory), "files": self.files}


def export(db: Database, directory: Path, last_year: int,
           on_org: Callable[[str], None] | None = None) -> ExportReport:
    """Write spells.csv, state_year.csv and organizations.csv (with a README) in
    `directory`, which must be empty or new, so that no earlier export is mixed in."""
    if directory.exists() and any(directory.iterdir()):
        raise InvalidInput(f"{directory} is not empty: give a new or empty folder, so that "
                           "the files of an earlier export are not mixed with these.")
    directory.mkdir(parents=True, exist_ok=True)
    report = ExportReport(directory)
    with db.connect() as connection:
        orgs = queries.export_organizations(connection)
        dates = queries.founding_dates(connection, [o["id"] for o in orgs])
        states = queries.export_states(connection)
        claims = queries.claims_of(connection, [o["id"] for o in orgs])
    for org in orgs:
        first = founded(dates.get(org["id"], []))
        org["founded"] = str(first[0]) if first else None
        org["dissolved"] = org["dissolved"] or None
    by_org: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_org[claim.org.id].append(claim)
    report.files["organizations.csv"] = _write(
        directory / "organizations.csv",
        [{k: org[k] for k in ("id", "name", "acronym", "founded", "dissolved",
                                   "wikidata_id", "wikidata_source")}
         for org in orgs])
    report.files["spells.csv"] = _write(directory / "spells.csv",
                                        [_spell(c) for c in claims])
    covered = [o for o in orgs if by_org.get(o["id"])]
    codes: dict[tuple[str, int], dict[str, int]] = {}
    for org in covered:
        if on_org is not None:
            on_org(org["id"])
        _code_org(org, by_org[org["id"]], last_year, codes)
    rows = []
    for state in states:
        for year in range(FIRST_YEAR, last_year + 1):
            coded = codes.get((state["id"], year), {})
            in_system = _in_system(state, year)
            if not in_system and not coded:
                continue  # COW lists a state only in its years in the system
            row: dict[str, Any] = {"ccode": state["cow_code"], "stateabb": state["id"],
                                   "statename": state["name"], "year": year}
            for org in covered:
                row[org["id"]] = coded.get(org["id"], NONE if in_system else NOT_IN_SYSTEM)
            rows.append(row)
    report.files["state_year.csv"] = _write(directory / "state_year.csv", rows)
    if importlib.util.find_spec("pyarrow") is not None:
        _parquet(directory)
    (directory / "README.md").write_text(_readme(last_year, len(covered)), encoding="utf-8")
    return report


def _code_org(org: dict[str, Any], claims: list[Claim], last_year: int,
              codes: dict[tuple[str, int], dict[str, int]]) -> None:
    """Each member's code on 31 December of each year the organization existed."""
    first = max(FIRST_YEAR, int(org["founded"][:4])) if org["founded"] else FIRST_YEAR
    last = min(last_year, int(org["dissolved"][:4])) if org["dissolved"] else last_year
    states = [c for c in claims if c.member.type == "state" and not c.pending]
    for year in range(first, last + 1):
        for st in standings(states, PartialDate.of(dt.date(year, 12, 31)),
                            key=lambda c: c.member, context=states):
            if st.certainty == "set_aside":
                continue
            code = CODES.get(st.status or "", NONE) if st.certainty == "certain" else MISSING
            codes.setdefault((st.subject.id, year), {})[org["id"]] = code


def _in_system(state: dict[str, Any], year: int) -> bool:
    start, end = state["system_start"], state["system_end"]
    if start is None:
        return False  # not in COW's state system (a territory, or a state it lacks)
    # COW's state list ends in 2016 for every state then alive: it lives on after it.
    ended = end is not None and end.year < 2016
    if year in cow_system_gaps().get(state["cow_code"], ()):
        return False  # between two of its spells (Germany 1946-1989)
    return start.year <= year and not (ended and year > end.year)


def _spell(claim: Claim) -> dict[str, Any]:
    return {"org_id": claim.org.id, "org_name": claim.org.name,
            "member_type": claim.member.type, "member_id": claim.member.id,
            "member_name": claim.member.name, "status": claim.status,
            "start": claim.start or "", "end": claim.end or "",
            "end_reason": claim.end_reason or "", "decided": claim.decided or "",
            "observed": claim.observed or "", "dataset": claim.dataset,
            "sources": " ".join(src.url or src.id for src in claim.sources),
            "note": claim.note or ""}


def _write(path: Path, rows: list[dict[str, Any]]) -> int:
    with path.open("w", newline="", encoding="utf-8") as handle:
        if rows:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    return len(rows)


def _parquet(directory: Path) -> None:
    from pyarrow import csv as pa_csv
    from pyarrow import parquet

    for name in ("spells", "state_year", "organizations"):
        parquet.write_table(pa_csv.read_csv(directory / f"{name}.csv"),
                            directory / f"{name}.parquet")


def _readme(last_year: int, covered: int) -> str:
    return f"""# multilateral export

Written by `multilateral export` on {dt.date.today().isoformat()}.

## organizations.csv
One row per organization: `id` (COW's `ioname` where COW has it), `name`, `acronym`,
`founded`, `dissolved`, `wikidata_id` with `wikidata_source`, the page it was read from.

## spells.csv
Every membership spell the knowledge base holds, one row per source's claim: `org_id`,
`member_type` (state or organization), `member_id` (ISO 3166 alpha-3 for states), `status`,
`start`, `end` (exclusive), `end_reason`, `decided`, `observed`, `dataset` (which source),
`sources` (its pages), `note`. Dates keep the precision the source gives (YYYY, YYYY-MM or
YYYY-MM-DD). Where sources disagree, each claim is a row of its own.

## state_year.csv
The Correlates of War IGO state-year layout, {FIRST_YEAR}-{last_year}, one column for each of
the {covered} organizations with members: `ccode` (COW state code), `stateabb` (our id,
ISO alpha-3), `statename`, `year`, then one code per organization:
1 full member (a suspended member too), 2 associate member, 3 observer, 0 none (also a
dialogue partner, partner or candidate, and years before an organization's founding or
after its end), -9 missing (the sources leave the status on that day uncertain),
-1 the state is not in the state system that year (COW's state system membership).
The rule: the status held on 31 December of the year, as `multilateral members ORG --on
YEAR-12-31` judges it, curated day-precision tables outranking COW's year-precision codes.

## Citations
- Correlates of War IGO data v3.0 (1816-2014): Pevehouse, Nordstrom, McManus and Jamison
  (2020), "Tracking Organizations in the World: The Correlates of War IGO Version 3.0
  Datasets", Journal of Peace Research 57(3): 492-503; COW State System Membership v2016.
- The tables compiled by hand for multilateral to 2025: each spell's `sources` column
  lists the pages it was compiled from.
- The SCO tables and the CIA World Factbook (observations only, never in these codes).
"""
