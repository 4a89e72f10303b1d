"""The tables. One stage column on the nomination; everything else hangs off ids."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import Column, Float, Index, String, Table, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.types import BigId, Json, UTCDateTime


def when(nullable: bool = False, index: bool = False) -> Any:
    return Field(default=None, sa_column=Column(UTCDateTime(), nullable=nullable, index=index))


def json_field(default: Any = None) -> Any:
    def factory() -> Any:
        return {} if default is None else list(default)

    return Field(default_factory=factory, sa_column=Column(Json, nullable=False))


class TableModel(SQLModel):
    """The base of every table class. SQLAlchemy gives each one its ``__table__``, which
    SQLModel does not declare: declared here, ``Model.__table__.c.name`` is a typed Core
    column to write SQL expressions with."""

    __table__: ClassVar[Table]


class TownshipRow(TableModel, table=True):
    __tablename__ = "township"
    id: str = Field(primary_key=True, max_length=32)
    name: str


class VillageRow(TableModel, table=True):
    __tablename__ = "village"
    id: str = Field(primary_key=True, max_length=32)
    township_id: str = Field(foreign_key="township.id", index=True)
    name: str
    kind: str = "village"
    population: int = 0


class HouseholdRow(TableModel, table=True):
    __tablename__ = "household"
    id: str = Field(primary_key=True, max_length=32)
    village_id: str = Field(foreign_key="village.id", index=True)
    head_name: str


class PersonRow(TableModel, table=True):
    __tablename__ = "person"
    id: str = Field(primary_key=True, max_length=32)
    village_id: str = Field(foreign_key="village.id", index=True)
    household_id: str | None = Field(default=None, foreign_key="household.id", index=True)
    name: str
    gender: str
    id_number: str = Field(unique=True, max_length=18)
    birth_date: date
    phone: str | None = None
    relation: str = ""
    vetoes: list[str] = json_field(default=())
    serving_until: date | None = None
    deceased_on: date | None = None


class AccountRow(TableModel, table=True):
    __tablename__ = "account"
    id: str = Field(primary_key=True, max_length=64)
    name: str
    role: str = Field(index=True)
    village_id: str | None = Field(default=None, index=True)
    email: str | None = None


class CampaignRow(TableModel, table=True):
    __tablename__ = "campaign"
    id: str = Field(primary_key=True, max_length=32)
    township_id: str = Field(foreign_key="township.id")
    year: int
    name: str
    policy: dict = json_field()
    details: dict = json_field()
    created_at: datetime | None = when()


class NominationRow(TableModel, table=True):
    __tablename__ = "nomination"
    __table_args__ = (Index("ix_nomination_campaign_stage", "campaign_id", "stage"),)
    id: str = Field(primary_key=True, max_length=32)
    campaign_id: str = Field(foreign_key="campaign.id")
    programme: str
    village_id: str = Field(foreign_key="village.id", index=True)
    subject_id: str = Field(index=True)
    display_name: str
    category: str = ""
    deeds: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    self_marks: dict = json_field()
    stage: str = Field(max_length=32)
    version: int
    audit_head: str = Field(max_length=64)
    revision_round: int = 0
    window_id: str | None = Field(default=None, index=True)
    points: float | None = Field(default=None, sa_column=Column(Float, nullable=True))
    star_level: str = ""
    stage_reason: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    stage_changed_at: datetime | None = when(nullable=True)
    nominated_by: str = "village"
    posthumous: bool = False
    consent: dict = json_field()
    assembly: dict = json_field()
    notes: list = json_field(default=())
    rubric_version: int = 0
    outside_scores: dict = json_field()


class ReviewRow(TableModel, table=True):
    __tablename__ = "review"
    __table_args__ = (UniqueConstraint("nomination_id", "reviewer_id"),)
    id: str = Field(primary_key=True, max_length=32)
    nomination_id: str = Field(foreign_key="nomination.id", index=True)
    reviewer_id: str
    marks: dict = json_field()
    at: datetime | None = when()


class PublicityWindowRow(TableModel, table=True):
    __tablename__ = "publicity_window"
    id: str = Field(primary_key=True, max_length=32)
    campaign_id: str = Field(foreign_key="campaign.id", index=True)
    round: int
    opens_at: datetime | None = when()
    closes_at: datetime | None = when(index=True)
    objection_deadline: datetime | None = when()
    notice_id: str
    closed_at: datetime | None = when(nullable=True)


class ObjectionRow(TableModel, table=True):
    __tablename__ = "objection"
    id: str = Field(primary_key=True, max_length=32)
    nomination_id: str = Field(foreign_key="nomination.id", index=True)
    window_id: str = Field(foreign_key="publicity_window.id", index=True)
    complainant_name: str
    complainant_contact: str
    content: str = Field(sa_column=Column(Text, nullable=False))
    channel: str
    received_at: datetime | None = when()
    status: str = Field(default="received", index=True)
    findings: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    resolved_at: datetime | None = when(nullable=True)
    version: int = 1
    audit_head: str = ""


class PublishedListRow(TableModel, table=True):
    __tablename__ = "published_list"
    __table_args__ = (UniqueConstraint("campaign_id", "kind", "version"),)
    id: str = Field(primary_key=True, max_length=32)
    campaign_id: str = Field(foreign_key="campaign.id")
    kind: str
    version: int
    entries: list = json_field(default=())
    meta: dict = json_field()
    content_hash: str = Field(max_length=64)
    created_at: datetime | None = when()


class NotificationRow(TableModel, table=True):
    __tablename__ = "notification"
    __table_args__ = (UniqueConstraint("event_id", "recipient", "channel"),
                      Index("ix_notification_status_created", "status", "created_at"))
    id: int | None = Field(default=None, sa_column=Column(BigId, primary_key=True))
    event_id: int
    recipient: str = Field(index=True)
    channel: str
    kind: str
    subject: str
    text: str = Field(sa_column=Column(Text, nullable=False))
    html: str = Field(sa_column=Column(Text, nullable=False))
    address: str | None = None
    status: str = "pending"
    attempts: int = 0
    last_error: str = ""
    created_at: datetime | None = when()
    claimed_at: datetime | None = when(nullable=True)
    delivered_at: datetime | None = when(nullable=True)


class OutboxRow(TableModel, table=True):
    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_pending", "processed_at", "created_at"),)
    id: int | None = Field(default=None, sa_column=Column(BigId, primary_key=True))
    type: str
    name: str
    payload: dict = json_field()
    created_at: datetime | None = when()
    processed_at: datetime | None = when(nullable=True)


class AuditRow(TableModel, table=True):
    __tablename__ = "audit_log"
    __table_args__ = (UniqueConstraint("subject_id", "seq"),)
    id: int | None = Field(default=None, sa_column=Column(BigId, primary_key=True))
    subject_id: str = Field(max_length=32)
    seq: int
    actor_id: str
    role: str
    action: str
    source: str
    target: str
    reason: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    at: datetime | None = when()
    prev_hash: str = Field(sa_column=Column(String(64), nullable=False))
    hash: str = Field(sa_column=Column(String(64), nullable=False))


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


class ClockRow(TableModel, table=True):
    """The shared clock: every process reads real time plus this offset."""

    __tablename__ = "clock"
    id: int = Field(default=1, primary_key=True)
    offset_seconds: float = 0.0


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
