"""The Correlates of War IGO data v3: 534 organizations and their status spells, 1816-2014.

COW codes a status per state and year. We read a spell first..last as "held
during each of those years": it starts some time in its first year (year
precision), and ends some time in the year after its last one. A spell still
coded in the IGO's last year of data (2014 for living IGOs) is open: it holds
as far as COW saw, and past that the answer is "uncertain", not "yes".
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re

from multilateral.errors import DataFileError
from multilateral.model.dates import PartialDate
from multilateral.model.status import COW_STATUS
from multilateral.reference.bundle import Bundle, dated, read_csv
from multilateral.reference.states import cow_system_gaps

DATASET = "cow-igo-v3"
CITATION = (
    "Pevehouse, Jon C.W., Timothy Nordstrom, Roseanne W. McManus, Anne Spencer Jamison (2020), "
    "'Tracking Organizations in the World: The Correlates of War IGO Version 3.0 Datasets', "
    "Journal of Peace Research 57(3): 492-503, doi:10.1177/0022343319881175."
)
_ACRONYM = re.compile(r"\s*\(([^()]+)\)\s*$")


def load_cow(bundle: Bundle, state_by_cow: dict[int, str]) -> dict[str, tuple[int, bool]]:
    """Add organizations, foundings and spells; return ioname -> (last year of data, alive)."""
    bundle.source(DATASET, "dataset", "Correlates of War IGO data, version 3.0 (1816-2014)",
                  CITATION, "https://correlatesofwar.org/data-sets/IGOs")
    spells = list(read_csv("cow-igo/state_igo_spells.csv"))
    # Where COW stops coding a living organization for every member at once (ICAO's codes
    # end in 2013, its data "to 2014"), its coding ends there, not each membership: 26
    # organizations would otherwise have no member after their last coded year.
    coded: dict[str, int] = {}
    for row in spells:
        year = row["last_year"]
        if year.isdigit():  # a bad row is reported, with its fix, by _spell below
            coded[row["ioname"]] = max(coded.get(row["ioname"], 0), int(year))
    coverage: dict[str, tuple[int, bool]] = {}
    for row in read_csv("cow-igo/igos.csv"):
        ioname = row["ioname"]
        last = int(row["last_year_in_data"])
        coverage[ioname] = (min(last, coded.get(ioname, last)), not row["deaddate"])
        _organization(bundle, row)
    for row in spells:
        _spell(bundle, row, state_by_cow, coverage)
    return coverage


def _organization(bundle: Bundle, row: dict[str, str]) -> None:
    ioname = row["ioname"]
    long_names = _long_names(row["longorgname"] or row["orgname"])
    first, acronym = _split_acronym(long_names[0])
    dissolved = PartialDate(int(row["deaddate"])) if row["deaddate"] else None
    bundle.add("organizations", {
        "id": ioname, "name": first, "acronym": acronym or ioname, "kind": "igo",
        "parent_id": None, "cow_ioname": ioname, "wikidata_id": None, "wikidata_source": None,
        "website": None,
        **dated("dissolved", dissolved), "dataset": DATASET,
    })
    bundle.name("organization", ioname, first, "canonical", DATASET)
    bundle.name("organization", ioname, ioname, "acronym", DATASET)
    if acronym:
        bundle.name("organization", ioname, acronym, "acronym", DATASET)
    # COW lists other names after a slash without saying which came first.
    for other in long_names[1:]:
        name, other_acronym = _split_acronym(other)
        bundle.name("organization", ioname, name, "alias", DATASET)
        if other_acronym:
            bundle.name("organization", ioname, other_acronym, "acronym", DATASET)
    bundle.name("organization", ioname, clean_name(row["orgname"]), "alias", DATASET)
    founding = bundle.add("foundings", {
        "org_id": ioname, **dated("date", PartialDate(int(row["sdate"]))), "place_id": None,
        "note": None, "dataset": DATASET,
    })
    bundle.cite("founding", founding, DATASET)


# COW's CSV cut long names at 80 characters and carries some accented letters in the Mac
# Roman code page, read as Latin-1 ("Communaut\x8e" for "Communauté", a stray "Ê" for a
# non-breaking space).
COW_NAME_LIMIT = 80
_MAC_ROMAN = re.compile("[\x80-\x9f\xca]")


def clean_name(text: str) -> str:
    """A COW name with its Mac Roman letters restored and its spaces tidied."""
    if _MAC_ROMAN.search(text):
        with contextlib.suppress(UnicodeError):  # a letter beyond Latin-1: not Mac Roman
            text = text.encode("latin-1").decode("mac_roman")
    return " ".join(text.replace("\xa0", " ").split())


def _long_names(cell: str) -> list[str]:
    """The names of a `longorgname` cell (they are separated by slashes). A cell cut at the
    limit loses its last name's end: an open parenthesis is dropped, a later name that was
    cut is left out, and a lone name cut mid-word ends with an ellipsis."""
    names = [clean_name(part) for part in cell.split("/") if part.strip()]
    if len(cell) < COW_NAME_LIMIT or not names:
        return names
    last = names[-1]
    if "(" in last and ")" not in last[last.rindex("("):]:
        names[-1] = last[:last.rindex("(")].strip()
    elif len(names) > 1:
        names.pop()
    else:
        names[-1] = last.rsplit(" ", 1)[0] + " …"
    return [name for name in names if name]


def _split_acronym(name: str) -> tuple[str, str | None]:
    match = _ACRONYM.search(name)
    if not match:
        return name, None
    return name[: match.start()].strip(), match.group(1).strip()


def _spell(bundle: Bundle, row: dict[str, str], state_by_cow: dict[int, str],
           coverage: dict[str, tuple[int, bool]]) -> None:
    try:
        state_id = state_by_cow[int(row["ccode"])]
        status = COW_STATUS[int(row["status"])]
        first, last = int(row["first_year"]), int(row["last_year"])
        last_in_data, alive = coverage[row["ioname"]]
    except (KeyError, ValueError) as exc:
        raise DataFileError(f"cow-igo/state_igo_spells.csv: cannot read row {row}: {exc}") from None
    # The spells file merges a state's coded years without looking at the state system:
    # Germany's BIPM run reads 1875-2014 though COW has no Germany in 1946-1989 (the two
    # German states stand in). Cut a run where its state was out of the system.
    out = cow_system_gaps().get(int(row["ccode"]), frozenset())
    start = first
    for year in range(first, last + 2):
        if year <= last and year not in out:
            continue
        if year > start:
            reason = (f"out of COW's state system after {year - 1}" if year in out
                      else f"COW codes no such status after {year - 1}")
            _add_spell(bundle, row["ioname"], state_id, status.value, start, year - 1,
                       None if alive and year - 1 >= last_in_data else reason)
        start = year + 1


def _add_spell(bundle: Bundle, ioname: str, state_id: str, status: str, first: int, last: int,
               end_reason: str | None) -> None:
    open_ended = end_reason is None
    membership = bundle.add("memberships", {
        "org_id": ioname, "member_type": "state", "member_id": state_id,
        "status": status, **dated("start", PartialDate(first)),
        **dated("end", None if open_ended else PartialDate(last + 1)),
        "end_reason": end_reason,
        **dated("decided", None),
        "known_until": dt.date(last, 12, 31) if open_ended else None,
        "note": None, "dataset": DATASET,
    })
    bundle.cite("membership", membership, DATASET)
