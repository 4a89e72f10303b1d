"""Each nomination keeps the version of the rubric it was submitted under.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("nomination") as nomination:
        nomination.add_column(sa.Column("rubric_version", sa.Integer(), nullable=False,
                                        server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("nomination") as nomination:
        nomination.drop_column("rubric_version")
