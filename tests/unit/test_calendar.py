"""Window arithmetic: calendar days, working days with holidays and make-up workdays, closing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from workflows.calendar import WorkCalendar, YearNotCovered, local_date, start_of_day
from workflows.errors import InvalidInput

# An invented arrangement to exercise the arithmetic (the real 2026 one, with make-up days on
# 20 Sep and 10 Oct, comes from the holiday data and is tested in test_holidays.py).
NATIONAL_DAY_2026 = WorkCalendar.of(
    holidays=[date(2026, 10, d) for d in range(1, 8)],
    make_up=[date(2026, 9, 27), date(2026, 10, 10)],  # a Sunday and a Saturday
)
PLAIN = WorkCalendar()


def test_a_calendar_window_counts_its_first_day_as_day_one():
    assert PLAIN.last_day(date(2026, 10, 1), 7) == date(2026, 10, 7)
    assert PLAIN.last_day(date(2026, 10, 1), 1) == date(2026, 10, 1)


def test_a_calendar_window_ignores_holidays_and_crosses_month_ends():
    assert NATIONAL_DAY_2026.last_day(date(2026, 9, 28), 7) == date(2026, 10, 4)
    assert NATIONAL_DAY_2026.last_day(date(2026, 12, 28), 7) == date(2027, 1, 3)


def test_holidays_are_days_off_and_make_up_weekend_days_are_working_days():
    cal = NATIONAL_DAY_2026
    assert not cal.is_working_day(date(2026, 10, 5))  # a Monday inside the holiday
    assert cal.is_working_day(date(2026, 9, 27))  # make-up Sunday
    assert cal.is_working_day(date(2026, 10, 10))  # make-up Saturday
    assert not cal.is_working_day(date(2026, 10, 11))  # an ordinary Sunday
    assert cal.is_working_day(date(2026, 10, 8))  # the Thursday after the holiday


def test_a_working_day_window_skips_the_national_day_holiday():
    # Mon 28, Tue 29, Wed 30 Sep; holiday 1-7 Oct; Thu 8, Fri 9, Sat 10 (make-up), Mon 12 Oct.
    assert NATIONAL_DAY_2026.last_day(date(2026, 9, 28), 7, "working") == date(2026, 10, 12)


def test_a_make_up_workday_counts_inside_a_working_day_window():
    # Fri 25, Sun 27 (make-up), Mon 28, Tue 29, Wed 30 Sep.
    assert NATIONAL_DAY_2026.last_day(date(2026, 9, 25), 5, "working") == date(2026, 9, 30)
    assert PLAIN.last_day(date(2026, 9, 25), 5, "working") == date(2026, 10, 1)


def test_a_working_day_window_starting_on_a_holiday_begins_on_the_next_working_day():
    assert NATIONAL_DAY_2026.last_day(date(2026, 10, 1), 1, "working") == date(2026, 10, 8)
    assert NATIONAL_DAY_2026.last_day(date(2026, 10, 1), 3, "working") == date(2026, 10, 10)
    assert NATIONAL_DAY_2026.last_day(date(2026, 10, 1), 5, "working") == date(2026, 10, 13)


def test_a_window_closes_at_the_next_shanghai_midnight_as_aware_utc():
    closes = NATIONAL_DAY_2026.closes_at(date(2026, 10, 1), 7)
    assert closes == datetime(2026, 10, 7, 16, 0, tzinfo=UTC)
    assert closes.utcoffset() == timedelta(0)
    assert local_date(closes) == date(2026, 10, 8)
    assert local_date(closes - timedelta(seconds=1)) == date(2026, 10, 7)


def test_a_working_day_window_closes_after_its_last_working_day():
    closes = NATIONAL_DAY_2026.closes_at(date(2026, 9, 28), 7, "working")
    assert closes == datetime(2026, 10, 12, 16, 0, tzinfo=UTC)


def test_start_of_day_is_shanghai_midnight():
    assert start_of_day(date(2026, 11, 27)) == datetime(2026, 11, 26, 16, 0, tzinfo=UTC)
    assert local_date(datetime(2026, 11, 26, 15, 59, tzinfo=UTC)) == date(2026, 11, 26)
    assert local_date(datetime(2026, 11, 26, 16, 0, tzinfo=UTC)) == date(2026, 11, 27)


def test_a_window_needs_at_least_one_day():
    with pytest.raises(ValueError, match="窗口天数至少为 1"):
        PLAIN.last_day(date(2026, 10, 1), 0)


def test_an_unknown_kind_of_day_is_refused():
    with pytest.raises(ValueError, match="未知的天数计算方式 workdays"):
        PLAIN.last_day(date(2026, 10, 1), 5, "workdays")


COVERED_2026 = WorkCalendar.of(
    holidays=[date(2026, 10, d) for d in range(1, 8)],
    make_up=[date(2026, 10, 10)],
    covered_years=[2026],
    labels=[(date(2026, 10, d), "国庆节") for d in range(1, 8)]
    + [(date(2026, 10, 10), "国庆节调休上班")],
)


def test_a_working_day_count_into_a_year_the_calendar_does_not_cover_is_refused():
    # 28-31 Dec 2026 are four working days; the fifth would be in 2027, whose holidays are unknown.
    assert COVERED_2026.last_day(date(2026, 12, 28), 4, "working") == date(2026, 12, 31)
    with pytest.raises(YearNotCovered, match="要数到 2027-01-01.*只收录了 2026 年") as refused:
        COVERED_2026.last_day(date(2026, 12, 28), 5, "working")
    assert isinstance(refused.value, InvalidInput)
    with pytest.raises(YearNotCovered):
        COVERED_2026.closes_at(date(2027, 1, 4), 1, "working")


def test_a_calendar_day_window_may_run_past_the_covered_years():
    assert COVERED_2026.last_day(date(2026, 12, 28), 7) == date(2027, 1, 3)


def test_a_calendar_without_covered_years_counts_every_year_as_before():
    assert PLAIN.last_day(date(2031, 12, 31), 2, "working") == date(2032, 1, 1)


def test_special_days_are_named_and_listed_within_a_window():
    assert COVERED_2026.label(date(2026, 10, 3)) == "国庆节"
    assert COVERED_2026.label(date(2026, 10, 10)) == "国庆节调休上班"
    assert COVERED_2026.label(date(2026, 10, 12)) == ""
    assert COVERED_2026.holidays_between(date(2026, 10, 6), date(2026, 10, 10)) == [
        date(2026, 10, 6), date(2026, 10, 7)]
    assert COVERED_2026.make_up_workdays_between(date(2026, 10, 6), date(2026, 10, 10)) == [
        date(2026, 10, 10)]
    assert COVERED_2026.make_up_workdays_between(date(2026, 10, 6), date(2026, 10, 9)) == []
