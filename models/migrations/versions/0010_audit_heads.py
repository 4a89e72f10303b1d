"""Sealed audit chains: each entry and each published document carries an HMAC seal made
with a key kept outside the database, and every chain's head is kept in its own table.

Entries and documents written before this revision have no seal and their chains no head:
a migration cannot seal them (it has no key, and must not), so ``sanchuang verify`` reports
them. A store holding such data either starts afresh or keeps the report of what predates
the key.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_head",
        sa.Column("subject_id", sa.String(length=32), primary_key=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("seal", sa.String(length=64), nullable=False),
    )
    with op.batch_alter_table("audit_log") as audit_log:
        audit_log.add_column(sa.Column("seal", sa.String(length=64), nullable=False,
                                       server_default=""))
    with op.batch_alter_table("published_list") as published_list:
        published_list.add_column(sa.Column("seal", sa.String(length=64), nullable=False,
                                            server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("published_list") as published_list:
        published_list.drop_column("seal")
    with op.batch_alter_table("audit_log") as audit_log:
        audit_log.drop_column("seal")
    op.drop_table("audit_head")
