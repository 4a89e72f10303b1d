"""Objection cases as the 文明办 handles them: an objection received after the deadline is
marked late, an investigator is assigned (with the time), and the written reply to the
complainant is kept apart from the findings on file.

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

import models.types

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("objection") as objection:
        objection.add_column(sa.Column("late", sa.Boolean(), nullable=False,
                                       server_default=sa.false()))
        objection.add_column(sa.Column("investigator", sa.String(), nullable=False,
                                       server_default=""))
        objection.add_column(sa.Column("assigned_at", models.types.UTCDateTime(timezone=True),
                                       nullable=True))
        objection.add_column(sa.Column("reply", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("objection") as objection:
        for column in ("reply", "assigned_at", "investigator", "late"):
            objection.drop_column(column)
