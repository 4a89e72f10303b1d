"""The outbox's waiting events get a partial index of their own (``id WHERE processed_at IS
NULL``); the index over every row's ``processed_at`` goes. A claim (``ORDER BY id ... FOR
UPDATE SKIP LOCKED``) then reads only waiting rows, so its cost no longer grows with the
processed history.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

WAITING = sa.text("processed_at IS NULL")


def upgrade() -> None:
    op.create_index("ix_outbox_waiting", "outbox", ["id"], postgresql_where=WAITING,
                    sqlite_where=WAITING)
    op.drop_index("ix_outbox_pending", table_name="outbox")


def downgrade() -> None:
    op.create_index("ix_outbox_pending", "outbox", ["processed_at", "created_at"])
    op.drop_index("ix_outbox_waiting", table_name="outbox")
