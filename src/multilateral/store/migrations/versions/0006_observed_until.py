"""The last day a run of observations was seen (the Factbook's weekly history).

Revision ID: 0006
Revises: 0005s (the web sessions)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005s"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("observations") as batch_op:
        batch_op.add_column(sa.Column("observed_until", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("observations") as batch_op:
        batch_op.drop_column("observed_until")
