"""Story signatures made by our own MinHash (`model.shingles`, scheme blake2b32-affine61)
in place of datasketch's: the stored signatures and band keys are made again from each
article's text, so that a copy read after this revision still finds its original.

The text hashes (exact copies) do not change. Work is one pass over the articles with
fingerprints, a batch of them at a time.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from multilateral.model.shingles import Signature

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

BATCH = 500

_articles = sa.table("articles", sa.column("id", sa.Integer), sa.column("text", sa.Text))
_prints = sa.table("story_prints", sa.column("article_id", sa.Integer),
                   sa.column("signature", sa.LargeBinary))
_bands = sa.table("story_bands", sa.column("band_key", sa.BigInteger),
                  sa.column("article_id", sa.Integer))


def upgrade() -> None:
    connection = op.get_bind()
    after = 0
    while True:
        rows = connection.execute(
            sa.select(_prints.c.article_id, _articles.c.text)
            .join(_articles, _articles.c.id == _prints.c.article_id)
            .where(_prints.c.article_id > after).order_by(_prints.c.article_id)
            .limit(BATCH)).all()
        if not rows:
            return
        ids = [row.article_id for row in rows]
        connection.execute(sa.delete(_bands).where(_bands.c.article_id.in_(ids)))
        bands = []
        for article_id, text in rows:
            signature = Signature.of(text or "")
            connection.execute(sa.update(_prints).where(_prints.c.article_id == article_id)
                               .values(signature=signature.to_bytes() if signature else None))
            if signature is not None:
                bands += [{"band_key": key, "article_id": article_id}
                          for key in sorted(set(signature.band_keys()))]
        if bands:
            connection.execute(sa.insert(_bands), bands)
        after = ids[-1]


def downgrade() -> None:
    raise NotImplementedError("the datasketch signatures cannot be made again without it")
