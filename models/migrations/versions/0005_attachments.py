"""Attachments: files attached to a nomination, their bytes in the blob store by content hash.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

import models.types

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment",
        sa.Column("id", sa.String(length=32), primary_key=True),
        sa.Column("nomination_id", sa.String(length=32), sa.ForeignKey("nomination.id"),
                  nullable=False),
        sa.Column("purpose", sa.String(length=16), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("uploaded_by", sa.String(length=64), nullable=False),
        sa.Column("uploaded_at", models.types.UTCDateTime(), nullable=False),
        sa.UniqueConstraint("nomination_id", "purpose", "content_hash"),
    )
    op.create_index("ix_attachment_nomination_id", "attachment", ["nomination_id"])
    op.create_index("ix_attachment_content_hash", "attachment", ["content_hash"])


def downgrade() -> None:
    op.drop_index("ix_attachment_content_hash", table_name="attachment")
    op.drop_index("ix_attachment_nomination_id", table_name="attachment")
    op.drop_table("attachment")
