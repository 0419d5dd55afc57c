"""Articles, their tags and review candidates; evidence spans on fact sources;
memberships observed on a day (start unknown).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.String(length=10), nullable=True),
        sa.Column("published_lo", sa.Date(), nullable=True),
        sa.Column("published_hi", sa.Date(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("photo_credits", sa.Text(), nullable=True),
        sa.Column("warnings", sa.Text(), nullable=True),
        sa.Column("featured", sa.Boolean(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sha256"),
    )
    op.create_index("ix_articles_published", "articles", ["published_lo"])
    op.create_table(
        "article_tags",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.String(length=60), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"]),
        sa.PrimaryKeyConstraint("article_id", "tag"),
    )
    op.create_index("ix_article_tags_entity", "article_tags", ["entity_id"])
    op.create_table(
        "candidates",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("fact", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("fact_type", sa.String(length=20), nullable=True),
        sa.Column("fact_id", sa.Integer(), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("reviewer", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_candidates_article", "candidates", ["article_id", "position"])
    op.create_index("ix_candidates_status", "candidates", ["status"])
    with op.batch_alter_table("memberships") as batch_op:
        batch_op.add_column(sa.Column("observed", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("observed_lo", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("observed_hi", sa.Date(), nullable=True))
    with op.batch_alter_table("fact_sources") as batch_op:
        batch_op.add_column(sa.Column("evidence_start", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("evidence_end", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("evidence", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("memberships") as batch_op:
        batch_op.drop_column("observed_hi")
        batch_op.drop_column("observed_lo")
        batch_op.drop_column("observed")
    with op.batch_alter_table("fact_sources") as batch_op:
        batch_op.drop_column("evidence")
        batch_op.drop_column("evidence_end")
        batch_op.drop_column("evidence_start")
    op.drop_index("ix_candidates_status", "candidates")
    op.drop_index("ix_candidates_article", "candidates")
    op.drop_table("candidates")
    op.drop_index("ix_article_tags_entity", "article_tags")
    op.drop_table("article_tags")
    op.drop_index("ix_articles_published", "articles")
    op.drop_table("articles")
