"""The plain records the store hands to the domain besides its aggregates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from workflows.eligibility import Member

#: What a stored event carries: any event, or a protocol several events satisfy.
E_co = TypeVar("E_co", covariant=True)


@dataclass(frozen=True)
class Account:
    id: str
    name: str
    role: str
    village_id: str | None = None
    email: str | None = None
    phone: str | None = None  # a mobile number for SMS, when the holder has no e-mail


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
class StoredEvent(Generic[E_co]):
    """An event as claimed from the outbox. ``StoredEvent[events.DeadlinesDue]`` says which
    events a handler is given; a bare ``StoredEvent`` may carry any."""

    id: int
    event: E_co
    created_at: datetime | None = None
