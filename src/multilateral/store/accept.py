"""An accepted fact enters the knowledge base, with the article and its evidence as source.

Facts from articles live in their own dataset ("articles"): a reload of the
bundled data never touches them, and a fact that contradicts a bundled one sits
beside it as a second claim, so the conflict shows instead of being overwritten.
The same fact accepted from a second article is the same row with a second source.
Planned and negated facts, and applications, say nothing about who belongs
where: they are accepted as reviewed but make no knowledge-base row. Every
accepted fact is tied to an organization of the knowledge base (an event to an
organizer, an agreement to a party): a fact tied to none is refused.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, insert, select

from multilateral.errors import MultilateralError
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
from multilateral.reference.bundle import dated
from multilateral.store import schema as s
from multilateral.store import version

DATASET = "articles"


class CannotAccept(MultilateralError, ValueError):
    exit_code = 2
    status = 422
    code = "cannot_accept"


def record(connection: Connection, fact: Fact, source: str,
           evidence: tuple[int, int, str]) -> tuple[str | None, int | None]:
    """Write the fact's knowledge-base row (or find it) and cite the source; (type, id)."""
    if fact.modality in ("planned", "negated"):
        return None, None
    found = _write(connection, fact)
    if found is None:
        return None, None
    fact_type, fact_id = found
    version.bump_facts(connection)
    already = connection.scalar(select(s.fact_sources.c.fact_id).where(
        s.fact_sources.c.fact_type == fact_type, s.fact_sources.c.fact_id == fact_id,
        s.fact_sources.c.source_id == source))
    if already is None:
        connection.execute(insert(s.fact_sources).values(
            fact_type=fact_type, fact_id=fact_id, source_id=source, evidence_start=evidence[0],
            evidence_end=evidence[1], evidence=evidence[2]))
    return fact_type, fact_id


def _date(value: str | None, key: str = "date") -> PartialDate | None:
    """A fact's date field (`key` names it in the message)."""
    if not value:
        return None
    try:
        return PartialDate.parse(value)
    except ValueError:
        raise CannotAccept(f"The fact's {key} '{value}' is not a date: edit it to YYYY, "
                           "YYYY-MM or YYYY-MM-DD, or leave it empty.") from None


def _entity(connection: Connection, key: str, ident: str | None, name: str | None,
            kinds: tuple[str, ...]) -> tuple[str, str]:
    """The kind and id of the entity a fact's `key` field names (its `key`_id)."""
    if not ident:
        raise CannotAccept(
            f"The fact's {key} '{name}' is not linked to the knowledge base: edit the fact to "
            f"give {key}_id (`multilateral find` shows ids).")
    for kind in kinds:
        table = s.organizations if kind == "organization" else s.states
        if connection.scalar(select(table.c.id).where(table.c.id == ident)) is not None:
            return kind, str(ident)
    raise CannotAccept(f"No {' or '.join(kinds)} with id '{ident}' for the fact's {key}: "
                       "`multilateral find` shows ids.")


def _organizations(connection: Connection, ids: list[Any], field: str) -> list[str]:
    """The ids that are organizations in the knowledge base; a fact tied to none of them
    would be a row no organization's page could show, so it is refused."""
    known = [str(i) for i in ids if i and connection.scalar(
        select(s.organizations.c.id).where(s.organizations.c.id == i)) is not None]
    if not known:
        given = ", ".join(str(i) for i in ids if i) or "none"
        raise CannotAccept(
            f"The fact is tied to no organization of the knowledge base ({field}: {given}): "
            f"edit it to give {field} an organization's id (`multilateral find` shows ids), "
            "or reject it.")
    return known


def _same(connection: Connection, table: Any, values: dict[str, Any]) -> int | None:
    conditions = [table.c.dataset == DATASET]
    for column, value in values.items():
        if column.endswith(("_lo", "_hi")):
            continue
        col = table.c[column]
        conditions.append(col.is_(None) if value is None else col == value)
    return connection.scalar(select(table.c.id).where(and_(*conditions)).limit(1))


def _insert(connection: Connection, table: Any, values: dict[str, Any]) -> int:
    existing = _same(connection, table, values)
    if existing is not None:
        return int(existing)
    inserted = connection.execute(insert(table).values(**values, dataset=DATASET)
                                  ).inserted_primary_key
    assert inserted is not None
    return int(inserted[0])


def _membership(connection: Connection, fact: Membership) -> tuple[str, int] | None:
    change = fact.change
    if change == "applied":
        return None
    _, org_id = _entity(connection, "org", fact.org_id, fact.org or fact.org_mention,
                        ("organization",))
    member_type, member_id = _entity(connection, "state", fact.state_id,
                                     fact.state or fact.state_mention, ("state", "organization"))
    status = fact.status.value
    when = _date(fact.date)
    values: dict[str, Any] = {"org_id": org_id, "member_type": member_type,
                              "member_id": member_id, "status": status,
                              **dated("start", None), **dated("end", None),
                              **dated("decided", None), **dated("observed", None),
                              "end_reason": None}
    if change == "holds":
        if when is None:
            raise CannotAccept("A 'holds' membership needs the day it was seen to hold: edit the "
                               "fact's date (the article's date) or reject it.")
        values.update(dated("observed", when))
    elif change == "left":
        values.update({**dated("end", when), "end_reason": "left"})
    else:
        values.update(dated("start", when))
        if change == "granted":
            values.update(dated("decided", when))
    return "membership", _insert(connection, s.memberships, values)


