"""Logins for the web pages and tokens for integrations: ``credential`` (one per account
that may sign in, with an Argon2 hash) and ``api_token`` (digests only).

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

import models.types

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "credential",
        sa.Column("username", sa.String(length=64), primary_key=True),
        sa.Column("account_id", sa.String(length=64), sa.ForeignKey("account.id"),
                  nullable=False, unique=True),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("department", sa.String(), nullable=True),
        sa.Column("password_hash", sa.String(), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("created_at", models.types.UTCDateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "api_token",
        sa.Column("id", sa.String(length=16), primary_key=True),
        sa.Column("username", sa.String(length=64), sa.ForeignKey("credential.username"),
                  nullable=False, index=True),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.Column("created_at", models.types.UTCDateTime(timezone=True), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("api_token")
    op.drop_table("credential")
