"""The reads every membership question makes, in plain SQL through a small `Reader`: the
standard sqlite3 module on an SQLite file (nothing to import or compile per question),
SQLAlchemy's connection on PostgreSQL (`queries.AlchemyReader`). The SQL is the same on
both; rows become the library's records once, here."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any, Protocol

from multilateral.errors import DatabaseError
from multilateral.model.dates import PartialDate, parse_optional
from multilateral.model.lineage import lineages
from multilateral.model.membership import Claim, Ref, SourceRef
from multilateral.model.names import normalize
from multilateral.model.observed import Sighting

# What `init` keeps in `meta` besides the data: the reader's city names
# (reference/cities.py) and the succession table (reference/successions.py).
CITIES_KEY = "cities"
SUCCESSIONS_KEY = "successions"
TABLES = {"organization": "organizations", "state": "states", "place": "places"}
# When one name fits several entities, an entity's own name or acronym beats an alias.
NAME_RANK = {"canonical": 0, "acronym": 1, "official": 2, "alias": 3, "former": 4}


class Reader(Protocol):
    def rows(self, sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        """The rows of one statement; parameters are named (`:name`)."""
        ...

    def day(self, value: dt.date) -> Any:
        """A date as this driver takes it as a parameter."""
        ...


class SQLiteReader:
    """A Reader over the standard library's sqlite3 connection."""

    def __init__(self, connection: sqlite3.Connection, url: str) -> None:
        self.connection = connection
        self.url = url

    def rows(self, sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        try:
            return self.connection.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise DatabaseError(f"Cannot use the database {self.url}: {exc}") from None

    def day(self, value: dt.date) -> Any:
        return value.isoformat()  # how SQLAlchemy's Date keeps a day in SQLite


def as_day(value: Any) -> Any:
    """A DATE column's value as a date: PostgreSQL gives one, SQLite ISO text."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


# -- names ---------------------------------------------------------------------

def entity(reader: Reader, entity_type: str, text: str) -> Ref | None:
    """The entity `text` names exactly (its id in any case, or a name that fits one entity
    best); None when it names none or several: `resolve` then explains."""
    table = TABLES[entity_type]
    wanted = text.strip()
    # Ids are upper case (organizations, states) or lower case (places): the primary key
    # answers those; the case-folded scan only mixed-case ids ("AfDB").
    cased = {"upper": wanted.upper(), "lower": wanted.lower()}
    found = (reader.rows(f"select id, name from {table} where id in (:exact, :upper, :lower)",
                         {"exact": wanted, **cased})
             or reader.rows(f"select id, name from {table} where lower(id) = :lower", cased))
    if found:
        return Ref(entity_type, found[0][0], found[0][1])
    best: dict[str, int] = {}
    for entity_id, kind in reader.rows(
            "select entity_id, kind from names where norm = :norm and entity_type = :type",
            {"norm": normalize(wanted), "type": entity_type}):
        best[entity_id] = min(best.get(entity_id, 9), NAME_RANK.get(kind, 5))
    if not best:
        return None
    top = min(best.values())
    winners = [entity_id for entity_id, rank in best.items() if rank == top]
    if len(winners) != 1:
        return None
    name = reader.rows(f"select name from {table} where id = :id", {"id": winners[0]})
    return Ref(entity_type, winners[0], name[0][0] if name and name[0][0] else winners[0])


# -- membership claims ---------------------------------------------------------

_CLAIM_COLUMNS = (
    "m.id, m.org_id, org.name, m.member_type, m.member_id, member_state.name, "
    "member_org.name, m.status, m.start, m.\"end\", m.end_reason, m.decided, m.known_until, "
    "m.note, m.dataset, m.observed")
_CLAIM_JOINS = (
    "from memberships m join organizations org on org.id = m.org_id "
    "left join states member_state on m.member_type = 'state' "
    "and member_state.id = m.member_id "
    "left join organizations member_org on m.member_type = 'organization' "
    "and member_org.id = m.member_id")
_SOURCES = (
    "select fs.fact_id, src.id, src.kind, src.title, src.url, src.citation, src.published "
    "from fact_sources fs join sources src on src.id = fs.source_id "
    "where fs.fact_type = 'membership' and fs.fact_id in (select m.id from memberships m "
    "where {where}) order by fs.fact_id, src.kind, src.id")


def claims(reader: Reader, *, org_ids: Sequence[str] | None = None,
           member_id: str | None = None, when: PartialDate | None = None) -> list[Claim]:
    """Membership claims of some organizations or of a member, with their sources,
    optionally only those that may hold at some point of `when`, plus decisions not yet
    in effect; by start, then id."""
    where, params = ["1 = 1"], dict[str, Any]()
    if org_ids is not None:
        marks = [f":org{i}" for i in range(len(org_ids))]
        where.append(f"m.org_id in ({', '.join(marks) or 'null'})")
        params.update((mark[1:], org_id) for mark, org_id in zip(marks, org_ids, strict=True))
    if member_id is not None:
        where.append("m.member_id = :member_id")
        params["member_id"] = member_id
    if when is not None:
        where.append("((m.start_lo <= :hi and (m.end_hi is null or m.end_hi > :lo)) "
                     "or m.start_lo is null)")
        params.update(lo=reader.day(when.lo), hi=reader.day(when.hi))
    condition = " and ".join(where)
    cited: dict[int, list[SourceRef]] = defaultdict(list)
    for fact_id, *source in reader.rows(_SOURCES.format(where=condition), params):
        cited[fact_id].append(SourceRef(*source))
    lines = state_lines(reader)
    return [Claim(
        id=row[0], org=Ref("organization", row[1], row[2]),
        member=Ref(row[3], row[4], row[5] or row[6] or row[4]), status=row[7],
        start=parse_optional(row[8]), end=parse_optional(row[9]), end_reason=row[10],
        decided=parse_optional(row[11]),
        known_until=as_day(row[12]), note=row[13],
        dataset=row[14], sources=tuple(cited.get(row[0], ())),
        observed=parse_optional(row[15]),
        line=lines.get(row[4]) if row[3] == "state" else None,
    ) for row in reader.rows(
        f"select {_CLAIM_COLUMNS} {_CLAIM_JOINS} where {condition} order by m.start_lo, m.id",
        params)]


def state_lines(reader: Reader) -> dict[str, str]:
    """Which states continue which (the USSR and Russia: one member), from the succession
    table the load keeps. Every question about claims asks it: the table is parsed once
    per distinct text, not once per question."""
    found = reader.rows("select value from meta where key = :key", {"key": SUCCESSIONS_KEY})
    return dict(lines_of(found[0][0])) if found and found[0][0] else {}


@lru_cache(maxsize=4)
def lines_of(text: str) -> tuple[tuple[str, str], ...]:
    return tuple(lineages(json.loads(text)).items())


# -- an organization's life and what the Factbook saw ----------------------------

def existence(reader: Reader, org_id: str) -> tuple[list[tuple[str, str]], str | None]:
    """The founding dates (with their datasets) and the dissolution date of an organization."""
    founded = reader.rows("select date, dataset from foundings where org_id = :org_id "
                          "and date is not null", {"org_id": org_id})
    dissolved = reader.rows("select dissolved from organizations where id = :org_id",
                            {"org_id": org_id})
    return ([(date, dataset) for date, dataset in founded],
            dissolved[0][0] if dissolved else None)


def sightings(reader: Reader, org_id: str) -> list[Sighting]:
    """The runs of weekly Factbook editions (2015-2026) that list a state in `org_id`."""
    return [Sighting(member_id, name, status, status_text, as_day(first), as_day(last))
            for member_id, name, status, status_text, first, last in reader.rows(
                "select o.member_id, st.name, o.status, o.status_text, o.observed_lo, "
                "o.observed_until from observations o join states st on st.id = o.member_id "
                "where o.org_id = :org_id and o.dataset = 'cia-factbook-history' "
                "order by o.member_id, o.observed_lo", {"org_id": org_id})]


def facts_stamp(reader: Reader) -> tuple[str, ...]:
    """What moves on whenever the facts may have changed: the facts version (an accepted
    review, `init`) and the moment of the last load (a database made anew starts its
    versions again)."""
    return tuple(value for _, value in reader.rows(
        "select key, value from meta where key in ('facts_version', 'loaded_at') "
        "order by key", {}))
