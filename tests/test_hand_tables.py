"""The membership tables by hand: every row sourced and valid, no overlapping spells, clear
errors for a broken file."""

import csv
import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pytest

from multilateral.errors import DataFileError
from multilateral.model.dates import PartialDate, parse_optional
from multilateral.reference import build_bundle
from multilateral.reference import bundle as bundle_module
from multilateral.reference import memberships as memberships_module
from multilateral.reference.bundle import Bundle
from multilateral.reference.memberships import HEADER, load_memberships, membership_files

# A note that says why two rows of one member overlap: the sources disagree.
DISAGREEMENT = re.compile(r"disagree|conflict|differ|other source|another source|\bvs\b|"
                          r"\b(first|second|other) row", re.IGNORECASE)


# The tables that shipped with the knowledge base to 2025; more may be added, none may go.
TABLES = {"ASEAN", "AU", "BRICS", "CIS", "COE", "CSTO", "ComSec", "EAEU", "EU", "G20", "NATO",
          "OECD", "OIC", "OSCE", "UN", "UNGA"}


def rows() -> list[tuple[str, int, dict[str, str]]]:
    """Every row of every table; fails when a shipped table is missing or empty, so that the
    tests over these rows cannot pass by finding nothing to check."""
    files = membership_files()
    missing = TABLES - {path.stem for path in files}
    assert not missing, f"no table for {sorted(missing)}"
    found = []
    for path in files:
        before = len(found)
        with path.open(newline="", encoding="utf-8") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                found.append((path.name, line, row))
        assert len(found) > before, f"{path.name} has no rows"
    return found


def test_the_bundled_tables_load() -> None:
    bundle = build_bundle()
    hand = [row for row in bundle.rows["memberships"] if row["dataset"] == "hand-memberships"]
    assert len(hand) == len(rows())


def test_every_row_has_a_source_url_and_valid_values() -> None:
    for name, line, row in rows():
        where = f"{name}:{line}"
        assert row["org"] == name.removesuffix(".csv"), where
        urls = row["source_urls"].split()
        assert urls and all(url.startswith(("http://", "https://")) for url in urls), where
        assert row["status"] in {"member", "associate", "observer", "dialogue_partner",
                                 "partner", "candidate", "suspended"}, where
        for column in ("start", "end", "decided", "source_date"):
            parse_optional(row[column])  # raises on a malformed date
        start, end = parse_optional(row["start"]), parse_optional(row["end"])
        assert start or end or parse_optional(row["decided"]), where
        if start and end:
            assert start.lo <= end.hi, where


def _span(row: dict[str, str]) -> tuple[dt.date, dt.date] | None:
    start = parse_optional(row["start"])
    if start is None:
        return None  # decided, not in effect: no spell yet
    end = parse_optional(row["end"])
    # A spell ends the day its end date begins: "member to 2020-01-31, suspended from
    # 2020-01-31" do not overlap. Coarse dates are given the benefit of the doubt.
    return start.hi, end.lo if end else dt.date.max


def test_no_spell_overlaps_another_of_the_same_member_and_organization() -> None:
    spells: dict[tuple[str, str], list[tuple[str, int, dict[str, str]]]] = defaultdict(list)
    for name, line, row in rows():
        spells[(row["org"], row["member_id"])].append((name, line, row))
    overlapping = []
    for group in spells.values():
        for i, (name, line, a) in enumerate(group):
            for _, other_line, b in group[i + 1:]:
                span_a, span_b = _span(a), _span(b)
                if span_a is None or span_b is None:
                    continue
                if span_a[0] < span_b[1] and span_b[0] < span_a[1]:
                    documented = DISAGREEMENT.search(a["note"]) or DISAGREEMENT.search(b["note"])
                    if not documented:
                        overlapping.append(f"{name}: lines {line} and {other_line} "
                                           f"({a['member_id']})")
    assert not overlapping


