"""The ingest ledger: each work item an ingest finished (a file, or a WARC record by its
offset), so that a job killed and started again skips what it did.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ingest_ledger",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("record_offset", sa.BigInteger(), nullable=True),
        sa.Column("outcome", sa.String(length=12), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("done_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"]),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_index("ix_ingest_ledger_source", "ingest_ledger", ["source"])


def downgrade() -> None:
    op.drop_index("ix_ingest_ledger_source", "ingest_ledger")
    op.drop_table("ingest_ledger")
