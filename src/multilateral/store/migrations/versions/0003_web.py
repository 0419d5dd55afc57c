"""API tokens for the web site; full-text indexes of articles and names on SQLite.

Revision ID: 0003w
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003w"
down_revision = "0002"
branch_labels = None
depends_on = None

# External-content FTS5 tables: the text stays in `articles` and `names`; triggers
# keep the index in step with every insert, update and delete (init reloads names).
_SQLITE_FTS = [
    "create virtual table articles_fts using fts5(title, text, content='articles', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "create trigger articles_fts_ai after insert on articles begin insert into "
    "articles_fts(rowid, title, text) values (new.id, new.title, new.text); end",
    "create trigger articles_fts_ad after delete on articles begin insert into "
    "articles_fts(articles_fts, rowid, title, text) values ('delete', old.id, old.title, "
    "old.text); end",
    "create trigger articles_fts_au after update on articles begin insert into "
    "articles_fts(articles_fts, rowid, title, text) values ('delete', old.id, old.title, "
    "old.text); insert into articles_fts(rowid, title, text) values (new.id, new.title, "
    "new.text); end",
    "create virtual table names_fts using fts5(name, content='names', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "create trigger names_fts_ai after insert on names begin insert into names_fts(rowid, "
    "name) values (new.id, new.name); end",
    "create trigger names_fts_ad after delete on names begin insert into names_fts(names_fts, "
    "rowid, name) values ('delete', old.id, old.name); end",
    "create trigger names_fts_au after update on names begin insert into names_fts(names_fts, "
    "rowid, name) values ('delete', old.id, old.name); insert into names_fts(rowid, name) "
    "values (new.id, new.name); end",
    "insert into articles_fts(articles_fts) values ('rebuild')",
    "insert into names_fts(names_fts) values ('rebuild')",
]


def upgrade() -> None:
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_used_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    if op.get_bind().dialect.name == "sqlite":
        for statement in _SQLITE_FTS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("articles_fts_ai", "articles_fts_ad", "articles_fts_au", "names_fts_ai",
                     "names_fts_ad", "names_fts_au"):
            op.execute(f"drop trigger if exists {name}")
        op.execute("drop table if exists articles_fts")
        op.execute("drop table if exists names_fts")
    op.drop_table("api_tokens")