@pytest.fixture()
def table_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data folder in place of the bundled one, for broken tables."""
    folder = tmp_path / "hand" / "memberships"
    folder.mkdir(parents=True)
    monkeypatch.setattr(bundle_module, "data_dir", lambda: tmp_path)
    monkeypatch.setattr(memberships_module, "data_dir", lambda: tmp_path)
    return folder


def _load(folder: Path, *lines: str, header: str = ",".join(HEADER)) -> Bundle:
    (folder / "NATO.csv").write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    bundle = Bundle()
    bundle.rows["organizations"].append({"id": "NATO"})
    bundle.rows["states"].append({"id": "FIN"})
    load_memberships(bundle)
    return bundle


GOOD = ("NATO,state,FIN,Finland,member,2023-04-04,,,,https://www.nato.int/cps/en/natohq/"
        "topics_52044.htm,2024-03-07,joined")


def test_a_good_row_loads_with_its_dated_source(table_dir: Path) -> None:
    bundle = _load(table_dir, GOOD)
    [row] = bundle.rows["memberships"]
    assert (row["member_id"], row["start"], row["status"]) == ("FIN", "2023-04-04", "member")
    url = "https://www.nato.int/cps/en/natohq/topics_52044.htm"
    assert bundle.sources[url]["published"] == "2024-03-07"


@pytest.mark.parametrize(("line", "column", "says"), [
    (GOOD.replace("2023-04-04", "2023-04-31"), "start", "day 31 is not in April"),
    (GOOD.replace(",FIN,", ",FINN,"), "member_id", "ISO 3166 alpha-3"),
    (GOOD.replace(",member,", ",ally,"), "status", "Use one of member"),
    (GOOD.replace("https://www.nato.int/cps/en/natohq/topics_52044.htm", ""), "source_urls",
     "at least one URL"),
    (GOOD.replace("https://", "www."), "source_urls", "http(s) URLs"),
    (GOOD.replace("NATO,", "EU,", 1), "org", "move the row to hand/memberships/EU.csv"),
    (GOOD.replace("2023-04-04,,", "2023-04-04,2020,"), "end", "ends before it starts"),
    (GOOD.replace("2023-04-04,,,,", ",,,,"), "start", "no date at all"),
    (GOOD.replace("2023-04-04,,,", "2023-04-04,,left,"), "end_reason", "withdrew"),
])
def test_a_broken_row_names_the_file_the_line_the_column_and_the_fix(
        table_dir: Path, line: str, column: str, says: str) -> None:
    with pytest.raises(DataFileError) as caught:
        _load(table_dir, GOOD, line)
    message = caught.value.message
    assert message.startswith("hand/memberships/NATO.csv, line 3, column " + column), message
    assert says in message


def test_a_wrong_header_says_what_to_write(table_dir: Path) -> None:
    with pytest.raises(DataFileError, match="line 1: .* Write exactly 'org,member_type"):
        _load(table_dir, GOOD, header="org,type,member_id")


def test_a_row_with_too_many_fields(table_dir: Path) -> None:
    with pytest.raises(DataFileError, match="NATO.csv, line 2: more fields"):
        _load(table_dir, GOOD + ",extra")


def test_partial_dates_keep_their_precision(table_dir: Path) -> None:
    bundle = _load(table_dir, GOOD.replace("2023-04-04", "2023-04"))
    [row] = bundle.rows["memberships"]
    assert row["start"] == "2023-04" and row["start_lo"] == PartialDate(2023, 4).lo


def test_a_byte_order_mark_is_no_error(table_dir: Path) -> None:
    (table_dir / "NATO.csv").write_text("\ufeff" + ",".join(HEADER) + "\n" + GOOD + "\n",
                                        encoding="utf-8")
    bundle = Bundle()
    bundle.rows["organizations"].append({"id": "NATO"})
    bundle.rows["states"].append({"id": "FIN"})
    load_memberships(bundle)
    assert [row["member_id"] for row in bundle.rows["memberships"]] == ["FIN"]
