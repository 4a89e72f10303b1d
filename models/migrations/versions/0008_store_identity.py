"""The store's identity: one row with a random id, written here, so every migrated store
(``sanchuang init``) has one. Workers claim their broker with it.

Revision ID: 0008
Revises: 0007
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "store_identity",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("store_id", sa.String(32), nullable=False, unique=True),
    )
    op.bulk_insert(table, [{"id": 1, "store_id": uuid.uuid4().hex}])


def downgrade() -> None:
    op.drop_table("store_identity")
