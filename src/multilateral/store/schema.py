"""The relational schema, in SQLAlchemy Core, for SQLite and PostgreSQL alike.

Every dated column comes in three: the partial date as the source gave it
(`start`, text), and the first and last day it can stand for (`start_lo`,
`start_hi`), so that "as of" filters run in SQL. Every fact row names the
`dataset` it was loaded from, and `fact_sources` links it to its sources; a
reload replaces the rows of the bundled datasets and nothing else.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()


def _dated(prefix: str) -> list[Column[object]]:
    return [
        Column(prefix, String(10)),
        Column(f"{prefix}_lo", Date),
        Column(f"{prefix}_hi", Date),
    ]


meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("id", Text, primary_key=True),
    Column("kind", String(20), nullable=False),  # dataset | url | document | article
    Column("title", Text),
    Column("citation", Text),
    Column("url", Text),
)

organizations = Table(
    "organizations",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("name", Text, nullable=False),
    Column("acronym", String(40)),
    Column("kind", String(30), nullable=False),
    Column("parent_id", String(40), ForeignKey("organizations.id")),
    Column("cow_ioname", String(40)),
    Column("wikidata_id", String(20)),
    Column("website", Text),
    *_dated("dissolved"),
    Column("dataset", String(40), nullable=False),
)

states = Table(
    "states",
    metadata,
    Column("id", String(20), primary_key=True),
    Column("name", Text, nullable=False),
    Column("official_name", Text),
    Column("iso2", String(2)),
    Column("iso3", String(3)),
    Column("cow_code", Integer),
    Column("cow_abb", String(3)),
    Column("wikidata_id", String(20)),
    Column("system_start", Date),
    Column("system_end", Date),
    Column("dataset", String(40), nullable=False),
)

places = Table(
    "places",
    metadata,
    Column("id", String(60), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False),  # city | venue
    Column("country_id", String(20), ForeignKey("states.id")),
    Column("within_id", String(60), ForeignKey("places.id")),
    Column("dataset", String(40), nullable=False),
)

names = Table(
    "names",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_type", String(20), nullable=False),  # organization | state | place
    Column("entity_id", String(60), nullable=False),
    Column("name", Text, nullable=False),
    Column("norm", Text, nullable=False),
    Column("kind", String(20), nullable=False),  # canonical | acronym | official | alias | former
    *_dated("valid_from"),
    *_dated("valid_to"),
    Column("dataset", String(40), nullable=False),
    Index("ix_names_norm", "norm"),
    Index("ix_names_entity", "entity_type", "entity_id"),
)

memberships = Table(
    "memberships",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("org_id", String(40), ForeignKey("organizations.id"), nullable=False),
    Column("member_type", String(20), nullable=False),  # state | organization
    Column("member_id", String(40), nullable=False),
    Column("status", String(30), nullable=False),
    *_dated("start"),
    *_dated("end"),
    Column("end_reason", Text),
    *_dated("decided"),
    Column("known_until", Date),
    Column("note", Text),
    Column("dataset", String(40), nullable=False),
    Index("ix_memberships_org", "org_id", "start_lo"),
    Index("ix_memberships_member", "member_id"),
)

chairmanships = Table(
    "chairmanships",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("org_id", String(40), ForeignKey("organizations.id"), nullable=False),
    Column("state_id", String(20), ForeignKey("states.id"), nullable=False),
    *_dated("start"),
    *_dated("end"),
    Column("note", Text),
    Column("dataset", String(40), nullable=False),
    Index("ix_chairmanships_org", "org_id"),
)

instruments = Table(
    "instruments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(30), nullable=False),
    Column("number", String(40)),
    Column("title", Text, nullable=False),
    *_dated("date"),
    Column("place_id", String(60), ForeignKey("places.id")),
    Column("effect", String(30)),
    Column("subject_org_id", String(40), ForeignKey("organizations.id")),
    Column("note", Text),
    Column("dataset", String(40), nullable=False),
)

instrument_parties = Table(
    "instrument_parties",
    metadata,
    Column("instrument_id", Integer, ForeignKey("instruments.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("party_type", String(20), nullable=False),  # organization | state
    Column("party_id", String(40), nullable=False),
    Index("ix_instrument_parties_party", "party_id"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(30), nullable=False),
    Column("name", Text, nullable=False),
    *_dated("start"),
    *_dated("end"),
    Column("place_id", String(60), ForeignKey("places.id")),
    Column("chair_state_id", String(20), ForeignKey("states.id")),
    Column("note", Text),
    Column("dataset", String(40), nullable=False),
)

event_organizers = Table(
    "event_organizers",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id"), primary_key=True),
    Column("organizer_type", String(20), primary_key=True),
    Column("organizer_id", String(40), primary_key=True),
    Index("ix_event_organizers_org", "organizer_id"),
)

foundings = Table(
    "foundings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("org_id", String(40), ForeignKey("organizations.id"), nullable=False),
    *_dated("date"),
    Column("place_id", String(60), ForeignKey("places.id")),
    Column("note", Text),
    Column("dataset", String(40), nullable=False),
    Index("ix_foundings_org", "org_id"),
)

fact_sources = Table(
    "fact_sources",
    metadata,
    Column("fact_type", String(20), primary_key=True),
    Column("fact_id", Integer, primary_key=True),
    Column("source_id", Text, ForeignKey("sources.id"), primary_key=True),
    Index("ix_fact_sources_source", "source_id"),
)

population = Table(
    "population",
    metadata,
    Column("code", String(8), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("value", BigInteger, nullable=False),
    Column("dataset", String(40), nullable=False),
)

# Fact tables and the name `fact_sources.fact_type` gives their rows.
FACT_TABLES = {
    "membership": memberships,
    "chairmanship": chairmanships,
    "instrument": instruments,
    "event": events,
    "founding": foundings,
}
