"""General Assembly observers added to UNGA.csv, and the SCO tables' citations."""

import csv
from pathlib import Path

import pytest

from multilateral.kb import KnowledgeBase

SCO_SEED = Path(__file__).parent.parent / "src" / "multilateral" / "data" / "sco-seed"
# Copies of other pages that are no citation of their own: a CDN copy of a news page,
# Wikipedia proxies, a document-sharing copy of a UN resolution.
PROXIES = ("merlincdn.net", "movatter.jp", "wikimili.com", "studylib.")


def observers(kb: KnowledgeBase, on: str) -> set[str]:
    return {st.subject.id for st in kb.members("UNGA", on=on).certain
            if st.status == "observer"}


@pytest.mark.parametrize(("org_id", "day", "eve"), [
    # http://www.un.org/documents/ga/res/51/ares51-1.htm (A/RES/51/1, 15 October 1996)
    ("INTERPOL", "1996-10-15", "1996-10-14"),
    # http://www.un.org/documents/ga/res/51/ares51-6.htm (A/RES/51/6, 24 October 1996)
    ("ISA", "1996-10-24", "1996-10-23"),
    # A/RES/76/123, adopted 9 December 2021 (etvbharat.com, 10 December 2021)
    ("ISOLAR", "2021-12-09", "2021-12-08"),
])
def test_observer_from_the_resolutions_day(kb: KnowledgeBase, org_id: str, day: str,
                                           eve: str) -> None:
    assert org_id in observers(kb, day)
    assert org_id not in observers(kb, eve)


def test_the_solar_alliance_is_not_the_seabed_authority(kb: KnowledgeBase) -> None:
    assert kb.organization("International Solar Alliance").id == "ISOLAR"
    assert kb.organization("International Seabed Authority").id == "ISA"


@pytest.mark.parametrize(("name", "kind"), [
    ("International Committee of the Red Cross", "humanitarian_organization"),
    ("Sovereign Military Order of Malta", "sovereign_entity"),
])
def test_observer_entities_keep_their_own_kind(kb: KnowledgeBase, name: str,
                                               kind: str) -> None:
    org = kb.organization(name)
    assert kb.org(org.id).kind == kind
    assert org.id in observers(kb, "2025-06-30")


def test_sco_rows_cite_no_proxy_on_their_own() -> None:
    """A proxy copy may stay only beside another source, and the note must say so."""
    for name in ("sco_status_spells.csv", "sco_agreements.csv", "sco_events.csv"):
        with (SCO_SEED / name).open(newline="", encoding="utf-8") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                urls = (row.get("source_urls") or row.get("source_url") or "").split()
                weak = [url for url in urls if any(proxy in url for proxy in PROXIES)]
                if weak:
                    assert len(weak) < len(urls), f"{name}:{line} rests on a proxy alone"
                    assert "CDN copy" in row.get("note", ""), f"{name}:{line} {weak}"
