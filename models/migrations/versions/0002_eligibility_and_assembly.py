"""Eligibility and the village assembly: persons serving a sentence or deceased, who nominated
and the nominee's consent, the assembly's vote, and the honour roll of titles over the years.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("person") as person:
        person.add_column(sa.Column("serving_until", sa.Date(), nullable=True))
        person.add_column(sa.Column("deceased_on", sa.Date(), nullable=True))
    with op.batch_alter_table("nomination") as nomination:
        nomination.add_column(sa.Column("nominated_by", sa.String(), nullable=False,
                                        server_default="village"))
        nomination.add_column(sa.Column("posthumous", sa.Boolean(), nullable=False,
                                        server_default=sa.false()))
        for name, default in (("consent", "{}"), ("assembly", "{}"), ("notes", "[]")):
            nomination.add_column(sa.Column(name, JSON, nullable=False, server_default=default))
    op.create_table(
        "title_record",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True),
        sa.Column("nomination_id", sa.String(length=32), nullable=False),
        sa.Column("subject_id", sa.String(length=32), nullable=False),
        sa.Column("programme", sa.String(), nullable=False),
        sa.Column("star_level", sa.String(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("awarded_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("plaque_from", sa.Date(), nullable=True),
        sa.UniqueConstraint("nomination_id"),
    )
    op.create_index("ix_title_subject", "title_record", ["subject_id", "programme"])


def downgrade() -> None:
    op.drop_index("ix_title_subject", table_name="title_record")
    op.drop_table("title_record")
    with op.batch_alter_table("nomination") as nomination:
        for name in ("notes", "assembly", "consent", "posthumous", "nominated_by"):
            nomination.drop_column(name)
    with op.batch_alter_table("person") as person:
        person.drop_column("deceased_on")
        person.drop_column("serving_until")
