"""Loaders for the reference data bundled with multilateral.

`build_bundle()` reads every bundled table, in the order the links between them
need, into one in-memory Bundle that the store writes in a single transaction:

1. states (OWID crosswalk, ISO 3166, COW state list), so that spells can name them;
2. organizations, foundings and status spells from the Correlates of War IGO v3,
   each spell given the state of its day by the succession table (USSR, Yugoslavia...);
3. bodies and agencies by hand (parents, aliases), refining COW's rows; names by hand
   (official, former, current: the OAS, not "Pan American Union"); organizations'
   Wikidata ids, each with the page that shows it;
4. places by hand, so that instruments and meetings can name them;
5. the SCO by hand to 2025: spells, instruments, meetings, founding; its chairs;
6. the membership tables by hand to 2025, one per organization (UN, EU, NATO...);
7. the CIA World Factbook's January 2020 statuses and its weekly participation 2015-2026,
   as observations, not facts;
8. World Bank population.
"""

from __future__ import annotations

import hashlib

from multilateral.reference.bundle import Bundle, data_dir
from multilateral.reference.cow import load_cow
from multilateral.reference.factbook import load_factbook
from multilateral.reference.factbook_history import load_factbook_history
from multilateral.reference.hand import load_bodies, load_chairs, load_names, load_places
from multilateral.reference.memberships import load_memberships
from multilateral.reference.population import load_population
from multilateral.reference.sco import load_sco
from multilateral.reference.states import load_states
from multilateral.reference.successions import apply_to_cow, load_successions
from multilateral.reference.wikidata import load_org_wikidata

# Bump when a loader changes what it writes from the same files (5: successions and names
# by hand; 6: the Factbook history; 7: COW names cleaned; 8: the reader's cities kept;
# 9: COW runs cut where their state was out of the state system; 10: organizations'
# Wikidata ids with their pages).
LOADER_VERSION = "10"


def build_bundle() -> Bundle:
    bundle = Bundle()
    state_by_cow = load_states(bundle)
    load_cow(bundle, state_by_cow)
    apply_to_cow(bundle, load_successions(bundle))
    load_bodies(bundle)
    load_org_wikidata(bundle)
    load_names(bundle)
    load_places(bundle)
    load_sco(bundle)
    load_chairs(bundle)
    load_memberships(bundle)
    load_factbook(bundle)
    load_factbook_history(bundle)
    load_population(bundle)
    return bundle


def fingerprint() -> str:
    """A hash of the bundled files and the loader version: unchanged means nothing to reload."""
    digest = hashlib.sha256(LOADER_VERSION.encode())
    for path in sorted([*data_dir().rglob("*.csv"), *data_dir().rglob("*.csv.gz")]):
        digest.update(str(path.relative_to(data_dir())).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


DATASETS = ("owid-crosswalk", "cow-igo-v3", "multilateral-hand", "sco-seed", "hand-memberships",
            "cia-factbook-2020", "cia-factbook-history", "wb-population")
