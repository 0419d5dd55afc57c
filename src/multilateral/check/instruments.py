"""An agreement or a resolution an article states, against those the knowledge base
records: the same kind between the same parties (or the same resolution number), then
its date and place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from multilateral.check.parties import Parties
from multilateral.check.words import CONTRADICTED, SUPPORTED, UNVERIFIABLE
from multilateral.model.dates import PartialDate
from multilateral.model.facts import Agreement, Fact, Resolution


def judge_instrument(fact: Fact, instruments_of: Callable[[list[str]], list[dict[str, Any]]],
                     parties: Parties) -> tuple[str, str, list[dict[str, Any]]]:
    """The verdict, why, and the recorded instruments behind it."""
    if isinstance(fact, Agreement):
        ids = [i for i in fact.party_ids if i]
        kind, named, place = fact.kind, fact.parties or [""], fact.place
        unknown = [name for name, i in zip(fact.parties, fact.party_ids, strict=False)
                   if not i]
    else:
        assert isinstance(fact, Resolution)
        ids = [i for i in (fact.body_id, fact.subject_id) if i]
        kind, named, place, unknown = None, [fact.body or ""], None, []
    date = fact.date
    if not ids:
        return UNVERIFIABLE, "No party is in the knowledge base.", []
    if unknown:
        # the instruments of the parties it knows are not this one's (like with like)
        return UNVERIFIABLE, (f"Not in the knowledge base: {', '.join(unknown)}; the "
                                 "instruments of the other parties say nothing of this one."), []
    known = instruments_of(ids)
    if isinstance(fact, Resolution):
        number = fact.number
        found = [i for i in known if i["kind"] == "resolution" and number and i["number"]
                 and str(i["number"]).removeprefix("A/RES/") == number]
    else:
        found = [i for i in known if i["kind"] == kind
                 and parties.same(ids, [p["id"] for p in i["parties"]])]
        if date and len(found) > 1:
            found = [i for i in found if i["date"] and PartialDate.parse(
                i["date"]).refines(PartialDate.parse(date))] or found
    if not found:
        return UNVERIFIABLE, ("The knowledge base holds no such instrument "
                                 f"({kind or 'resolution'} of {', '.join(named)})."), []
    best = found[0]
    problems = []
    if date and best["date"] and not PartialDate.parse(best["date"]).refines(
            PartialDate.parse(date)):
        problems.append(f"date: the article says {date}, the knowledge base "
                        f"{best['date']}")
    if place and best.get("place") and _norm(place) != _norm(best["place"]):
        problems.append(f"place: the article says {place}, the knowledge base "
                        f"{best['place']}")
    if problems and len(ids) < 2 and isinstance(fact, Agreement):
        # one party named: any of its instruments of that kind might be meant
        return UNVERIFIABLE, (f"The article names one party only; none of its {len(found)} "
                                 f"recorded {kind} agrees ({'; '.join(problems)})."), found
    if problems:
        return CONTRADICTED, "; ".join(problems) + ".", [best]
    where = f", {best['place']}" if best.get("place") else ""
    return SUPPORTED, f"Recorded: {best['title']} ({best['date']}{where}).", [best]


def _norm(name: str) -> str:
    return name.strip().lower()
