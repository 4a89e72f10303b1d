"""A phone number on each account, for the SMS channel (accounts without e-mail).

Revision ID: sms_phone
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "sms_phone"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("account") as batch:
        batch.add_column(sa.Column("phone", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("account") as batch:
        batch.drop_column("phone")
