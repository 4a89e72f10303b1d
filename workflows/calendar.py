"""Calendar arithmetic: Asia/Shanghai dates, working days with holidays and make-up workdays."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone

#: China Standard Time: UTC+8 all year, no daylight saving since 1991.
SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")


def local_date(moment: datetime) -> date:
    return moment.astimezone(SHANGHAI).date()


def start_of_day(day: date) -> datetime:
    """Midnight of ``day`` in Shanghai, as an aware UTC datetime."""
    return datetime.combine(day, time(0), tzinfo=SHANGHAI).astimezone(UTC)


@dataclass(frozen=True)
class WorkCalendar:
    holidays: frozenset[date] = field(default_factory=frozenset)
    make_up_workdays: frozenset[date] = field(default_factory=frozenset)

    @classmethod
    def of(cls, holidays: Iterable[date] = (), make_up: Iterable[date] = ()) -> WorkCalendar:
        return cls(frozenset(holidays), frozenset(make_up))

    def is_working_day(self, day: date) -> bool:
        if day in self.make_up_workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def last_day(self, start: date, days: int, kind: str = "calendar") -> date:
        """The last day of a window of ``days`` that starts on ``start`` (day 1).

        With ``kind == "working"`` only working days count; a window that starts on a
        day off begins counting on the next working day."""
        if days < 1:
            raise ValueError("窗口天数至少为 1")
        if kind == "calendar":
            return start + timedelta(days=days - 1)
        if kind != "working":
            raise ValueError(f"未知的天数计算方式 {kind}（应为 calendar 或 working）")
        day, counted = start, 0
        while True:
            if self.is_working_day(day):
                counted += 1
                if counted == days:
                    return day
            day += timedelta(days=1)

    def closes_at(self, start: date, days: int, kind: str = "calendar") -> datetime:
        """The moment a window closes: the end of its last day (the next midnight)."""
        return start_of_day(self.last_day(start, days, kind) + timedelta(days=1))
