"""The unit of work: one transaction, its repositories, and the events it emits. The
repositories are read-only members, so a store may hand out a richer class than the port."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import Protocol

from workflows.audit import AuditEntry
from workflows.events import Event
from workflows.ports.review_stores import Attachments, Panel, VettingRequests
from workflows.ports.stores import (
    Campaigns,
    Directory,
    Documents,
    Nominations,
    Notifications,
    Objections,
    Outbox,
    PublicityWindows,
    ReminderDays,
    Reviews,
    Titles,
)


class UnitOfWork(Protocol):
    """One transaction. Leaving the ``with`` block without ``commit()`` rolls back."""

    committed_event_ids: list[int]
    committed_notification_ids: list[int]

    @property
    def campaigns(self) -> Campaigns: ...

    @property
    def nominations(self) -> Nominations: ...

    @property
    def reviews(self) -> Reviews: ...

    @property
    def windows(self) -> PublicityWindows: ...

    @property
    def objections(self) -> Objections: ...

    @property
    def documents(self) -> Documents: ...

    @property
    def notifications(self) -> Notifications: ...

    @property
    def directory(self) -> Directory: ...

    @property
    def outbox(self) -> Outbox: ...

    @property
    def titles(self) -> Titles: ...

    @property
    def reminder_days(self) -> ReminderDays: ...

    def __enter__(self) -> UnitOfWork: ...

    def __exit__(self, *exc: object) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...

    def emit(self, *events: Event) -> None: ...

    def record(self, entries: Iterable[AuditEntry]) -> None: ...

    def savepoint(self) -> AbstractContextManager[None]:
        """A part that may be refused: on refusal only that part is undone."""
        ...


class VettingUnitOfWork(UnitOfWork, Protocol):
    @property
    def vetting(self) -> VettingRequests: ...


class PanelUnitOfWork(VettingUnitOfWork, Protocol):
    @property
    def panel(self) -> Panel: ...


class AttachmentUnitOfWork(UnitOfWork, Protocol):
    @property
    def attachments(self) -> Attachments: ...

    @property
    def panel(self) -> Panel: ...
