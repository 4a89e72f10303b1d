"""A publicity window's days, as a notice or a notification shows them: Shanghai days."""

from __future__ import annotations

from datetime import UTC, date, datetime

from workflows.calendar import WorkCalendar, start_of_day
from workflows.publicity import PublicityWindow


def window(opens_at: datetime, closes_at: datetime, deadline: datetime) -> PublicityWindow:
    return PublicityWindow("w-1", "c-2026", 1, opens_at, closes_at, deadline, "doc-1")


def test_a_window_closing_at_shanghai_midnight_ends_on_the_day_before() -> None:
    # 2026-11-20 00:00 to 2026-11-27 00:00 in Shanghai: 16:00 UTC the day before each
    planned = window(start_of_day(date(2026, 11, 20)), start_of_day(date(2026, 11, 27)),
                     start_of_day(date(2026, 11, 30)))
    assert planned.opens_at == datetime(2026, 11, 19, 16, tzinfo=UTC)
    assert planned.first_day() == date(2026, 11, 20)
    assert planned.last_day() == date(2026, 11, 26)
    assert planned.last_objection_day() == date(2026, 11, 29)


def test_the_last_day_is_the_shanghai_day_even_when_utc_is_still_on_the_day_before() -> None:
    # closes 01:30 on 2026-11-27 in Shanghai, which is 17:30 on 2026-11-26 in UTC
    closes = datetime(2026, 11, 26, 17, 30, tzinfo=UTC)
    late = window(datetime(2026, 11, 19, 16, tzinfo=UTC), closes, closes)
    assert late.last_day() == date(2026, 11, 27)
    assert late.last_objection_day() == date(2026, 11, 27)


def test_the_last_day_is_the_one_the_calendar_counted() -> None:
    calendar = WorkCalendar.of(holidays=[date(2026, 10, 1)])
    first, days = date(2026, 9, 29), 5
    counted = window(start_of_day(first), calendar.closes_at(first, days, "working"),
                     calendar.closes_at(first, days, "working"))
    assert counted.last_day() == calendar.last_day(first, days, "working") == date(2026, 10, 6)
