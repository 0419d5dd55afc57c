"""Wikidata ids of organizations, each from a page that shows it (hand/wikidata_orgs.csv).

States get theirs from the OWID crosswalk (`states.py`); organizations have no such table,
so each id here names the page it was read from, kept beside the id in the store.
"""

from __future__ import annotations

import re

from multilateral.errors import DataFileError
from multilateral.reference.bundle import Bundle, read_csv

FILE = "hand/wikidata_orgs.csv"
QID = re.compile(r"^Q[1-9][0-9]*$")


def load_org_wikidata(bundle: Bundle) -> None:
    """Give each listed organization its Wikidata id and the page the id comes from."""
    orgs = {row["id"]: row for row in bundle.rows["organizations"]}
    owner: dict[str, str] = {}
    for line, row in enumerate(read_csv(FILE), start=2):
        org_id, qid, urls = row["org"], row["qid"].strip(), row["source_urls"].split()
        where = f"{FILE}, line {line}"
        if org_id not in orgs:
            raise DataFileError(f"{where}: no organization {org_id!r}; use an id from "
                                "cow-igo/igos.csv or hand/organizations.csv.")
        if not QID.match(qid):
            raise DataFileError(f"{where}: {qid!r} is no Wikidata id; write it as Q and "
                                "digits, e.g. Q7184.")
        if not urls:
            raise DataFileError(f"{where}: {org_id} has no source_urls; give the page that "
                                "shows its Wikidata id.")
        if qid in owner:
            raise DataFileError(f"{where}: {qid} is already {owner[qid]}'s; one Wikidata "
                                "item names one organization.")
        owner[qid] = org_id
        orgs[org_id]["wikidata_id"] = qid
        orgs[org_id]["wikidata_source"] = urls[0]
