"""Which date a fact takes when its sentence or its article gives several, in the shapes
real news pages write (gold/real, dev split), each in sentences of our own words."""

from __future__ import annotations

from typing import Any

import pytest

from multilateral.kb import KnowledgeBase
from multilateral.model.dates import PartialDate

WEDNESDAY = PartialDate(2024, 5, 15)


@pytest.fixture(scope="module")
def read(sqlite_url: str) -> Any:
    kb = KnowledgeBase(sqlite_url)

    def facts(text: str, published: PartialDate | None = WEDNESDAY) -> list[dict[str, Any]]:
        document = kb.extract_bytes("note.txt", f"Bloc note\n\n{text}\n".encode(),
                                    published=published, force=True)
        return document.as_dict()["facts"]
    return facts


def memberships(found: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {(f["org_id"], f["state_id"], f["status"], f["change"], f["date"])
            for f in found if f["type"] == "membership"}


@pytest.mark.parametrize(("text", "expected"), [
    # the verb after its member takes the date of its own clause, not an earlier verb's
    ("Namibia won its independence in 1990 and formally applied for SADC membership in 1992.",
     ("SADC", "NAM", "member", "applied", "1992")),
    # "this year's chair" dates the chair, not the admission the sentence is about
    ("Laos, this year's chair of ASEAN, was the last state admitted to the bloc in 1997.",
     ("ASEAN", "LAO", "member", "joined", "1997")),
    # a date right before the verb is still the verb's
    ("Croatia on 1 July 2013 became a member of the European Union, ten years after "
     "it applied in 2003.", ("EU", "HRV", "member", "joined", "2013-07-01")),
    # a full stop inside a sentence that closes an abbreviation ends no clause
    ("Observer status was granted to Moldova by the Eurasian Economic Union (Decision No. 8 "
     "of its Supreme Council dated March 3, 2018).",
     ("EAEU", "MDA", "observer", "granted", "2018-03-03")),
])
def test_a_membership_takes_its_own_clauses_date(read: Any, text: str,
                                                  expected: tuple[Any, ...]) -> None:
    found = memberships(read(text, None))
    assert expected in found, found


def test_a_status_held_from_a_year_is_dated_by_it(read: Any) -> None:
    found = memberships(read("Cuba and Uzbekistan have observer status in the Eurasian "
                             "Economic Union from 2021."))
    assert ("EAEU", "CUB", "observer", "holds", "2021") in found
    assert ("EAEU", "UZB", "observer", "holds", "2021") in found


def test_a_span_from_one_year_to_another_is_no_start_of_a_status_held(read: Any) -> None:
    found = memberships(read("Mali remained a member of ECOWAS from 2008 to 2012."))
    assert ("ECOWAS", "MLI", "member", "holds", "2024-05-15") in found, found
