"""The shared clock: real time plus an offset kept in the store, read by every process."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session
from sqlmodel import col

from models.tables import ClockRow

CLOCK = ClockRow.__table__


class StoredClock:
    """``now()`` is the same in the CLI, the workers and beat. The offset is re-read at
    most every ``ttl`` seconds, through an engine that never takes write locks."""

    def __init__(self, engine: Engine, writer: Engine | None = None, ttl: float = 0.5):
        self.engine, self.writer, self.ttl = engine, writer or engine, ttl
        self._offset, self._read_at = 0.0, float("-inf")

    def offset(self) -> float:
        if time.monotonic() - self._read_at > self.ttl:
            with Session(self.engine) as session:
                value = session.scalar(select(CLOCK.c.offset_seconds).where(CLOCK.c.id == 1))
            self._offset, self._read_at = float(value or 0.0), time.monotonic()
        return self._offset

    def now(self) -> datetime:
        return datetime.now(UTC) + timedelta(seconds=self.offset())

    def advance(self, delta: timedelta) -> datetime:
        """Move the shared clock forward (simulations and demos only)."""
        if delta.total_seconds() < 0:
            raise ValueError("时钟只能向前拨")
        with Session(self.writer) as session, session.begin():
            row = session.get(ClockRow, 1)
            if row is None:
                session.add(ClockRow(id=1, offset_seconds=delta.total_seconds()))
            else:
                # An ORM UPDATE on model attributes (not CLOCK.c): the loaded row follows.
                session.execute(update(ClockRow).where(col(ClockRow.id) == 1).values(
                    offset_seconds=ClockRow.offset_seconds + delta.total_seconds()))
        self._read_at = float("-inf")
        return self.now()
