"""`multilateral export`: spells with sources, and the COW state-year layout extended, each
file described by a README; an existing export is never mixed into."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from multilateral.cli import main

UN_GROWTH = Path(__file__).parent / "data" / "un_growth.csv"


def test_the_state_year_table_counts_what_members_counts(sqlite_url: str, tmp_path: Path
                                                         ) -> None:
    out = tmp_path / "export"
    result = CliRunner().invoke(main, ["--db", sqlite_url, "export", str(out),
                                       "--last-year", "1995"])
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} >= {"README.md", "spells.csv", "state_year.csv",
                                               "organizations.csv"}
    un = Counter()
    codes = set()
    germany_years = set()
    with (out / "state_year.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            un[int(row["year"])] += row["UN"] == "1"
            codes.add(row["UN"])
            if row["stateabb"] == "DEU":
                germany_years.add(int(row["year"]))
            if row["stateabb"] == "OWID_GFR" and row["year"] in ("1972", "1974"):
                assert row["UN"] == ("1" if row["year"] == "1974" else "0")
    published = {int(r["year"]): int(r["members"]) for r in csv.DictReader(
        line for line in UN_GROWTH.open(encoding="utf-8") if not line.startswith("#"))}
    assert {year: un[year] for year in range(1945, 1996)} == \
        {year: published[year] for year in range(1945, 1996)}
    # COW's state system has no Germany between 8 May 1945 and 3 October 1990: the two
    # German states stand in for it, and the layout lists a state only in its system years.
    assert 1945 in germany_years and 1990 in germany_years
    assert not germany_years & set(range(1946, 1990))
    assert codes <= {"1", "0", "-1", "-9", "2", "3"} and "-1" in codes
    with (out / "spells.csv").open(encoding="utf-8") as handle:
        spells = list(csv.DictReader(handle))
    assert spells and all(row["dataset"] and row["sources"] for row in spells)
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "Correlates of War IGO data v3.0" in readme and "31 December" in readme
    again = CliRunner().invoke(main, ["--db", sqlite_url, "export", str(out)])
    assert again.exit_code == 2 and "not empty" in again.output
