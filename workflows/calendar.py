"""Calendar arithmetic: Asia/Shanghai dates, working days with holidays and make-up workdays."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone

from workflows.errors import InvalidInput

#: China Standard Time: UTC+8 all year, no daylight saving since 1991.
SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")


class YearNotCovered(InvalidInput):
    """A working-day count reached a year whose holiday arrangement the calendar lacks."""


def local_date(moment: datetime) -> date:
    return moment.astimezone(SHANGHAI).date()


def start_of_day(day: date) -> datetime:
    """Midnight of ``day`` in Shanghai, as an aware UTC datetime."""
    return datetime.combine(day, time(0), tzinfo=SHANGHAI).astimezone(UTC)


@dataclass(frozen=True)
class WorkCalendar:
    """Days off and make-up workdays (调休上班).

    ``covered_years``, when given, are the years whose arrangement is known: counting working
    days into any other year is refused instead of silently treating its holidays as workdays.
    Empty means "unknown" and nothing is checked. ``labels`` name special days (国庆节 …)."""

    holidays: frozenset[date] = field(default_factory=frozenset)
    make_up_workdays: frozenset[date] = field(default_factory=frozenset)
    covered_years: frozenset[int] = field(default_factory=frozenset)
    labels: tuple[tuple[date, str], ...] = ()

    @classmethod
    def of(cls, holidays: Iterable[date] = (), make_up: Iterable[date] = (), *,
           covered_years: Iterable[int] = (),
           labels: Iterable[tuple[date, str]] = ()) -> WorkCalendar:
        return cls(frozenset(holidays), frozenset(make_up), frozenset(covered_years),
                   tuple(sorted(labels)))

    def is_working_day(self, day: date) -> bool:
        if day in self.make_up_workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def label(self, day: date) -> str:
        """The name of a holiday or make-up workday, or "" for an ordinary day."""
        return next((name for labelled, name in self.labels if labelled == day), "")

    def holidays_between(self, first: date, last: date) -> list[date]:
        """The holidays from ``first`` to ``last`` (both included), in order."""
        return sorted(day for day in self.holidays if first <= day <= last)

    def make_up_workdays_between(self, first: date, last: date) -> list[date]:
        """The make-up workdays from ``first`` to ``last`` (both included), in order."""
        return sorted(day for day in self.make_up_workdays if first <= day <= last)

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
            self._check_covered(day)
            if self.is_working_day(day):
                counted += 1
                if counted == days:
                    return day
            day += timedelta(days=1)

    def closes_at(self, start: date, days: int, kind: str = "calendar") -> datetime:
        """The moment a window closes: the end of its last day (the next midnight)."""
        return start_of_day(self.last_day(start, days, kind) + timedelta(days=1))

    def _check_covered(self, day: date) -> None:
        if self.covered_years and day.year not in self.covered_years:
            known = "、".join(str(year) for year in sorted(self.covered_years))
            raise YearNotCovered(
                f"按工作日计算要数到 {day.isoformat()}，但日历只收录了 {known} 年的放假安排；"
                f"请在 {day.year} 年放假安排公布后更新节假日数据（chinesecalendar 包），"
                "或改按自然日计算")
