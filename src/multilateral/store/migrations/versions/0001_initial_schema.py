"""Initial schema: entities, names, dated facts with their sources, population.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "names",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entity_type", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.String(length=60), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("norm", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("valid_from", sa.String(length=10), nullable=True),
        sa.Column("valid_from_lo", sa.Date(), nullable=True),
        sa.Column("valid_from_hi", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.String(length=10), nullable=True),
        sa.Column("valid_to_lo", sa.Date(), nullable=True),
        sa.Column("valid_to_hi", sa.Date(), nullable=True),
        sa.Column("dataset", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("names", schema=None) as batch_op:
        batch_op.create_index("ix_names_entity", ["entity_type", "entity_id"], unique=False)
        batch_op.create_index("ix_names_norm", ["norm"], unique=False)

    op.create_table(
        "organizations",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("acronym", sa.String(length=40), nullable=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("parent_id", sa.String(length=40), nullable=True),
        sa.Column("cow_ioname", sa.String(length=40), nullable=True),
        sa.Column("wikidata_id", sa.String(length=20), nullable=True),
        sa.Column("website", sa.Text(), nullable=True),
        sa.Column("dissolved", sa.String(length=10), nullable=True),
        sa.Column("dissolved_lo", sa.Date(), nullable=True),
        sa.Column("dissolved_hi", sa.Date(), nullable=True),
        sa.Column("dataset", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["organizations.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "population",
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("dataset", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("code", "year"),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("citation", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "states",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("official_name", sa.Text(), nullable=True),
        sa.Column("iso2", sa.String(length=2), nullable=True),
        sa.Column("iso3", sa.String(length=3), nullable=True),
        sa.Column("cow_code", sa.Integer(), nullable=True),
        sa.Column("cow_abb", sa.String(length=3), nullable=True),
        sa.Column("wikidata_id", sa.String(length=20), nullable=True),
        sa.Column("system_start", sa.Date(), nullable=True),
        sa.Column("system_end", sa.Date(), nullable=True),
        sa.Column("dataset", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "chairmanships",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("org_id", sa.String(length=40), nullable=False),
        sa.Column("state_id", sa.String(length=20), nullable=False),
        sa.Column("start", sa.String(length=10), nullable=True),
        sa.Column("start_lo", sa.Date(), nullable=True),
        sa.Column("start_hi", sa.Date(), nullable=True),
        sa.Column("end", sa.String(length=10), nullable=True),
        sa.Column("end_lo", sa.Date(), nullable=True),
        sa.Column("end_hi", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("dataset", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
        ),
        sa.ForeignKeyConstraint(
            ["state_id"],
            ["states.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("chairmanships", schema=None) as batch_op:
        batch_op.create_index("ix_chairmanships_org", ["org_id"], unique=False)

    op.create_table(
        "fact_sources",
        sa.Column("fact_type", sa.String(length=20), nullable=False),
        sa.Column("fact_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
        ),
        sa.PrimaryKeyConstraint("fact_type", "fact_id", "source_id"),
    )
    with op.batch_alter_table("fact_sources", schema=None) as batch_op:
        batch_op.create_index("ix_fact_sources_source", ["source_id"], unique=False)

    op.create_table(
        "memberships",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("org_id", sa.String(length=40), nullable=False),
        sa.Column("member_type", sa.String(length=20), nullable=False),
        sa.Column("member_id", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("start", sa.String(length=10), nullable=True),
        sa.Column("start_lo", sa.Date(), nullable=True),
        sa.Column("start_hi", sa.Date(), nullable=True),
        sa.Column("end", sa.String(length=10), nullable=True),
        sa.Column("end_lo", sa.Date(), nullable=True),
        sa.Column("end_hi", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=True),
        sa.Column("decided", sa.String(length=10), nullable=True),
        sa.Column("decided_lo", sa.Date(), nullable=True),
        sa.Column("decided_hi", sa.Date(), nullable=True),
        sa.Column("known_until", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("dataset", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.create_index("ix_memberships_member", ["member_id"], unique=False)
        batch_op.create_index("ix_memberships_org", ["org_id", "start_lo"], unique=False)

    op.create_table(
        "places",
        sa.Column("id", sa.String(length=60), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("country_id", sa.String(length=20), nullable=True),
        sa.Column("within_id", sa.String(length=60), nullable=True),
        sa.Column("dataset", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["country_id"],
            ["states.id"],
        ),
        sa.ForeignKeyConstraint(
            ["within_id"],
            ["places.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("start", sa.String(length=10), nullable=True),
        sa.Column("start_lo", sa.Date(), nullable=True),
        sa.Column("start_hi", sa.Date(), nullable=True),
        sa.Column("end", sa.String(length=10), nullable=True),
        sa.Column("end_lo", sa.Date(), nullable=True),
        sa.Column("end_hi", sa.Date(), nullable=True),
        sa.Column("place_id", sa.String(length=60), nullable=True),
        sa.Column("chair_state_id", sa.String(length=20), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("dataset", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["chair_state_id"],
            ["states.id"],
        ),
        sa.ForeignKeyConstraint(
            ["place_id"],
            ["places.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "foundings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("org_id", sa.String(length=40), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("date_lo", sa.Date(), nullable=True),
        sa.Column("date_hi", sa.Date(), nullable=True),
        sa.Column("place_id", sa.String(length=60), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("dataset", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
        ),
        sa.ForeignKeyConstraint(
            ["place_id"],
            ["places.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("foundings", schema=None) as batch_op:
        batch_op.create_index("ix_foundings_org", ["org_id"], unique=False)

    op.create_table(
        "instruments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("date_lo", sa.Date(), nullable=True),
        sa.Column("date_hi", sa.Date(), nullable=True),
        sa.Column("place_id", sa.String(length=60), nullable=True),
        sa.Column("effect", sa.String(length=30), nullable=True),
        sa.Column("subject_org_id", sa.String(length=40), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("dataset", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["place_id"],
            ["places.id"],
        ),
        sa.ForeignKeyConstraint(
            ["subject_org_id"],
            ["organizations.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "event_organizers",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("organizer_type", sa.String(length=20), nullable=False),
        sa.Column("organizer_id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
        ),
        sa.PrimaryKeyConstraint("event_id", "organizer_type", "organizer_id"),
    )
    with op.batch_alter_table("event_organizers", schema=None) as batch_op:
        batch_op.create_index("ix_event_organizers_org", ["organizer_id"], unique=False)

    op.create_table(
        "instrument_parties",
        sa.Column("instrument_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("party_type", sa.String(length=20), nullable=False),
        sa.Column("party_id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["instrument_id"],
            ["instruments.id"],
        ),
        sa.PrimaryKeyConstraint("instrument_id", "position"),
    )
    with op.batch_alter_table("instrument_parties", schema=None) as batch_op:
        batch_op.create_index("ix_instrument_parties_party", ["party_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("instrument_parties", schema=None) as batch_op:
        batch_op.drop_index("ix_instrument_parties_party")

    op.drop_table("instrument_parties")
    with op.batch_alter_table("event_organizers", schema=None) as batch_op:
        batch_op.drop_index("ix_event_organizers_org")

    op.drop_table("event_organizers")
    op.drop_table("instruments")
    with op.batch_alter_table("foundings", schema=None) as batch_op:
        batch_op.drop_index("ix_foundings_org")

    op.drop_table("foundings")
    op.drop_table("events")
    op.drop_table("places")
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.drop_index("ix_memberships_org")
        batch_op.drop_index("ix_memberships_member")

    op.drop_table("memberships")
    with op.batch_alter_table("fact_sources", schema=None) as batch_op:
        batch_op.drop_index("ix_fact_sources_source")

    op.drop_table("fact_sources")
    with op.batch_alter_table("chairmanships", schema=None) as batch_op:
        batch_op.drop_index("ix_chairmanships_org")

    op.drop_table("chairmanships")
    op.drop_table("states")
    op.drop_table("sources")
    op.drop_table("population")
    op.drop_table("organizations")
    with op.batch_alter_table("names", schema=None) as batch_op:
        batch_op.drop_index("ix_names_norm")
        batch_op.drop_index("ix_names_entity")

    op.drop_table("names")
    op.drop_table("meta")
