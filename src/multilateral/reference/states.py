"""States and territories: the OWID crosswalk joined to ISO 3166 (pycountry) and COW codes."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json

import pycountry

from multilateral.errors import DataFileError
from multilateral.reference.bundle import Bundle, read_csv

CROSSWALK = "owid-crosswalk"
COW = "cow-igo-v3"
# Regions in the crosswalk that carry no member list but are not states either.
_NOT_STATES = {"OWID_MNS", "OWID_PYA"}


# Where the crosswalk's short name is not the one the state itself and the UN use
# (the crosswalk's name stays an alias).
_SHORT_NAMES = {"TLS": "Timor-Leste"}


def load_states(bundle: Bundle) -> dict[int, str]:
    """Add every state; return COW country code -> state id for the membership loader."""
    bundle.source(
        CROSSWALK, "dataset", "Our World in Data country crosswalk (2022-11-19, MIT)",
        "Our World in Data, owid-grapher CountriesRegions.ts, commit c7402d1 (2022).",
        "https://github.com/owid/owid-grapher",
    )
    cow_states = _cow_system_membership()
    by_cow: dict[int, str] = {}
    for row in read_csv("country-crosswalk/owid_countries_regions.csv"):
        if row["members"] or row["code"] in _NOT_STATES:
            continue
        state_id = row["code"]
        # The crosswalk gives Gaza "PS-GZA": not an ISO 3166-1 code, so none.
        iso3 = row["iso_alpha3"] if len(row["iso_alpha3"]) == 3 else None
        iso2 = row["iso_alpha2"] if len(row["iso_alpha2"]) == 2 else None
        cow_code = int(float(row["cow_code"])) if row["cow_code"] else None
        cow = cow_states.get(cow_code) if cow_code is not None else None
        official = _iso_official_name(iso3) if iso3 == state_id else None
        row = {**row, "name": _SHORT_NAMES.get(state_id, row["name"]),
               "crosswalk_name": row["name"]}
        bundle.add("states", {
            "id": state_id,
            "name": row["name"],
            "official_name": official,
            "iso2": iso2,
            "iso3": iso3,
            "cow_code": cow_code,
            "cow_abb": (cow or {}).get("stateabb") or row["cow_letter"] or None,
            "wikidata_id": row["wikidata_uri"].rsplit("/", 1)[-1] or None,
            "system_start": _cow_day(cow, "st"),
            "system_end": _cow_day(cow, "end"),
            "dataset": CROSSWALK,
        })
        _names(bundle, state_id, row, iso3, official, cow)
        for code in (iso2, iso3, (cow or {}).get("stateabb")):
            if code and code != state_id:
                bundle.name("state", state_id, code, "acronym", CROSSWALK)
        if cow_code is not None and cow is not None:
            by_cow.setdefault(cow_code, state_id)
    for code, cow in cow_states.items():
        if code not in by_cow:  # Korea 1887-1905 has no crosswalk row
            state_id = f"COW{code}"
            bundle.add("states", {
                "id": state_id, "name": cow["statenme"], "official_name": None, "iso2": None,
                "iso3": None, "cow_code": code, "cow_abb": cow["stateabb"], "wikidata_id": None,
                "system_start": _cow_day(cow, "st"), "system_end": _cow_day(cow, "end"),
                "dataset": COW,
            })
            bundle.name("state", state_id, cow["statenme"], "canonical", COW)
            by_cow[code] = state_id
    return by_cow


def _names(bundle: Bundle, state_id: str, row: dict[str, str], iso3: str | None,
           official: str | None, cow: dict[str, str] | None) -> None:
    bundle.name("state", state_id, row["name"], "canonical", CROSSWALK)
    if row.get("crosswalk_name", row["name"]) != row["name"]:
        bundle.name("state", state_id, row["crosswalk_name"], "alias", CROSSWALK)
    if official:
        bundle.name("state", state_id, official, "official", CROSSWALK)
    if iso3 == state_id:
        country = pycountry.countries.get(alpha_3=iso3)
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None) if country else None
            if value:
                bundle.name("state", state_id, value, "alias", CROSSWALK)
    if row["wikidata_label"]:
        bundle.name("state", state_id, row["wikidata_label"], "alias", CROSSWALK)
    if row["aliases"]:
        try:
            aliases = json.loads(row["aliases"])
        except json.JSONDecodeError as exc:
            raise DataFileError(f"Crosswalk aliases of {state_id} are not JSON: {exc}") from None
        for alias in aliases:
            bundle.name("state", state_id, alias, "alias", CROSSWALK)
    if cow is not None:
        bundle.name("state", state_id, cow["statenme"], "alias", COW)


def _iso_official_name(iso3: str | None) -> str | None:
    country = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    if country is None:
        return None
    return getattr(country, "official_name", None) or country.name


def _cow_system_membership() -> dict[int, dict[str, str]]:
    """One row per COW code: the first entry into the state system and the last exit."""
    merged: dict[int, dict[str, str]] = {}
    for row in read_csv("cow-igo/states2016.csv"):
        code = int(row["ccode"])
        if code in merged:
            merged[code] = {**row, **{k: merged[code][k] for k in ("styear", "stmonth", "stday")}}
        else:
            merged[code] = row
    return merged


@functools.cache
def cow_system_gaps() -> dict[int, frozenset[int]]:
    """COW code -> the whole years a state spent out of the state system between two of its
    spells (Germany 1946-1989, Austria 1939-1954, the Baltic states 1941-1990)."""
    spells: dict[int, list[tuple[int, int]]] = {}
    for row in read_csv("cow-igo/states2016.csv"):
        spells.setdefault(int(row["ccode"]), []).append((int(row["styear"]),
                                                         int(row["endyear"])))
    gaps: dict[int, frozenset[int]] = {}
    for code, runs in spells.items():
        runs.sort()
        out = {year for (_, ended), (began, _) in itertools.pairwise(runs)
               for year in range(ended + 1, began)}
        if out:
            gaps[code] = frozenset(out)
    return gaps


def _cow_day(cow: dict[str, str] | None, prefix: str) -> dt.date | None:
    if cow is None:
        return None
    day = dt.date(int(cow[f"{prefix}year"]), int(cow[f"{prefix}month"]), int(cow[f"{prefix}day"]))
    # The v2016 list closes every living state on its own last day: that is no exit.
    return None if prefix == "end" and day == _COW_SYSTEM_CENSOR else day


_COW_SYSTEM_CENSOR = dt.date(2016, 12, 31)
