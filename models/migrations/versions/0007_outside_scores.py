"""Scores from outside the panel (village representatives, the public) for weighted rubrics.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("nomination") as nomination:
        nomination.add_column(sa.Column("outside_scores", JSON, nullable=False,
                                        server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("nomination") as nomination:
        nomination.drop_column("outside_scores")
