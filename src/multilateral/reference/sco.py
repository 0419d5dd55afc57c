"""The Shanghai Cooperation Organisation by hand to 2025 (sco-seed): spells, instruments, meetings.

It extends COW past 2014 and adds the observers and dialogue partners COW left
uncoded. Where it and COW disagree (COW counts the Shanghai Five from 1996),
both claims stay, each with its own source.
"""

from __future__ import annotations

import re

from multilateral.errors import DataFileError
from multilateral.model.dates import PartialDate, at_precision
from multilateral.model.names import normalize
from multilateral.model.status import Status
from multilateral.reference.bundle import Bundle, dated, read_csv
from multilateral.reference.hand import cite_urls, place_id

DATASET = "sco-seed"
_RESOLUTION_NUMBER = re.compile(r"\bA/RES/(\d+/\d+)")
# The seed's "dialogue_partner_pending": approved, not yet in effect. We keep the
# decision date and leave the start empty rather than guess when it takes effect.
_PENDING = "_pending"
_KINDS = {"un_ga_resolution": "resolution", "mou": "mou", "joint_declaration": "joint_declaration",
          "regulation": "regulation"}


def load_sco(bundle: Bundle) -> None:
    bundle.source(DATASET, "dataset", "SCO status spells, instruments and meetings to 2025",
                  "Compiled by hand for multilateral from the pages each row lists.")
    places = bundle.lookup("place")
    orgs = bundle.lookup("organization")
    # The seed's founder rows date the Shanghai Five from 1996-04-26 to the SCO's founding.
    bundle.name("organization", "SCO", "Shanghai Five", "former", DATASET,
                PartialDate(1996, 4, 26), PartialDate(2001, 6, 15))
    _spells(bundle)
    _instruments(bundle, places, orgs)
    _events(bundle, places)


def _spells(bundle: Bundle) -> None:
    for row in read_csv("sco-seed/sco_status_spells.csv"):
        raw_status = row["status"]
        pending = raw_status.endswith(_PENDING)
        status = Status.parse(raw_status.removesuffix(_PENDING))
        start = at_precision(row["start"], row["start_precision"])
        end = at_precision(row["end"], row["end_precision"]) if row["end"] else None
        membership = bundle.add("memberships", {
            "org_id": row["org"], "member_type": "state", "member_id": row["state_iso3"],
            "status": status.value,
            **dated("start", None if pending else start), **dated("end", end),
            "end_reason": row["end_reason"] or None,
            **dated("decided", start if pending else None),
            "known_until": None, "note": row["note"] or None, "dataset": DATASET,
        })
        cite_urls(bundle, "membership", membership, row["source_urls"], DATASET)


def _instruments(bundle: Bundle, places: dict[str, set[str]], orgs: dict[str, set[str]]) -> None:
    for row in read_csv("sco-seed/sco_agreements.csv"):
        title = row["title"]
        number = _RESOLUTION_NUMBER.search(title)
        place = place_id(places, row["place"]) if row["place"] else None
        basis = row["place_verified"] or "no"
        note = "; ".join(filter(None, [
            row["note"],
            f"place {basis}" if row["place"] and not basis.startswith("yes") else "",
            f"verified: {row['verified']}" if row["verified"] != "yes" else "",
        ]))
        lowered = title.lower()
        effect = ("observer_status" if "observer status" in lowered
                  else "cooperation" if "cooperation" in lowered else "other")
        instrument = bundle.add("instruments", {
            "kind": _KINDS.get(row["kind"], row["kind"]),
            "number": f"A/RES/{number.group(1)}" if number else None,
            "title": title, **dated("date", at_precision(row["date"], row["date_precision"])),
            "place_id": place, "effect": effect, "subject_org_id": "SCO",
            "note": note or None, "dataset": DATASET,
        })
        for position, party in enumerate(row["parties"].split(";")):
            bundle.add("instrument_parties", {
                "instrument_id": instrument, "position": position,
                "party_type": "organization", "party_id": _org(orgs, party, row),
            })
        cite_urls(bundle, "instrument", instrument, row["source_urls"], DATASET)
        if effect == "observer_status" and row["kind"] == "un_ga_resolution":
            _observer_status(bundle, row, number.group(1) if number else None)


def _observer_status(bundle: Bundle, row: dict[str, str], number: str | None) -> None:
    """A General Assembly resolution granting the SCO observer status is itself a status."""
    granted = at_precision(row["date"], row["date_precision"])
    membership = bundle.add("memberships", {
        "org_id": "UNGA", "member_type": "organization", "member_id": "SCO",
        "status": Status.OBSERVER.value, **dated("start", granted), **dated("end", None),
        "end_reason": None, **dated("decided", granted), "known_until": None,
        "note": f"granted by A/RES/{number}" if number else "granted by a GA resolution",
        "dataset": DATASET,
    })
    cite_urls(bundle, "membership", membership, row["source_urls"], DATASET)


def _org(orgs: dict[str, set[str]], name: str, row: dict[str, str]) -> str:
    """A party named as the seed names it ("UN ESCAP secretariat") -> organization id."""
    wanted = normalize(name)
    bare = wanted.removesuffix(" secretariat")
    for candidate in (wanted, bare, bare.removeprefix("un ")):
        ids = orgs.get(candidate, set())
        if len(ids) == 1:
            return next(iter(ids))
    raise DataFileError(f"sco-seed/sco_agreements.csv: party '{name.strip()}' of "
                        f"'{row['title']}' matches no single organization.")


def _events(bundle: Bundle, places: dict[str, set[str]]) -> None:
    for row in read_csv("sco-seed/sco_events.csv"):
        description = row["description"]
        name, _, details = description.replace(" (month precision only)", "").partition(";")
        start = PartialDate.parse(row["start_date"])
        end = PartialDate.parse(row["end_date"]) if row["end_date"] else None
        place = place_id(places, row["place"]) if row["place"] else None
        lowered = name.lower()
        kind = "summit" if "heads of state" in lowered or "founding" in lowered else "meeting"
        event = bundle.add("events", {
            "kind": kind, "name": name.strip(), **dated("start", start), **dated("end", end),
            "place_id": place, "chair_state_id": None,
            "note": "; ".join(filter(None, [details.strip(),
                                            "" if place else f"place given as '{row['place']}'"]))
            or None,
            "dataset": DATASET,
        })
        bundle.add("event_organizers", {"event_id": event, "organizer_type": "organization",
                                        "organizer_id": "SCO"})
        cite_urls(bundle, "event", event, row["source_url"], DATASET)
        if "founding" in lowered:
            founding = bundle.add("foundings", {
                "org_id": "SCO", **dated("date", start), "place_id": place,
                "note": description, "dataset": DATASET,
            })
            cite_urls(bundle, "founding", founding, row["source_url"], DATASET)
