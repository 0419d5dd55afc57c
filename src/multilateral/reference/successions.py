"""State succession as data (hand/successions.csv), applied to COW's state codes.

COW codes some states under one code across a succession: 365 is the Soviet Union
and then Russia, 345 the SFRY, the FR Yugoslavia and then Serbia. The knowledge
base keeps each as a state of its own, so a COW spell under such a code is split
on the succession day: the part before belongs to the predecessor. Where the
predecessor has a code of its own (West and East Germany, Czechoslovakia, the two
Yemens, Zanzibar), its COW spells end on the day it ceased to exist (where COW
runs them past it or ends them some time in its year), and a successor that
carries its memberships on (`continued`, `merged`) holds them from that day, not
from some day of the year COW names.

Kinds: `continued` (the successor is the same member: no new admission),
`merged` (the predecessor united with others; the union holds one membership),
`absorbed` (the predecessor joined an existing state; its memberships end),
`dissolved` (the predecessor ceased; its successors are new members).
The curated tables state each organization's own reckoning and are not changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from multilateral.errors import DataFileError, InvalidDate
from multilateral.model.dates import PartialDate
from multilateral.reference.bundle import Bundle, Row, dated, read_csv
from multilateral.reference.hand import DATASET as HAND

FILE = "hand/successions.csv"
KINDS = ("continued", "merged", "absorbed", "dissolved")
CARRY_ON = ("continued", "merged")
COW = "cow-igo-v3"


@dataclass(frozen=True)
class Succession:
    predecessor: str
    successor: str
    day: PartialDate
    kind: str
    sources: tuple[str, ...]
    note: str

    @property
    def end_reason(self) -> str:
        return "dissolved" if self.kind == "dissolved" else "succeeded"


def load_successions(bundle: Bundle) -> list[Succession]:
    """Read and check the table; every page becomes a source."""
    states = {row["id"] for row in bundle.rows["states"]}
    found = [_read(bundle, states, line, row)
             for line, row in enumerate(read_csv(FILE), start=2)]
    # Kept for the store: which states continue which (see `model.lineage`).
    bundle.rows["successions"] = [
        {"predecessor": s.predecessor, "successor": s.successor, "date": str(s.day),
         "kind": s.kind} for s in found]
    return found


def apply_to_cow(bundle: Bundle, successions: list[Succession]) -> None:
    """Give each COW spell the state of its day (see the module's docstring)."""
    coded = {row["id"] for row in bundle.rows["states"] if row["cow_code"] is not None}
    # Latest first: 345's spells go to Serbia and Montenegro, then to the SFRY.
    for succession in sorted(successions, key=lambda s: s.day, reverse=True):
        cow = [row for row in bundle.rows["memberships"] if row["dataset"] == COW]
        if succession.predecessor in coded:
            _clip(bundle, cow, succession)
        else:
            for row in cow:
                if row["member_id"] == succession.successor:
                    _split(bundle, row, succession)


def _split(bundle: Bundle, row: Row, succession: Succession) -> None:
    day = succession.day.lo
    start, end = _dates(row)
    # A spell that begins in the succession's year is the successor's (the CIS, founded
    # by Russia in December 1991): COW gives no day to tell otherwise.
    if start.lo >= day or start.year == day.year:
        return
    if end is not None and end.lo < day:  # over before the succession: all the predecessor's
        row["member_id"] = succession.predecessor
        _cite(bundle, row, succession)
        return
    before = {**{k: v for k, v in row.items() if k != "id"},
              "member_id": succession.predecessor, **dated("end", succession.day),
              "end_reason": succession.end_reason, "known_until": None,
              "note": _note(succession, "before")}
    _cite(bundle, {"id": bundle.add("memberships", before)}, succession)
    row.update(**dated("start", succession.day), note=_note(succession, "from"))
    _cite(bundle, row, succession)


def _clip(bundle: Bundle, cow: list[Row], succession: Succession) -> None:
    day = succession.day.lo
    ended: set[tuple[str, str]] = set()
    for row in cow:
        if row["member_id"] != succession.predecessor:
            continue
        start, end = _dates(row)
        # Open, running past the day, or ending some time in its year: it ends on the day.
        if start.lo < day and (end is None or end.lo > day or end.year == day.year):
            row.update(**dated("end", succession.day), end_reason=succession.end_reason,
                       known_until=None, note=_note(succession, "until"))
            _cite(bundle, row, succession)
            ended.add((row["org_id"], row["status"]))
    if succession.kind not in CARRY_ON:
        return
    for row in cow:
        if row["member_id"] != succession.successor:
            continue
        start, _ = _dates(row)
        if start.year == day.year and start.lo < day and (row["org_id"], row["status"]) in ended:
            row.update(**dated("start", succession.day), note=_note(succession, "carried"))
            _cite(bundle, row, succession)


def _dates(row: Row) -> tuple[PartialDate, PartialDate | None]:
    start = PartialDate.parse(row["start"])
    return start, PartialDate.parse(row["end"]) if row["end"] else None


def _note(succession: Succession, part: str) -> str:
    day = str(succession.day)
    return {
        "before": f"COW codes one state across the succession; before {day} the member is "
                  f"{succession.predecessor} (hand/successions.csv: {succession.kind})",
        "from": f"COW codes one state across the succession; from {day} the member is "
                f"{succession.successor} (hand/successions.csv: {succession.kind})",
        "until": f"ends {day}, when the state was {succession.kind} "
                 f"(hand/successions.csv); COW gives only the year",
        "carried": f"held from {day}, carried on from {succession.predecessor} "
                   f"(hand/successions.csv: {succession.kind}); COW gives only the year",
    }[part]


def _cite(bundle: Bundle, row: Row, succession: Succession) -> None:
    bundle.cite("membership", int(row["id"]), HAND, *succession.sources)


def _read(bundle: Bundle, states: set[str], line: int, row: Row) -> Succession:
    def fail(column: str, problem: str) -> DataFileError:
        return DataFileError(f"{FILE}, line {line}, column {column} "
                             f"('{row.get(column, '')}'): {problem}.")
    for column in ("predecessor", "successor"):
        if row[column] not in states:
            raise fail(column, "no state with this id; use the id `multilateral find "
                               "NAME` shows")
    try:
        day = PartialDate.parse(row["date"])
    except InvalidDate as exc:
        raise fail("date", f"not a date ({exc.reason}); write YYYY-MM-DD") from None
    if day.day is None:
        raise fail("date", "a succession needs its day; write YYYY-MM-DD")
    if row["kind"] not in KINDS:
        raise fail("kind", f"unknown kind; use one of {', '.join(KINDS)}")
    urls = row["source_urls"].split()
    if not urls or not all(url.startswith(("https://", "http://")) for url in urls):
        raise fail("source_urls", "give at least one http(s) URL, separated by spaces")
    return Succession(row["predecessor"], row["successor"], day, row["kind"],
                      tuple(bundle.url_source(url) for url in urls), row["note"])
