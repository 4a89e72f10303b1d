"""The tables. One stage column on the nomination; everything else hangs off ids."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Float, Index, String, Text, UniqueConstraint, text
from sqlmodel import Field

from models.review_tables import (  # the review's tables, reachable from here too
    AttachmentRow as AttachmentRow,
)
from models.review_tables import (
    PanelResultRow as PanelResultRow,
)
from models.review_tables import (
    PanelSeatRow as PanelSeatRow,
)
from models.review_tables import (
    RecusalRow as RecusalRow,
)
from models.review_tables import (
    ReminderDayRow as ReminderDayRow,
)
from models.review_tables import (
    ReviewerProfileRow as ReviewerProfileRow,
)
from models.review_tables import (
    TitleRow as TitleRow,
)
from models.review_tables import (
    VettingRequestRow as VettingRequestRow,
)
from models.table_base import TableModel as TableModel
from models.table_base import json_field, when
from models.types import BigId


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
    phone: str | None = None


class CredentialRow(TableModel, table=True):
    """A login: the account it acts as, its staff role, an Argon2 hash. ``epoch`` goes up
    when the login is disabled or its password changes, ending every session it had."""

    __tablename__ = "credential"
    username: str = Field(primary_key=True, max_length=64)
    account_id: str = Field(foreign_key="account.id", unique=True, max_length=64)
    role: str
    department: str | None = None
    password_hash: str
    disabled: bool = False
    epoch: int = 0
    created_at: datetime | None = when()


class ApiTokenRow(TableModel, table=True):
    """An integration's token: only the SHA-256 digest of its secret part is kept."""

    __tablename__ = "api_token"
    id: str = Field(primary_key=True, max_length=16)
    username: str = Field(foreign_key="credential.username", index=True, max_length=64)
    digest: str = Field(max_length=64)
    name: str = ""
    revoked: bool = False
    created_at: datetime | None = when()


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
    __table_args__ = (Index("ix_nomination_campaign_stage", "campaign_id", "stage"),
                      UniqueConstraint("campaign_id", "programme", "subject_id",
                                       name="uq_nomination_campaign_programme_subject"))
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
    late: bool = False
    investigator: str = ""
    assigned_at: datetime | None = when(nullable=True)
    reply: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


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
    seal: str = Field(default="", sa_column=Column(String(64), nullable=False, default=""))
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
    # Only the events still waiting are indexed: a claim or a sweep reads the waiting
    # events in id order through it, however many processed rows lie behind them.
    __table_args__ = (Index("ix_outbox_waiting", "id",
                            postgresql_where=text("processed_at IS NULL"),
                            sqlite_where=text("processed_at IS NULL")),)
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
    seal: str = Field(default="", sa_column=Column(String(64), nullable=False, default=""))


class AuditHeadRow(TableModel, table=True):
    """Each chain's last entry, sealed apart: written with the entries it follows."""

    __tablename__ = "audit_head"
    subject_id: str = Field(primary_key=True, max_length=32)
    seq: int
    hash: str = Field(sa_column=Column(String(64), nullable=False))
    seal: str = Field(sa_column=Column(String(64), nullable=False))


class ClockRow(TableModel, table=True):
    """The shared clock: every process reads real time plus this offset."""

    __tablename__ = "clock"
    id: int = Field(default=1, primary_key=True)
    offset_seconds: float = 0.0



class StoreIdentityRow(TableModel, table=True):
    """This store's identity: a random id written once, by the migration that made the
    table (so by ``sanchuang init``). Workers claim their broker with it."""

    __tablename__ = "store_identity"
    id: int = Field(default=1, primary_key=True)
    store_id: str = Field(sa_column=Column(String(32), nullable=False, unique=True))
