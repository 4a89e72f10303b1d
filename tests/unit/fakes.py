"""In-memory stand-ins for the ports: a unit of work over plain dicts, a clock, a renderer,
a queue. The unit of work behaves like models/uow.py: rollback by default, version checks on
save, unique keys where the tables have them, claim-once outbox rows."""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from copy import deepcopy
from datetime import datetime, timedelta
from typing import Any

from fake_panel import PanelRepo, VettingRepo
from fake_tables import (
    AttachmentRepo,
    CampaignRepo,
    Directory,
    DocumentRepo,
    FakeIntegrityError,
    NominationRepo,
    NotificationRepo,
    ObjectionRepo,
    Outbox,
    OutboxRow,
    ReminderDays,
    ReviewRepo,
    Tables,
    TitleRepo,
    WindowRepo,
)

from workflows.audit import AuditEntry
from workflows.events import Event
from workflows.handlers import EVENT_HANDLERS

__all__ = ["FakeClock", "FakeIntegrityError", "FakeQueue", "FakeRenderer", "FakeUnitOfWork",
           "Tables"]


class FakeUnitOfWork:
    """Works on a copy of ``committed``; ``commit()`` swaps the copy in."""

    def __init__(self, clock: FakeClock):
        self.clock, self.committed, self.commits = clock, Tables(), 0
        self.tables = deepcopy(self.committed)
        self.event_ids: list[int] = []
        self.to_deliver: list[int] = []
        self.committed_event_ids: list[int] = []
        self.committed_notification_ids: list[int] = []
        self.campaigns, self.nominations = CampaignRepo(self), NominationRepo(self)
        self.reviews, self.windows = ReviewRepo(self), WindowRepo(self)
        self.objections, self.documents = ObjectionRepo(self), DocumentRepo(self)
        self.notifications, self.directory = NotificationRepo(self), Directory(self)
        self.vetting, self.panel = VettingRepo(self), PanelRepo(self)
        self.outbox, self.titles = Outbox(self), TitleRepo(self)
        self.reminder_days = ReminderDays(self)
        self.attachments = AttachmentRepo(self)

    def __enter__(self) -> FakeUnitOfWork:
        self.rollback()
        self.committed_event_ids, self.committed_notification_ids = [], []
        return self

    def __exit__(self, *exc: object) -> None:
        self.rollback()

    def commit(self) -> None:
        self.committed, self.tables = self.tables, deepcopy(self.tables)
        self.committed_event_ids, self.event_ids = self.event_ids, []
        self.committed_notification_ids, self.to_deliver = self.to_deliver, []
        self.commits += 1

    def rollback(self) -> None:
        self.tables = deepcopy(self.committed)
        self.event_ids, self.to_deliver = [], []

    def emit(self, *events: Event) -> None:
        """As models/outbox.py: an event no handler listens to is kept, already processed."""
        for event in events:
            new_id, now = max(self.tables.outbox, default=0) + 1, self.clock.now()
            waited_for = event.name in EVENT_HANDLERS
            self.tables.outbox[new_id] = OutboxRow(new_id, event, now,
                                                   None if waited_for else now)
            if waited_for:
                self.event_ids.append(new_id)

    def record(self, entries: Iterable[AuditEntry]) -> None:
        for entry in entries:
            if any((a.subject_id, a.seq) == (entry.subject_id, entry.seq)
                   for a in self.tables.audit):
                raise FakeIntegrityError(f"audit {entry.subject_id}#{entry.seq}")
            self.tables.audit.append(entry)

    def collect(self, aggregate: Any) -> None:
        self.record(aggregate.audit)
        for event in aggregate.events:
            self.emit(event)
        aggregate.audit.clear()
        aggregate.events.clear()

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        snapshot = deepcopy(self.tables)
        marks = len(self.event_ids), len(self.to_deliver)
        try:
            yield
        except BaseException:
            self.tables = snapshot
            del self.event_ids[marks[0]:]
            del self.to_deliver[marks[1]:]
            raise


class FakeClock:
    def __init__(self, now: datetime):
        self.moment = now

    def now(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)


class FakeRenderer:
    """Renders the whole context into the text, so a leak in the context shows in the rows."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def render(self, kind: str, context: dict[str, Any]) -> tuple[str, str, str]:
        self.calls.append((kind, deepcopy(context)))
        text = json.dumps(context, ensure_ascii=False, sort_keys=True, default=str)
        return f"[{kind}] {context.get('recipient', {}).get('name', '')}", text, html.escape(text)


class FakeQueue:
    def __init__(self) -> None:
        self.event_ids: list[int] = []
        self.published: list[int] = []
        self.notification_ids: list[int] = []

    def publish_events(self, event_ids: Sequence[int]) -> None:
        self.event_ids.extend(event_ids)
        self.published.extend(event_ids)

    def deliver_notifications(self, notification_ids: Sequence[int]) -> None:
        self.notification_ids.extend(notification_ids)

    def take(self) -> list[int]:
        taken, self.event_ids = self.event_ids, []
        return taken


class FakeBlobStore:
    """Blobs in a dict by sha256; ``writes`` counts the puts that stored new bytes."""

    def __init__(self, max_bytes: int = 10 * 1024 * 1024) -> None:
        self.max_bytes, self.writes = max_bytes, 0
        self.blobs: dict[str, bytes] = {}

    def put(self, content: bytes) -> str:
        digest = hashlib.sha256(content).hexdigest()
        if digest not in self.blobs:
            self.blobs[digest], self.writes = content, self.writes + 1
        return digest

    def read(self, content_hash: str) -> bytes:
        return self.blobs[content_hash]