def _place(connection: Connection, place_id: str | None, name: str | None) -> str | None:
    if not place_id:
        return None
    if connection.scalar(select(s.places.c.id).where(s.places.c.id == place_id)) is None:
        # a city from the gazetteer package, first met in an article
        connection.execute(insert(s.places).values(id=place_id, name=name, kind="city",
                                                   dataset=DATASET))
    return place_id


def _agreement(connection: Connection, fact: Agreement) -> tuple[str, int]:
    ids = [i for i in fact.party_ids if i]
    if not ids:
        raise CannotAccept("The agreement has no party linked to the knowledge base: edit "
                           "party_ids (`multilateral find` shows ids).")
    _organizations(connection, ids, "party_ids")  # states alone: a bilateral treaty
    when = _date(fact.date)
    title = fact.title or f"{fact.kind}: " + " – ".join(fact.parties)
    values = {"kind": fact.kind, "number": None, "title": title, **dated("date", when),
              "place_id": _place(connection, fact.place_id, fact.place), "effect": None,
              "subject_org_id": None, "note": None}
    existing = _same_instrument(connection, values["kind"], when, ids)
    if existing is not None:
        return "instrument", existing
    instrument_id = _insert(connection, s.instruments, values)
    _parties(connection, instrument_id, ids)
    return "instrument", instrument_id


def _same_instrument(connection: Connection, kind: str, when: PartialDate | None,
                     ids: list[str]) -> int | None:
    rows = connection.execute(select(s.instruments.c.id).where(
        s.instruments.c.dataset == DATASET, s.instruments.c.kind == kind,
        s.instruments.c.date == (str(when) if when else None))).all()
    for row in rows:
        parties = connection.scalars(select(s.instrument_parties.c.party_id).where(
            s.instrument_parties.c.instrument_id == row.id)).all()
        if set(parties) == set(ids):
            return int(row.id)
    return None


def _parties(connection: Connection, instrument_id: int, ids: list[str]) -> None:
    for position, party in enumerate(dict.fromkeys(ids)):
        is_org = connection.scalar(select(s.organizations.c.id).where(
            s.organizations.c.id == party)) is not None
        connection.execute(insert(s.instrument_parties).values(
            instrument_id=instrument_id, position=position,
            party_type="organization" if is_org else "state", party_id=party))


def _resolution(connection: Connection, fact: Resolution) -> tuple[str, int]:
    _, body = _entity(connection, "body", fact.body_id, fact.body, ("organization",))
    subject = None
    if fact.subject_id:
        kind, subject_id = _entity(connection, "subject", fact.subject_id, fact.subject,
                                   ("organization", "state"))
        subject = subject_id if kind == "organization" else None
    when = _date(fact.date)
    number = fact.number
    values = {"kind": "resolution", "number": number,
              "title": f"Resolution {number}" if number else "Resolution",
              **dated("date", when), "place_id": None, "effect": fact.effect,
              "subject_org_id": subject, "note": None}
    existing = _same(connection, s.instruments, values)
    if existing is not None:
        return "instrument", int(existing)
    instrument_id = _insert(connection, s.instruments, values)
    _parties(connection, instrument_id, [body])
    return "instrument", instrument_id


def _event(connection: Connection, fact: Event) -> tuple[str, int]:
    organizers = _organizations(connection, list(fact.organizer_ids), "organizer_ids")
    start, end = _date(fact.date), _date(fact.end_date, "end_date")
    chair = None
    values = {"kind": fact.kind, "name": fact.name or "meeting",
              **dated("start", start), **dated("end", end),
              "place_id": _place(connection, fact.place_id, fact.place),
              "chair_state_id": chair, "note": None}
    event_id = _insert(connection, s.events, values)
    for organizer in organizers:
        if connection.scalar(select(s.event_organizers.c.event_id).where(
                s.event_organizers.c.event_id == event_id,
                s.event_organizers.c.organizer_id == organizer)) is None:
            connection.execute(insert(s.event_organizers).values(
                event_id=event_id, organizer_type="organization", organizer_id=organizer))
    return "event", event_id


def _chairmanship(connection: Connection, fact: Chairmanship) -> tuple[str, int]:
    _, org_id = _entity(connection, "org", fact.org_id, fact.org or fact.org_mention,
                        ("organization",))
    _, state_id = _entity(connection, "state", fact.state_id, fact.state or fact.state_mention,
                          ("state",))
    values = {"org_id": org_id, "state_id": state_id, **dated("start", _date(fact.start, "start")),
              **dated("end", _date(fact.end, "end")), "note": None}
    return "chairmanship", _insert(connection, s.chairmanships, values)


def _founding(connection: Connection, fact: Founding) -> tuple[str, int]:
    _, org_id = _entity(connection, "org", fact.org_id, fact.org or fact.org_mention,
                        ("organization",))
    values = {"org_id": org_id, **dated("date", _date(fact.date)),
              "place_id": _place(connection, fact.place_id, fact.place), "note": None}
    return "founding", _insert(connection, s.foundings, values)


def _write(connection: Connection, fact: Fact) -> tuple[str, int] | None:
    if isinstance(fact, Membership):
        return _membership(connection, fact)
    if isinstance(fact, Agreement):
        return _agreement(connection, fact)
    if isinstance(fact, Resolution):
        return _resolution(connection, fact)
    if isinstance(fact, Event):
        return _event(connection, fact)
    if isinstance(fact, Chairmanship):
        return _chairmanship(connection, fact)
    assert isinstance(fact, Founding)
    return _founding(connection, fact)
