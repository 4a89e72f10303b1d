"""The shared clock: real time plus an offset kept in the store, read by every process."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session
from sqlmodel import col

from models.tables import ClockRow
from workflows.errors import InvalidInput

CLOCK = ClockRow.__table__
#: How far the shared clock may run ahead of real time: enough for any simulated campaign,
#: far from the limits of dates (year 9999).
MAX_OFFSET = timedelta(days=5 * 366)


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
            offset = min(max(float(value or 0.0), 0.0), MAX_OFFSET.total_seconds())
            self._offset, self._read_at = offset, time.monotonic()
        return self._offset

    def now(self) -> datetime:
        return datetime.now(UTC) + timedelta(seconds=self.offset())

    def advance(self, delta: timedelta) -> datetime:
        """Move the shared clock forward (simulations and demos only), at most to
        ``MAX_OFFSET`` ahead of real time; a refused move changes nothing."""
        if delta.total_seconds() < 0:
            raise InvalidInput("时钟只能向前拨")
        with Session(self.writer) as session, session.begin():
            row = session.get(ClockRow, 1)
            ahead = (row.offset_seconds if row else 0.0) + delta.total_seconds()
            if ahead > MAX_OFFSET.total_seconds():
                raise InvalidInput(f"时钟最多比实际时间快 {MAX_OFFSET.days} 天，"
                                   f"这次拨快后将快 {ahead / 86_400:,.0f} 天；"
                                   "可先运行 sanchuang clock reset 拨回实际时间")
            if row is None:
                session.add(ClockRow(id=1, offset_seconds=delta.total_seconds()))
            else:
                # An ORM UPDATE on model attributes (not CLOCK.c): the loaded row follows.
                session.execute(update(ClockRow).where(col(ClockRow.id) == 1).values(
                    offset_seconds=ClockRow.offset_seconds + delta.total_seconds()))
        self._read_at = float("-inf")
        return self.now()

    def reset(self) -> datetime:
        """Back to real time."""
        with Session(self.writer) as session, session.begin():
            session.execute(
                update(ClockRow).where(col(ClockRow.id) == 1).values(offset_seconds=0.0))
        self._read_at = float("-inf")
        return self.now()
