"""Ports: what the domain needs from the outside world, as protocols."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from workflows.audit import AuditEntry
from workflows.campaign import Campaign
from workflows.eligibility import Member
from workflows.events import Event
from workflows.nomination import Nomination
from workflows.objections import ObjectionCase
from workflows.publicity import PublicityWindow, PublishedList


class Clock(Protocol):
    def now(self) -> datetime: ...


class Renderer(Protocol):
    def render(self, kind: str, context: dict[str, Any]) -> tuple[str, str, str]: ...


class Queue(Protocol):
    """The doorbell: tells workers that committed rows are waiting."""

    def publish_events(self, event_ids: Sequence[int]) -> None: ...

    def deliver_notifications(self, notification_ids: Sequence[int]) -> None: ...


@dataclass(frozen=True)
class Account:
    id: str
    name: str
    role: str
    village_id: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Subject:
    """Who a nomination is about: a village, a household or a person."""

    id: str
    display_name: str
    village_id: str
    member_vetoes: tuple[str, ...] = ()
    members: tuple[Member, ...] = ()


@dataclass
class Notification:
    event_id: int
    recipient: str
    channel: str
    kind: str
    subject: str
    text: str
    html: str
    address: str | None = None
    status: str = "pending"
    id: int | None = None


@dataclass(frozen=True)
class Review:
    id: str
    nomination_id: str
    reviewer_id: str
    marks: dict[str, float]
    at: datetime


@dataclass(frozen=True)
class StoredEvent:
    id: int
    event: Event
    created_at: datetime | None = None


class UnitOfWork(Protocol):
    """One transaction. Leaving the ``with`` block without ``commit()`` rolls back."""

    campaigns: Any
    nominations: Any
    reviews: Any
    windows: Any
    objections: Any
    documents: Any
    notifications: Any
    directory: Any
    outbox: Any
    titles: Any
    reminder_days: Any
    committed_event_ids: list[int]
    committed_notification_ids: list[int]

    def __enter__(self) -> UnitOfWork: ...

    def __exit__(self, *exc: object) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...

    def emit(self, *events: Event) -> None: ...

    def record(self, entries: Iterable[AuditEntry]) -> None: ...

    def savepoint(self) -> Any: ...


__all__ = [
    "Account", "Campaign", "Clock", "Nomination", "Notification", "ObjectionCase",
    "PublicityWindow", "PublishedList", "Queue", "Renderer", "Review", "StoredEvent", "Subject",
    "UnitOfWork",
]


class BlobStore(Protocol):
    """Where attachment bytes live, by content hash (sha256 hex). Writing the same bytes twice
    keeps one copy; ``max_bytes`` is the largest file it accepts."""

    max_bytes: int

    def put(self, content: bytes) -> str: ...

    def read(self, content_hash: str) -> bytes: ...
