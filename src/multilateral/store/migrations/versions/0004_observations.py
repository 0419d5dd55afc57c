"""Observations (a second source's statuses at one moment) and the date of a source page.

Revision ID: 0004
Revises: 0003w
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003w"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "observations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("observed", sa.String(length=10), nullable=True),
        sa.Column("observed_lo", sa.Date(), nullable=True),
        sa.Column("observed_hi", sa.Date(), nullable=True),
        sa.Column("org_id", sa.String(length=40), nullable=True),
        sa.Column("org_text", sa.Text(), nullable=False),
        sa.Column("member_type", sa.String(length=20), nullable=False),
        sa.Column("member_id", sa.String(length=40), nullable=True),
        sa.Column("member_text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=True),
        sa.Column("status_text", sa.Text(), nullable=False),
        sa.Column("dataset", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_observations_org", "observations", ["org_id", "member_id"])
    with op.batch_alter_table("sources") as batch_op:
        batch_op.add_column(sa.Column("published", sa.String(length=10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sources") as batch_op:
        batch_op.drop_column("published")
    op.drop_index("ix_observations_org", "observations")
    op.drop_table("observations")
