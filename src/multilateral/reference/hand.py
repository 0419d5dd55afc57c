"""Tables compiled by hand for this project: bodies and agencies, places, SCO chairs.

Each row lists the pages it was compiled from; those become the row's sources.
"""

from __future__ import annotations

from multilateral.errors import DataFileError
from multilateral.model.dates import PartialDate, at_precision, parse_optional
from multilateral.model.names import normalize
from multilateral.reference.bundle import Bundle, dated, read_csv

DATASET = "multilateral-hand"


def cite_urls(bundle: Bundle, fact_type: str, fact_id: int, urls: str, dataset: str) -> None:
    """Link a fact to its dataset and to every URL a row lists."""
    bundle.cite(fact_type, fact_id, dataset, *(bundle.url_source(url) for url in urls.split()))


def load_bodies(bundle: Bundle) -> None:
    """Add bodies, secretariats and agencies; a row whose id COW already has refines that row."""
    bundle.source(DATASET, "dataset", "multilateral hand-compiled tables",
                  "Compiled for multilateral from the pages each row lists (2026).")
    known = {row["id"]: row for row in bundle.rows["organizations"]}
    for row in read_csv("hand/organizations.csv"):
        org_id = row["id"]
        fields = {
            "name": row["name"], "acronym": row["acronym"] or None, "kind": row["kind"],
            "parent_id": row["parent_id"] or None, "website": row["website"] or None,
        }
        if org_id in known:
            known[org_id].update(fields)
            _demote_canonical(bundle, org_id)
        else:
            bundle.add("organizations", {
                "id": org_id, **fields, "cow_ioname": None, "wikidata_id": None,
                "wikidata_source": None,
                **dated("dissolved", None), "dataset": DATASET,
            })
        bundle.name("organization", org_id, row["name"], "canonical", DATASET)
        bundle.name("organization", org_id, org_id, "acronym", DATASET)
        if row["acronym"]:
            bundle.name("organization", org_id, row["acronym"], "acronym", DATASET)
        for alias in filter(None, row["aliases"].split("|")):
            bundle.name("organization", org_id, alias, "alias", DATASET)
        _former_names(bundle, "organization", org_id, row["former_names"])
        if row["founded"]:
            founding = bundle.add("foundings", {
                "org_id": org_id,
                **dated("date", at_precision(row["founded"], row["founded_precision"])),
                "place_id": None, "note": row["note"] or None, "dataset": DATASET,
            })
            cite_urls(bundle, "founding", founding, row["source_urls"], DATASET)


def _demote_canonical(bundle: Bundle, org_id: str) -> None:
    """A hand row renames a COW organization: COW's name stays, as an alias."""
    for name in bundle.rows["names"]:
        if (name["entity_type"], name["entity_id"], name["kind"]) == \
                ("organization", org_id, "canonical"):
            name["kind"] = "alias"


def _former_names(bundle: Bundle, entity_type: str, entity_id: str, cell: str) -> None:
    """Names a row gives as `name@from/to` ("BRIC@/2010-12-24"), either date optional."""
    for former in filter(None, cell.split("|")):
        name, _, period = former.partition("@")
        start, _, end = period.partition("/")
        bundle.name(entity_type, entity_id, name, "former", DATASET,
                    parse_optional(start), parse_optional(end))


def load_places(bundle: Bundle) -> None:
    for row in read_csv("hand/places.csv"):
        place_id = row["id"]
        bundle.add("places", {
            "id": place_id, "name": row["name"], "kind": row["kind"],
            "country_id": row["country_iso3"] or None, "within_id": row["within_id"] or None,
            "dataset": DATASET,
        })
        bundle.name("place", place_id, row["name"], "canonical", DATASET)
        _former_names(bundle, "place", place_id, row["former_names"])
        for alias in filter(None, row["aliases"].split("|")):
            bundle.name("place", place_id, alias, "alias", DATASET)


def load_chairs(bundle: Bundle) -> None:
    for row in read_csv("hand/sco_chairs.csv"):
        start = at_precision(row["start"], row["start_precision"]) if row["start"] else None
        end = at_precision(row["end"], row["end_precision"]) if row["end"] else None
        if start is None and end is None:
            raise DataFileError(f"hand/sco_chairs.csv: a row for {row['state_name']} has no date.")
        chair = bundle.add("chairmanships", {
            "org_id": row["org"], "state_id": row["state_iso3"], **dated("start", start),
            **dated("end", end), "note": row["note"] or None, "dataset": DATASET,
        })
        cite_urls(bundle, "chairmanship", chair, row["source_urls"], DATASET)


def place_id(index: dict[str, set[str]], text: str) -> str | None:
    """The place a free-text place names ("Panaji (Goa)", "New Delhi (virtual)"), if known."""
    head = text.split("(")[0].strip()
    for candidate in (text, head):
        ids = index.get(normalize(candidate), set())
        if len(ids) == 1:
            return next(iter(ids))
    return None


NAME_KINDS = ("current", "official", "former", "alias", "acronym")


def load_names(bundle: Bundle) -> None:
    """Names by hand (hand/names.csv): official and former names, common spellings, and
    the current name where COW files an organization under an old or misspelt one (the
    OAS as "Pan American Union"). A `current` name becomes the name shown; the name it
    replaces stays, as an alias."""
    known = {kind: {row["id"]: row for row in bundle.rows[f"{kind}s"]}
             for kind in ("organization", "state")}
    for line, row in enumerate(read_csv("hand/names.csv"), start=2):
        entity_type, entity_id, kind = row["entity_type"], row["entity_id"], row["kind"]
        where = f"hand/names.csv, line {line}"
        if entity_type not in known or entity_id not in known[entity_type]:
            raise DataFileError(f"{where}: no {entity_type} '{entity_id}'. Use the id "
                                "`multilateral find NAME` shows.")
        if kind not in NAME_KINDS:
            raise DataFileError(f"{where}: unknown kind '{kind}'. Use one of "
                                f"{', '.join(NAME_KINDS)}.")
        if not row["source_urls"].startswith(("https://", "http://")):
            raise DataFileError(f"{where}: give the page the name comes from.")
        valid = (parse_optional(row["valid_from"]), parse_optional(row["valid_to"]))
        if kind == "current":
            known[entity_type][entity_id]["name"] = row["name"]
            _demote(bundle, entity_type, entity_id)
            _set_kind(bundle, entity_type, entity_id, row["name"], "canonical", *valid)
        else:
            _set_kind(bundle, entity_type, entity_id, row["name"], kind, *valid)


def _demote(bundle: Bundle, entity_type: str, entity_id: str) -> None:
    for name in bundle.rows["names"]:
        if (name["entity_type"], name["entity_id"], name["kind"]) == \
                (entity_type, entity_id, "canonical"):
            name["kind"] = "alias"


def _set_kind(bundle: Bundle, entity_type: str, entity_id: str, text: str, kind: str,
              valid_from: PartialDate | None, valid_to: PartialDate | None) -> None:
    """Add the name, or give the kind to the name already recorded in the same form."""
    norm = normalize(text)
    for name in bundle.rows["names"]:
        if (name["entity_type"], name["entity_id"], name["norm"]) == \
                (entity_type, entity_id, norm):
            name.update(kind=kind, name=text.strip(), **dated("valid_from", valid_from),
                        **dated("valid_to", valid_to), dataset=DATASET)
            return
    bundle.name(entity_type, entity_id, text, kind, DATASET, valid_from, valid_to)
