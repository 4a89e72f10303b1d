"""Deadline reminders go out once a day: the days already done.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

import models.types

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reminder_day",
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("created_at", models.types.UTCDateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("reminder_day")
