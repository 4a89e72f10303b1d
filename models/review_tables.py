"""The review's tables: the honour roll, department vetting, the panel, reminders,
attachments."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Float, Index, Text, UniqueConstraint
from sqlmodel import Field

from models.table_base import TableModel, json_field, when
from models.types import BigId


class TitleRow(TableModel, table=True):
    """The honour roll over the years: who holds which title, and titles taken away."""

    __tablename__ = "title_record"
    __table_args__ = (UniqueConstraint("nomination_id"),
                      Index("ix_title_subject", "subject_id", "programme"))
    id: int | None = Field(default=None, sa_column=Column(BigId, primary_key=True))
    nomination_id: str = Field(max_length=32)
    subject_id: str = Field(max_length=32)
    programme: str
    star_level: str = ""
    year: int
    status: str = "active"
    awarded_on: date
    ended_on: date | None = None
    plaque_from: date | None = None
    # after the award (models/titles.py): plaques, the revocation case, re-rating
    plaque_issued_on: date | None = None
    plaque_hung_on: date | None = None
    plaque_recovered_on: date | None = None
    benefits_ended_on: date | None = None
    barred_until: date | None = None
    case_stage: str = ""
    reason_code: str = ""
    case_report: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    case_findings: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    remediation_due: date | None = None
    rerated_on: date | None = None
    notice_number: str = ""
    end_reason: str = ""


class VettingRequestRow(TableModel, table=True):
    """One department's vetting of one nomination (联合审查); "overdue" is derived."""

    __tablename__ = "vetting_request"
    __table_args__ = (UniqueConstraint("nomination_id", "department"),
                      Index("ix_vetting_request_outcome_due", "outcome", "due_at"))
    id: str = Field(primary_key=True, max_length=32)
    nomination_id: str = Field(foreign_key="nomination.id", index=True, max_length=32)
    campaign_id: str = Field(foreign_key="campaign.id", max_length=32)
    department: str
    requested_at: datetime | None = when()
    due_at: datetime | None = when()
    outcome: str = "pending"
    note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    answered_at: datetime | None = when(nullable=True)
    answered_by: str = ""


class ReviewerProfileRow(TableModel, table=True):
    """A reviewer account tied to the roster, for conflict-of-interest checks."""

    __tablename__ = "reviewer_profile"
    account_id: str = Field(primary_key=True, foreign_key="account.id", max_length=64)
    person_id: str | None = Field(default=None, max_length=32)
    household_id: str | None = Field(default=None, max_length=32)
    village_id: str | None = Field(default=None, max_length=32)
    kin_person_ids: list = json_field(default=())
    kin_household_ids: list = json_field(default=())


class PanelSeatRow(TableModel, table=True):
    """A reviewer assigned to a programme's panel in a campaign."""

    __tablename__ = "panel_seat"
    __table_args__ = (UniqueConstraint("campaign_id", "programme", "reviewer_id"),)
    id: str = Field(primary_key=True, max_length=32)
    campaign_id: str = Field(foreign_key="campaign.id", max_length=32)
    programme: str
    reviewer_id: str = Field(foreign_key="account.id", max_length=64)
    assigned_by: str
    assigned_at: datetime | None = when()


class RecusalRow(TableModel, table=True):
    """A reviewer stepping aside from one nomination: declared, or flagged automatically."""

    __tablename__ = "recusal"
    __table_args__ = (UniqueConstraint("nomination_id", "reviewer_id"),)
    id: str = Field(primary_key=True, max_length=32)
    nomination_id: str = Field(foreign_key="nomination.id", index=True, max_length=32)
    reviewer_id: str = Field(max_length=64)
    reason: str = Field(sa_column=Column(Text, nullable=False))
    kind: str
    at: datetime | None = when()


class PanelResultRow(TableModel, table=True):
    """The panel's aggregate for a nomination, written once; rank and quota status later."""

    __tablename__ = "panel_result"
    __table_args__ = (Index("ix_panel_result_programme", "campaign_id", "programme"),)
    nomination_id: str = Field(primary_key=True, foreign_key="nomination.id", max_length=32)
    campaign_id: str = Field(foreign_key="campaign.id", max_length=32)
    programme: str
    method: str
    value: float = Field(sa_column=Column(Float, nullable=False))
    passed: bool
    stars: int = 0
    level: str = ""
    votes_for: int | None = None
    sheets: int
    concluded_at: datetime | None = when()
    rank: int | None = None
    quota_status: str = ""


class ReminderDayRow(TableModel, table=True):
    """The days whose deadline reminders have gone out (one batch a day)."""

    __tablename__ = "reminder_day"
    day: date = Field(primary_key=True)
    created_at: datetime | None = when()


class AttachmentRow(TableModel, table=True):
    """A file attached to a nomination; the bytes live in the blob store under content_hash."""

    __tablename__ = "attachment"
    __table_args__ = (UniqueConstraint("nomination_id", "purpose", "content_hash"),)
    id: str = Field(primary_key=True, max_length=32)
    nomination_id: str = Field(foreign_key="nomination.id", index=True, max_length=32)
    purpose: str = Field(max_length=16)
    filename: str = Field(max_length=200)
    kind: str = Field(max_length=8)
    size: int
    content_hash: str = Field(max_length=64, index=True)
    uploaded_by: str = Field(max_length=64)
    uploaded_at: datetime | None = when()
