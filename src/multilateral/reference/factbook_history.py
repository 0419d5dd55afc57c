"""The CIA World Factbook's organization participation, week by week 2015-2026: observations.

`tools/factbook_history.py` derives, from the public `factbook/factbook.json` history, one
row per run of weekly sightings of a (country, organization, qualifier): first and last seen.
Each row is stored as an observation dated from its first to its last sighting, never as a
claim: what the Factbook printed, to set beside the facts where no other source speaks.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip

from multilateral.errors import DataFileError
from multilateral.model.dates import PartialDate
from multilateral.reference.bundle import Bundle, data_dir, dated
from multilateral.reference.factbook import STATUS_WORDS, factbook_key, org_map

DATASET = "cia-factbook-history"
FOLDER = "cia-factbook-history"
FILE = "participation_spells.csv.gz"
URL = "https://github.com/factbook/factbook.json"
CITATION = ("Central Intelligence Agency, The World Factbook, field 'International organization "
            "participation' (Government), weekly country profiles in JSON as committed to "
            "github.com/factbook/factbook.json (public domain), commits 86a1af16 (2015-01-15) "
            "to 783ed27f (2026-01-22); runs of sightings derived by multilateral.")


def load_factbook_history(bundle: Bundle) -> None:
    bundle.source(DATASET, "dataset", "CIA World Factbook organization participation, weekly "
                  "2015-2026 (first and last seen; a second source, never counted as fact)",
                  CITATION, URL, published="2026-01-22")
    orgs = org_map({row["id"] for row in bundle.rows["organizations"]})
    states = {row["iso3"]: row["id"] for row in bundle.rows["states"] if row["iso3"]}
    path = data_dir() / FOLDER / FILE
    try:
        with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, EOFError) as exc:
        raise DataFileError(f"{path}: cannot be read ({exc}). Rebuild it with "
                            "tools/factbook_history.py, or reinstall multilateral.") from None
    for line, row in enumerate(rows, start=2):
        try:
            first = dt.date.fromisoformat(row["first_seen"])
            last = dt.date.fromisoformat(row["last_seen"])
        except (TypeError, ValueError):
            raise DataFileError(f"{path}, line {line}: first_seen and last_seen must be "
                                "YYYY-MM-DD days.") from None
        # A list the Factbook prefaced ("Afghanistan was a member ... before the Taliban
        # takeover:") says something else than membership: its words stay, no status.
        status = None if row["preface"] else STATUS_WORDS.get(row["qualifier"].lower())
        words = row["qualifier"] + (f" ({row['preface']})" if row["preface"] else "")
        bundle.add("observations", {
            **dated("observed", PartialDate(first.year, first.month, first.day)),
            "observed_until": last,
            "org_id": orgs.get(factbook_key(row["factbook_org"])),
            "org_text": row["factbook_org"], "member_type": "state",
            "member_id": states.get(row["iso3"]),
            "member_text": f"{row['country']} ({row['iso3']})",
            "status": status.value if status else None, "status_text": words,
            "dataset": DATASET,
        })
