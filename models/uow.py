"""The unit of work: one transaction for the change, its audit entries and its outbox rows."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from models.attachments_repo import AttachmentRepository
from models.audit_log import AuditRepository
from models.directory import Directory
from models.outbox import (
    NotificationRepository,
    OutboxRepository,
    WaitedFor,
    every_event,
)
from models.panel_repos import PanelRepository
from models.publicity_repos import DocumentRepository, ObjectionRepository, WindowRepository
from models.reminders import ReminderDays
from models.repositories import CampaignRepository, NominationRepository, ReviewRepository
from models.titles import TitleRepository
from models.vetting_repos import VettingRepository
from workflows.audit import AuditEntry
from workflows.audit_seal import Signer
from workflows.events import Event


class SqlUnitOfWork:
    def __init__(self, session_factory: sessionmaker[Session], clock: Callable[[], datetime],
                 signer: Signer, waited_for: WaitedFor = every_event):
        self.session_factory, self.clock, self.waited_for = session_factory, clock, waited_for
        self.signer = signer
        self.committed_event_ids: list[int] = []
        self.committed_notification_ids: list[int] = []

    def __enter__(self) -> SqlUnitOfWork:
        self.now = self.clock()
        self.session = self.session_factory()
        self.session.begin()
        self.event_ids: list[int] = []
        self.audit_log = AuditRepository(self.session, self.signer)
        self.outbox = OutboxRepository(self.session, self.waited_for)
        self.campaigns = CampaignRepository(self.session, self.clock)
        self.nominations = NominationRepository(self.session, self._collect)
        self.reviews = ReviewRepository(self.session)
        self.windows = WindowRepository(self.session)
        self.objections = ObjectionRepository(self.session, self._collect)
        self.documents = DocumentRepository(self.session, self.signer)
        self.notifications = NotificationRepository(self.session, self.now)
        self.directory = Directory(self.session)
        self.vetting = VettingRepository(self.session)
        self.panel = PanelRepository(self.session)
        self.titles = TitleRepository(self.session)
        self.reminder_days = ReminderDays(self.session)
        self.attachments = AttachmentRepository(self.session)
        return self

    def __exit__(self, *exc: object) -> None:
        self.rollback()
        self.session.close()

    def commit(self) -> None:
        self.session.commit()
        self.committed_event_ids = list(self.event_ids)
        self.committed_notification_ids = list(self.notifications.to_deliver)

    def rollback(self) -> None:
        if self.session.in_transaction():
            self.session.rollback()

    def emit(self, *events: Event) -> None:
        if events:
            self.event_ids.extend(self.outbox.add(events, self.now))

    def record(self, entries: Iterable[AuditEntry]) -> None:
        self.audit_log.add(entries)

    def _collect(self, aggregates: Sequence[Any]) -> None:
        """Write what saved aggregates raised, in one statement each: audit entries, events."""
        self.audit_log.add([e for a in aggregates for e in a.audit])
        events = [e for a in aggregates for e in a.events]
        if events:
            self.event_ids.extend(self.outbox.add(events, self.now))
        for aggregate in aggregates:
            aggregate.audit.clear()
            aggregate.events.clear()

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """Run a part that may be refused; on refusal only that part is undone."""
        marks = len(self.event_ids), len(self.notifications.to_deliver)
        nested = self.session.begin_nested()
        try:
            yield
        except BaseException:
            nested.rollback()
            del self.event_ids[marks[0]:]
            del self.notifications.to_deliver[marks[1]:]
            raise
        nested.commit()
