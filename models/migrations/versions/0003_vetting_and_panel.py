"""Department vetting and the panel: vetting requests, reviewer profiles, panel seats,
recusals and the panel's aggregate.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import models.types

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def when(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, models.types.UTCDateTime(), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "vetting_request",
        sa.Column("id", sa.String(length=32), primary_key=True),
        sa.Column("nomination_id", sa.String(length=32), sa.ForeignKey("nomination.id"),
                  nullable=False),
        sa.Column("campaign_id", sa.String(length=32), sa.ForeignKey("campaign.id"),
                  nullable=False),
        sa.Column("department", sa.String(), nullable=False),
        when("requested_at"),
        when("due_at"),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        when("answered_at", nullable=True),
        sa.Column("answered_by", sa.String(), nullable=False),
        sa.UniqueConstraint("nomination_id", "department"),
    )
    op.create_index("ix_vetting_request_nomination_id", "vetting_request", ["nomination_id"])
    op.create_index("ix_vetting_request_outcome_due", "vetting_request", ["outcome", "due_at"])
    op.create_table(
        "reviewer_profile",
        sa.Column("account_id", sa.String(length=64), sa.ForeignKey("account.id"),
                  primary_key=True),
        sa.Column("person_id", sa.String(length=32), nullable=True),
        sa.Column("household_id", sa.String(length=32), nullable=True),
        sa.Column("village_id", sa.String(length=32), nullable=True),
        sa.Column("kin_person_ids", JSON, nullable=False),
        sa.Column("kin_household_ids", JSON, nullable=False),
    )
    op.create_table(
        "panel_seat",
        sa.Column("id", sa.String(length=32), primary_key=True),
        sa.Column("campaign_id", sa.String(length=32), sa.ForeignKey("campaign.id"),
                  nullable=False),
        sa.Column("programme", sa.String(), nullable=False),
        sa.Column("reviewer_id", sa.String(length=64), sa.ForeignKey("account.id"),
                  nullable=False),
        sa.Column("assigned_by", sa.String(), nullable=False),
        when("assigned_at"),
        sa.UniqueConstraint("campaign_id", "programme", "reviewer_id"),
    )
    op.create_table(
        "recusal",
        sa.Column("id", sa.String(length=32), primary_key=True),
        sa.Column("nomination_id", sa.String(length=32), sa.ForeignKey("nomination.id"),
                  nullable=False),
        sa.Column("reviewer_id", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        when("at"),
        sa.UniqueConstraint("nomination_id", "reviewer_id"),
    )
    op.create_index("ix_recusal_nomination_id", "recusal", ["nomination_id"])
    op.create_table(
        "panel_result",
        sa.Column("nomination_id", sa.String(length=32), sa.ForeignKey("nomination.id"),
                  primary_key=True),
        sa.Column("campaign_id", sa.String(length=32), sa.ForeignKey("campaign.id"),
                  nullable=False),
        sa.Column("programme", sa.String(), nullable=False),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("stars", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(), nullable=False),
        sa.Column("votes_for", sa.Integer(), nullable=True),
        sa.Column("sheets", sa.Integer(), nullable=False),
        when("concluded_at"),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("quota_status", sa.String(), nullable=False),
    )
    op.create_index("ix_panel_result_programme", "panel_result", ["campaign_id", "programme"])


def downgrade() -> None:
    op.drop_index("ix_panel_result_programme", table_name="panel_result")
    op.drop_table("panel_result")
    op.drop_index("ix_recusal_nomination_id", table_name="recusal")
    op.drop_table("recusal")
    op.drop_table("panel_seat")
    op.drop_table("reviewer_profile")
    op.drop_index("ix_vetting_request_outcome_due", table_name="vetting_request")
    op.drop_index("ix_vetting_request_nomination_id", table_name="vetting_request")
    op.drop_table("vetting_request")
