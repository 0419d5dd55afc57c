"""One story, many copies: each article's fingerprints and LSH band keys, the copies kept
as its sources, and the fact identity that makes one candidate of many stories.

Rows stored before this revision get no fingerprints and no fact identity: such an
article is not found as the original of a later copy, and each of its candidates stays a
candidate of its own.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story_prints",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"]),
        sa.PrimaryKeyConstraint("article_id"),
    )
    op.create_index("ix_story_prints_text_hash", "story_prints", ["text_hash"])
    op.create_table(
        "story_bands",
        sa.Column("band_key", sa.BigInteger(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"]),
        sa.PrimaryKeyConstraint("band_key", "article_id"),
    )
    op.create_table(
        "story_copies",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("published", sa.String(10), nullable=True),
        sa.Column("published_lo", sa.Date(), nullable=True),
        sa.Column("published_hi", sa.Date(), nullable=True),
        sa.Column("seen", sa.DateTime(), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sha256", "source", name="uq_story_copies_sha256_source"),
    )
    op.create_index("ix_story_copies_article", "story_copies", ["article_id"])
    with op.batch_alter_table("candidates") as batch_op:
        batch_op.add_column(sa.Column("fact_key", sa.Text(), nullable=True))
        batch_op.create_index("ix_candidates_fact_key", ["fact_key"])


def downgrade() -> None:
    with op.batch_alter_table("candidates") as batch_op:
        batch_op.drop_index("ix_candidates_fact_key")
        batch_op.drop_column("fact_key")
    op.drop_index("ix_story_copies_article", table_name="story_copies")
    op.drop_table("story_copies")
    op.drop_table("story_bands")
    op.drop_index("ix_story_prints_text_hash", table_name="story_prints")
    op.drop_table("story_prints")
