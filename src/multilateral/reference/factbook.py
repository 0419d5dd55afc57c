"""The CIA World Factbook's organization statuses as scraped in January 2020: observations.

A second source, stale and partly wrong (it has India and Pakistan as SCO
observers in 2020): its statuses are stored as what it said in January 2020,
beside the facts and never counted as one, so that `conflicts` can set them
against the knowledge base. The Factbook's own words stay in `status_text`;
`status` is our vocabulary where a word means one of our statuses, else empty.
"""

from __future__ import annotations

from multilateral.errors import DataFileError
from multilateral.model.dates import PartialDate
from multilateral.model.status import Status
from multilateral.reference.bundle import Bundle, dated, read_csv

DATASET = "cia-factbook-2020"
FOLDER = "cia-factbook-orgs"
# The upstream README says "Last update: 29Jan2020"; we date every status to that month.
OBSERVED = PartialDate(2020, 1)
CITATION = ("Central Intelligence Agency, The World Factbook, field 'International organization "
            "participation', as scraped in January 2020 by D. Hernangómez, "
            "Country-Codes-and-International-Organizations, commit 3a7203a (MIT).")
# The Factbook's words for a status and ours; words not listed (NGOs, correspondent,
# compliant country, signatory...) name no status of ours and are kept as text only.
STATUS_WORDS = {
    "member": Status.MEMBER, "nonregional member": Status.MEMBER,
    "nonregional members": Status.MEMBER, "regional": Status.MEMBER,
    # The Security Council's seats, and Taiwan's designation in the bodies it belongs to.
    "permanent": Status.MEMBER, "temporary": Status.MEMBER,
    "taipei": Status.MEMBER, "chinese taipei": Status.MEMBER,
    "associate": Status.ASSOCIATE, "associate member": Status.ASSOCIATE,
    "associated member": Status.ASSOCIATE,
    "observer": Status.OBSERVER, "associate observer": Status.OBSERVER,
    "partner": Status.PARTNER, "partners": Status.PARTNER,
    "enhanced engagement": Status.PARTNER,
    "dialogue partner": Status.DIALOGUE_PARTNER, "dialogue member": Status.DIALOGUE_PARTNER,
    "candidate": Status.CANDIDATE, "candidates": Status.CANDIDATE,
    "candidate country": Status.CANDIDATE,
    "suspended": Status.SUSPENDED, "temporarily suspended": Status.SUSPENDED,
    "excluded from formal participation since 1962": Status.SUSPENDED,
}


def load_factbook(bundle: Bundle) -> None:
    bundle.source(DATASET, "dataset", "CIA World Factbook organization participation, "
                  "January 2020 snapshot (a second source, never counted as fact)", CITATION,
                  "https://github.com/dieghernan/Country-Codes-and-International-Organizations",
                  published="2020-01-29")
    orgs = {row["id"] for row in bundle.rows["organizations"]}
    found = org_map(orgs)
    states = {row["iso3"]: row["id"] for row in bundle.rows["states"] if row["iso3"]}
    for row in read_csv(f"{FOLDER}/CountrycodesOrgs.csv"):
        # The scrape fills a few gaps from REST Countries and by hand: not the Factbook.
        if row["source"] != "CIAFactbook":
            continue
        words = " ".join(row["org_member"].split())
        status = STATUS_WORDS.get(words.lower())
        bundle.add("observations", {
            **dated("observed", OBSERVED), "observed_until": None,
            "org_id": found.get(row["org_id"]),
            "org_text": f"{row['org_id']} ({row['org_name'].strip()})",
            "member_type": "state", "member_id": states.get(row["ISO_3166_3"]),
            "member_text": f"{row['NAME.EN']} ({row['ISO_3166_3']})",
            "status": status.value if status else None, "status_text": words,
            "dataset": DATASET,
        })


def factbook_key(abbreviation: str) -> str:
    """The Factbook's abbreviation as org_map.csv spells it ("Arctic Council" ->
    ARCTIC_COUNCIL, "ICCt" -> ICCT), the 2020 scrape's convention."""
    return "_".join(abbreviation.upper().split())


def org_map(orgs: set[str]) -> dict[str, str]:
    """Factbook abbreviation -> organization id, from our reviewed table."""
    found: dict[str, str] = {}
    for line, row in enumerate(read_csv(f"{FOLDER}/org_map.csv"), start=2):
        if not row["org_id"]:
            continue
        if row["org_id"] not in orgs:
            raise DataFileError(
                f"{FOLDER}/org_map.csv, line {line}: '{row['org_id']}' is no organization of "
                "the knowledge base. Give an id `multilateral find` shows, or leave it empty.")
        found[row["factbook_id"]] = row["org_id"]
    return found
