"""Membership tables by hand, one CSV per organization (data/hand/memberships/ORG.csv).

They bring the organizations users ask about most up to 2025, where COW stops in
2014 or leaves statuses uncoded. Each row is one status spell with the pages it
rests on; each page becomes a source of the row, dated when the table gives a
date. A row that breaks the format stops the load with a DataFileError naming
the file, the line, the column and the fix: nothing is half-loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from multilateral.errors import DataFileError, InvalidDate
from multilateral.model.dates import PartialDate, parse_optional
from multilateral.model.status import Status
from multilateral.reference.bundle import Bundle, Row, data_dir, dated, read_csv

DATASET = "hand-memberships"
FOLDER = "hand/memberships"
HEADER = ("org", "member_type", "member_id", "member_name", "status", "start", "end",
          "end_reason", "decided", "source_urls", "source_date", "note")
MEMBER_TYPES = ("state", "organization")
END_REASONS = ("withdrew", "expelled", "suspended", "reinstated", "status_changed", "dissolved",
               "succeeded")
STATUSES = tuple(status.value for status in Status)
# (column, problem, fix) -> the error naming the file, line and value.
Fail = Callable[[str, str, str], DataFileError]


def membership_files() -> list[Path]:
    """The organization tables, in a stable order."""
    return sorted((data_dir() / FOLDER).glob("*.csv"))


def load_memberships(bundle: Bundle) -> None:
    bundle.source(DATASET, "dataset", "Membership tables by hand to 2025",
                  "Compiled by hand for multilateral from the pages each row lists (2026).")
    orgs = {row["id"] for row in bundle.rows["organizations"]}
    states = {row["id"] for row in bundle.rows["states"]}
    for path in membership_files():
        relative = f"{FOLDER}/{path.name}"
        _check_header(path, relative)
        for line, row in enumerate(read_csv(relative), start=2):
            spell = MembershipRow.read(relative, line, row, path.stem, orgs, states)
            membership = bundle.add("memberships", spell.as_row())
            # source_date is the first page's date; the others are undated here.
            bundle.cite("membership", membership, DATASET, *(
                bundle.url_source(url, spell.source_date if position == 0 else None)
                for position, url in enumerate(spell.urls)))


def _check_header(path: Path, relative: str) -> None:
    # utf-8-sig, as read_csv: a byte-order mark from a spreadsheet is no error.
    with path.open(encoding="utf-8-sig") as handle:
        first = handle.readline().strip()
    found = tuple(name.strip() for name in first.split(","))
    if found != HEADER:
        raise DataFileError(
            f"{relative}, line 1: the header is '{first}'. Write exactly "
            f"'{','.join(HEADER)}'.")


@dataclass(frozen=True)
class MembershipRow:
    """One checked row of a membership table."""

    org: str
    member_type: str
    member_id: str
    status: str
    start: PartialDate | None
    end: PartialDate | None
    end_reason: str | None
    decided: PartialDate | None
    urls: list[str]
    source_date: str | None
    note: str | None

    @classmethod
    def read(cls, relative: str, line: int, row: dict[str, str], stem: str,
             orgs: set[str], states: set[str]) -> MembershipRow:
        def fail(column: str, problem: str, fix: str) -> DataFileError:
            value = (row.get(column) or "").strip()
            return DataFileError(f"{relative}, line {line}, column {column} ('{value}'): "
                                 f"{problem}. {fix}")

        cells = {key: (value or "").strip() for key, value in row.items()}
        org = cells["org"]
        if org != stem:
            raise fail("org", f"this file holds {stem}'s memberships",
                       f"Write '{stem}', or move the row to {FOLDER}/{org}.csv.")
        if org not in orgs:
            raise fail("org", "no such organization in the knowledge base",
                       "Add it to hand/organizations.csv with its sources.")
        member_type = cells["member_type"]
        if member_type not in MEMBER_TYPES:
            raise fail("member_type", "unknown member type", "Write state or organization.")
        member_id = cells["member_id"]
        known = states if member_type == "state" else orgs
        if member_id not in known:
            fix = ("Use the ISO 3166 alpha-3 code, or the id `multilateral find NAME` shows."
                   if member_type == "state" else
                   "Use the id `multilateral find NAME` shows, or add the organization to "
                   "hand/organizations.csv.")
            raise fail("member_id", f"no {member_type} with this id", fix)
        status = cells["status"]
        if status not in STATUSES:
            raise fail("status", "unknown status", f"Use one of {', '.join(STATUSES)}.")
        start, end, decided = (cls._date(fail, cells, column)
                               for column in ("start", "end", "decided"))
        # A start no source gives stays empty; but a row needs some date to stand on.
        if start is None and end is None and decided is None:
            raise fail("start", "the row has no date at all",
                       "Give the date the status took effect, its end, or the decision date "
                       "when it is not yet in effect.")
        if start is not None and end is not None and end.hi < start.lo:
            raise fail("end", f"the spell ends before it starts ({start})",
                       "Swap or correct the dates.")
        end_reason = cells["end_reason"] or None
        if end_reason is not None and end_reason not in END_REASONS:
            raise fail("end_reason", "unknown end reason",
                       f"Use one of {', '.join(END_REASONS)}, or leave it empty.")
        urls = cells["source_urls"].split()
        if not urls:
            raise fail("source_urls", "the row has no source",
                       "Give at least one URL the fact rests on.")
        for url in urls:
            if not url.startswith(("https://", "http://")):
                raise fail("source_urls", f"'{url}' is not a URL",
                           "Give http(s) URLs separated by spaces.")
        source_date = cls._date(fail, cells, "source_date")
        return cls(org, member_type, member_id, status, start, end, end_reason, decided, urls,
                   str(source_date) if source_date else None, cells["note"] or None)

    @staticmethod
    def _date(fail: Fail, cells: dict[str, str], column: str) -> PartialDate | None:
        try:
            return parse_optional(cells[column])
        except InvalidDate as exc:
            raise fail(column, f"not a date ({exc.reason})",
                       "Write YYYY, YYYY-MM or YYYY-MM-DD, or leave it empty.") from None

    def as_row(self) -> Row:
        return {
            "org_id": self.org, "member_type": self.member_type, "member_id": self.member_id,
            "status": self.status, **dated("start", self.start), **dated("end", self.end),
            "end_reason": self.end_reason, **dated("decided", self.decided),
            "known_until": None, "note": self.note, "dataset": DATASET,
        }
