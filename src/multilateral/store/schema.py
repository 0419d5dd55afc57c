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
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
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
    Column("published", String(10)),  # the page's own date, when known
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
    Column("wikidata_source", Text),  # the page an organization's Wikidata id was read from
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
    # A status seen to hold on a day, start unknown (an article's "X is a member").
    *_dated("observed"),
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
    # Where the source is an article: the span of its cleaned text that states the fact.
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("evidence", Text),
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

# Articles: cleaned text and metadata, one row per distinct content (sha256).
articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("source", Text, nullable=False),  # path or URL it was read from
    Column("title", Text),
    *_dated("published"),
    Column("author", Text),
    Column("language", String(8)),
    Column("text", Text, nullable=False),  # the cleaned text evidence offsets point into
    Column("photo_credits", Text),  # JSON list of strings
    Column("warnings", Text),  # JSON list of strings
    Column("featured", Boolean, nullable=False, default=False),
    Column("ingested_at", DateTime, nullable=False),
    Index("ix_articles_published", "published_lo"),
)

# Tags: an organization, a state or a free topic; entity_id links the first two.
article_tags = Table(
    "article_tags",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), primary_key=True),
    Column("tag", Text, primary_key=True),
    Column("kind", String(20), nullable=False),  # organization | state | topic
    Column("entity_id", String(60)),
    Index("ix_article_tags_entity", "entity_id"),
)

# Facts extracted from an article, waiting for an editor (FACTS.md JSON in `fact`).
candidates = Table(
    "candidates",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("type", String(20), nullable=False),
    Column("fact", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("status", String(20), nullable=False),  # pending | accepted | rejected
    Column("fact_type", String(20)),  # once accepted: the knowledge-base row it became
    Column("fact_id", Integer),
    Column("reviewed_at", DateTime),
    Column("reviewer", Text),
    Index("ix_candidates_article", "article_id", "position"),
    Index("ix_candidates_status", "status"),
)

# What a second source said at one moment, kept beside the facts and never counted as one:
# the CIA World Factbook's January 2020 statuses, and its weekly history 2015-2026 (from
# `observed`, the first sighting, to `observed_until`, the last). The text stays as printed.
observations = Table(
    "observations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    *_dated("observed"),
    Column("observed_until", Date),  # the last day seen, for a run of sightings
    Column("org_id", String(40), ForeignKey("organizations.id")),  # null: no such org here
    Column("org_text", Text, nullable=False),
    Column("member_type", String(20), nullable=False),
    Column("member_id", String(40)),  # null: not a state of the knowledge base
    Column("member_text", Text, nullable=False),
    Column("status", String(30)),  # our vocabulary; null when the text maps to none
    Column("status_text", Text, nullable=False),
    Column("dataset", String(40), nullable=False),
    Index("ix_observations_org", "org_id", "member_id"),
)

# Fact tables and the name `fact_sources.fact_type` gives their rows.
FACT_TABLES = {
    "membership": memberships,
    "chairmanship": chairmanships,
    "instrument": instruments,
    "event": events,
    "founding": foundings,
}

# API tokens: only a hash of each token is kept; the token itself is shown once.
api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("role", String(20), nullable=False),  # reader | editor | admin
    Column("name", Text),
    Column("created_at", DateTime, nullable=False),
    Column("last_used_at", DateTime),
    Column("revoked_at", DateTime),
)

# Editors' browser sessions (migration 0005s): the cookie holds a random id, only its hash
# is kept; a session ends when it expires, when logging out revokes it, or with its token.
web_sessions = Table(
    "web_sessions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("session_hash", String(64), nullable=False, unique=True),
    Column("token_id", Integer, ForeignKey("api_tokens.id"), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
    Column("revoked_at", DateTime),
)

# An article's claim check as its page shows it (the check report's JSON), valid while the
# facts version and the day it was judged on are the current ones.
check_reports = Table(
    "check_reports",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), primary_key=True),
    Column("facts_version", Integer, nullable=False),
    Column("today", Date, nullable=False),
    Column("report", Text, nullable=False),
    Column("checked_at", DateTime, nullable=False),
)

# The ingest ledger (migration 0009): each work item an ingest finished, written in the
# transaction that stores its article, so that a restarted job skips exactly what is done.
# `key` is the item's (ingest.sources.WorkItem.key); `source` the file, `record_offset`
# the WARC record's offset in it (null for a whole file).
ingest_ledger = Table(
    "ingest_ledger",
    metadata,
    Column("key", Text, primary_key=True),
    Column("source", Text, nullable=False),
    Column("record_offset", BigInteger),
    Column("outcome", String(12), nullable=False),  # stored | duplicate | skipped | failed
    Column("article_id", Integer, ForeignKey("articles.id")),
    Column("message", Text),
    Column("done_at", DateTime, nullable=False),
    Index("ix_ingest_ledger_source", "source"),
)

# SQLite full-text indexes (FTS5 virtual tables kept in step by triggers, made by
# migration 0003w). They live outside this metadata: schema comparisons skip them.
SEARCH_TABLE_PREFIXES = ("articles_fts", "names_fts")


def is_search_table(name: str | None) -> bool:
    return bool(name) and str(name).startswith(SEARCH_TABLE_PREFIXES)


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    """Alembic's filter: compare everything but the full-text index tables."""
    return not (type_ == "table" and is_search_table(name))
