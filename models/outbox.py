"""The outbox and notification rows: written in the command's transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import datetime, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from models import tables as t
from workflows.events import Event, event_from_record
from workflows.ports import Notification, StoredEvent

OUT = t.OutboxRow.__table__
NOTE = t.NotificationRow.__table__

#: Whether some handler waits for events of a name; the composition root says which.
WaitedFor = Callable[[str], bool]


def every_event(event_name: str) -> bool:
    """Without being told otherwise, assume someone waits for every event."""
    return True


class OutboxRepository:
    def __init__(self, session: Session, waited_for: WaitedFor = every_event):
        self.session, self.waited_for = session, waited_for

    def add(self, events: Sequence[Event], now: datetime) -> list[int]:
        """Write the events; returns the ids of those some handler waits for. An event no
        handler listens to is kept for the record, already processed."""
        rows = [{"type": type(e).__name__, "name": e.name, "payload": e.to_payload(),
                 "created_at": now, "processed_at": None if self.waited_for(e.name) else now}
                for e in events]
        ids = self.session.scalars(
            insert(OUT).returning(OUT.c.id, sort_by_parameter_order=True), rows)
        return [i for i, row in zip(ids, rows, strict=True) if row["processed_at"] is None]

    def claim(self, ids: Sequence[int], now: datetime, extra: int = 0) -> list[StoredEvent]:
        """Mark these events processed in this transaction, and up to ``extra`` more that are
        waiting (a worker behind a backlog takes bigger batches). An event already processed,
        or being processed by another worker, is skipped."""
        wanted = list(ids) + (self._waiting(ids, extra) if extra > 0 else [])
        if not wanted:
            return []
        # Locked first, never waited for: a row another worker holds is its to process (the
        # extra rows above are already held by this one, so waiting here could deadlock two
        # workers that each took the other's rows as extras); then the UPDATE waits for none.
        wanted = list(self.session.scalars(
            select(OUT.c.id).where(OUT.c.id.in_(wanted), OUT.c.processed_at.is_(None))
            .order_by(OUT.c.id).with_for_update(skip_locked=True)))
        claimed = self.session.execute(
            update(OUT).where(OUT.c.id.in_(wanted), OUT.c.processed_at.is_(None))
            .values(processed_at=now).returning(OUT.c.id, OUT.c.type, OUT.c.payload,
                                                OUT.c.created_at)
        ).all()
        return [StoredEvent(r.id, event_from_record(r.type, r.payload), r.created_at)
                for r in sorted(claimed, key=lambda r: r.id)]

    def _waiting(self, ids: Sequence[int], limit: int) -> list[int]:
        query = (select(OUT.c.id).where(OUT.c.processed_at.is_(None), OUT.c.id.not_in(list(ids)))
                 .order_by(OUT.c.id).limit(limit).with_for_update(skip_locked=True))
        return list(self.session.scalars(query))

    def stale(self, before: datetime, limit: int = 1000) -> list[int]:
        query = (select(OUT.c.id).where(OUT.c.processed_at.is_(None), OUT.c.created_at < before)
                 .order_by(OUT.c.id).limit(limit))
        return list(self.session.scalars(query))


class NotificationRepository:
    def __init__(self, session: Session, now: datetime):
        self.session, self.now = session, now
        self.to_deliver: list[int] = []

    def add_many(self, notes: Sequence[Notification]) -> list[int]:
        """One INSERT for all; e-mails still to send are rung for after commit."""
        if not notes:
            return []
        rows = [{**{k: v for k, v in asdict(n).items() if k != "id"}, "created_at": self.now,
                 "delivered_at": self.now if n.status == "delivered" else None} for n in notes]
        ids = list(self.session.scalars(
            insert(NOTE).returning(NOTE.c.id, sort_by_parameter_order=True), rows))
        self.to_deliver += [i for i, n in zip(ids, notes, strict=True) if n.status == "pending"]
        return ids

    def claim(self, notification_id: int, now: datetime, lease: timedelta) -> Notification | None:
        """Take a pending (or abandoned) e-mail for sending; None if someone else has it."""
        row = self.session.execute(
            update(NOTE).where(NOTE.c.id == notification_id, (NOTE.c.status == "pending") | (
                (NOTE.c.status == "sending") & (NOTE.c.claimed_at < now - lease)))
            .values(status="sending", claimed_at=now, attempts=NOTE.c.attempts + 1)
            .returning(*NOTE.c)
        ).first()
        if row is None:
            return None
        fields = Notification.__dataclass_fields__
        return Notification(**{k: v for k, v in row._mapping.items() if k in fields})

    def finish(self, notification_id: int, now: datetime, error: str = "",
               final: bool = True) -> None:
        status = "delivered" if not error else ("failed" if final else "pending")
        self.session.execute(update(NOTE).where(NOTE.c.id == notification_id).values(
            status=status, delivered_at=now if not error else None, last_error=error[:500]))

    def stuck(self, before: datetime, lease: timedelta, limit: int = 1000) -> list[int]:
        query = select(NOTE.c.id).where(
            ((NOTE.c.status == "pending") & (NOTE.c.created_at < before))
            | ((NOTE.c.status == "sending") & (NOTE.c.claimed_at < before - lease))
        ).order_by(NOTE.c.id).limit(limit)
        return list(self.session.scalars(query))
