"""A title after the award: plaque dates, the revocation case (reason code, report,
findings, notice), the bar it sets, benefits ended, re-rating and remediation.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

DATES = ("plaque_issued_on", "plaque_hung_on", "plaque_recovered_on", "benefits_ended_on",
         "barred_until", "remediation_due", "rerated_on")
TEXTS = {"case_stage": sa.String(), "reason_code": sa.String(), "case_report": sa.Text(),
         "case_findings": sa.Text(), "notice_number": sa.String(), "end_reason": sa.String()}


def upgrade() -> None:
    with op.batch_alter_table("title_record") as table:
        for name in DATES:
            table.add_column(sa.Column(name, sa.Date(), nullable=True))
        for name, kind in TEXTS.items():
            table.add_column(sa.Column(name, kind, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("title_record") as table:
        for name in (*DATES, *TEXTS):
            table.drop_column(name)
