"""One nomination of a household, person or village per campaign and programme.

Revision ID: 0009
Revises: 0008
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

NAME = "uq_nomination_campaign_programme_subject"


def upgrade() -> None:
    with op.batch_alter_table("nomination") as nomination:
        nomination.create_unique_constraint(NAME, ["campaign_id", "programme", "subject_id"])


def downgrade() -> None:
    with op.batch_alter_table("nomination") as nomination:
        nomination.drop_constraint(NAME, type_="unique")
