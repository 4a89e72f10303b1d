"""The once-a-day record of deadline reminders."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import tables as t

DAY = t.ReminderDayRow.__table__


class ReminderDays:
    def __init__(self, session: Session):
        self.session = session

    def claim(self, day: date, now: datetime) -> bool:
        """True the first time a day is claimed; the row is written in this transaction,
        and the primary key turns a concurrent second claim into an error."""
        if self.session.scalar(select(DAY.c.day).where(DAY.c.day == day)) is not None:
            return False
        self.session.execute(DAY.insert().values(day=day, created_at=now))
        return True
