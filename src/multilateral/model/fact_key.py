"""A fact's identity across stories: two stories that state one fact give one candidate.

The identity is the fact's type, what it is about (by knowledge-base id, else by the name
read), what it says (status and change, kind, effect), its modality (a planned joining is
not the joining) and its date at the precision the story gives it: "2024" and
"2024-07-04" are kept apart, since the first may be another act of that year. Evidence,
confidence and the mention's wording are not part of it.
"""

from __future__ import annotations

from multilateral.model.dates import PartialDate
from multilateral.model.facts import (
    Agreement,
    Chairmanship,
    Event,
    Fact,
    Founding,
    Membership,
    Resolution,
)
from multilateral.model.status import Status


def identity(fact: Fact) -> str:
    """The fact's identity as one line of text (stored, indexed and compared)."""
    parts: list[str | None]
    if isinstance(fact, Membership):
        parts = [fact.org_id or fact.org, fact.state_id or fact.state,
                 fact.status.value if isinstance(fact.status, Status) else str(fact.status),
                 fact.change, _date(fact.date)]
    elif isinstance(fact, Agreement):
        parties = sorted(i or n for i, n in zip(fact.party_ids, fact.parties, strict=False))
        parts = [fact.kind, ",".join(parties), _date(fact.date)]
    elif isinstance(fact, Resolution):
        parts = [fact.body_id or fact.body, fact.number, fact.subject_id or fact.subject,
                 fact.effect, _date(fact.date)]
    elif isinstance(fact, Event):
        organizers = sorted(i or n for i, n in zip(fact.organizer_ids, fact.organizers,
                                                    strict=False))
        parts = [fact.kind, ",".join(organizers), fact.place_id or fact.place, _date(fact.date)]
    elif isinstance(fact, Chairmanship):
        parts = [fact.org_id or fact.org, fact.state_id or fact.state, _date(fact.start),
                 _date(fact.end)]
    else:
        assert isinstance(fact, Founding)
        parts = [fact.org_id or fact.org, _date(fact.date)]
    modality = "asserted" if fact.modality == "reported" else fact.modality
    return "|".join([fact.type, modality, *(_norm(p) for p in parts)])


def _date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return str(PartialDate.parse(value))
    except ValueError:
        return value


def _norm(value: str | None) -> str:
    return " ".join((value or "").casefold().split()).replace("|", "/")
