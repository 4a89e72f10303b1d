"""The national holiday calendar (chinesecalendar data) and a township's overrides."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sanchuang.policy.holiday_overrides import OverrideFileError, load_overrides, parse_overrides
from sanchuang.policy.holidays import HolidayDataMissing, calendar_for, known_years, years_from
from workflows.calendar import WorkCalendar

CAL_2026 = calendar_for([2026])
PLAIN = WorkCalendar()
TOWNSHIP = """\
# 本镇在国家放假安排之外的调整
[extra_holidays]
2026-11-16 = "镇庆放假一天"
2026-10-10 = "国庆调休日改为放假"

[extra_workdays]
"2026-11-14" = "迎接县级验收，周六上班"
"""


def working_end(cal: WorkCalendar, start: date, days: int) -> date:
    return cal.last_day(start, days, "working")


def test_the_holiday_data_covers_2026_and_the_years_before():
    assert {2004, 2025, 2026} <= set(known_years())
    assert years_from(2025) == [2025, 2026]


def test_the_real_2026_national_day_arrangement_is_loaded():
    # 国庆 1–7 Oct (Thu–Wed); make-up workdays Sun 20 Sep and Sat 10 Oct.
    assert all(not CAL_2026.is_working_day(date(2026, 10, d)) for d in range(1, 8))
    assert CAL_2026.is_working_day(date(2026, 9, 20))
    assert CAL_2026.is_working_day(date(2026, 10, 10))
    assert not CAL_2026.is_working_day(date(2026, 9, 27))  # 中秋, a Sunday
    assert CAL_2026.label(date(2026, 10, 1)) == "国庆节"
    assert CAL_2026.label(date(2026, 9, 25)) == "中秋节"
    assert CAL_2026.label(date(2026, 9, 20)) == "国庆节调休上班"


def test_the_start_day_counts_as_day_one():
    assert working_end(CAL_2026, date(2026, 9, 28), 1) == date(2026, 9, 28)
    assert CAL_2026.last_day(date(2026, 9, 28), 1) == date(2026, 9, 28)


def test_five_working_days_across_national_day_2026_skip_the_whole_holiday():
    # Mon 28, Tue 29, Wed 30 Sep; 1–7 Oct off; Thu 8, Fri 9 Oct.
    assert working_end(CAL_2026, date(2026, 9, 28), 5) == date(2026, 10, 9)


def test_a_deadline_that_would_fall_on_a_holiday_moves_to_the_next_working_day():
    assert working_end(PLAIN, date(2026, 9, 28), 4) == date(2026, 10, 1)
    assert working_end(CAL_2026, date(2026, 9, 28), 4) == date(2026, 10, 8)
    # Thu 24 Sep, then 中秋 25–27 Sep: the second working day is Mon 28 Sep.
    assert working_end(CAL_2026, date(2026, 9, 24), 2) == date(2026, 9, 28)


def test_a_deadline_can_fall_on_a_make_up_workday():
    assert working_end(CAL_2026, date(2026, 9, 29), 5) == date(2026, 10, 10)  # a Saturday
    assert working_end(CAL_2026, date(2026, 9, 18), 2) == date(2026, 9, 20)  # a Sunday
    assert working_end(PLAIN, date(2026, 9, 18), 2) == date(2026, 9, 21)


def test_a_window_starting_on_a_holiday_counts_from_the_next_working_day():
    assert working_end(CAL_2026, date(2026, 10, 1), 1) == date(2026, 10, 8)
    assert working_end(CAL_2026, date(2026, 10, 3), 3) == date(2026, 10, 10)


def test_calendar_day_windows_ignore_holidays_and_may_end_on_one():
    assert CAL_2026.last_day(date(2026, 9, 28), 7) == date(2026, 10, 4)
    assert CAL_2026.last_day(date(2026, 9, 25), 3) == date(2026, 9, 27)


def test_a_year_without_a_published_arrangement_is_refused():
    with pytest.raises(HolidayDataMissing, match="2099 年的国家放假安排尚未收录"):
        calendar_for([2026, 2099])
    with pytest.raises(HolidayDataMissing, match="没有指定年份"):
        calendar_for([])


def test_township_overrides_add_a_holiday_and_a_workday():
    cal = calendar_for([2026], parse_overrides(TOWNSHIP, "本镇调整.toml"))
    assert working_end(cal, date(2026, 11, 16), 1) == date(2026, 11, 17)  # Mon 16 Nov off
    assert working_end(cal, date(2026, 11, 14), 1) == date(2026, 11, 14)  # Sat 14 Nov worked
    assert cal.label(date(2026, 11, 16)) == "乡镇调整：镇庆放假一天"
    assert cal.label(date(2026, 11, 14)) == "乡镇调整：迎接县级验收，周六上班"
    # The national make-up Saturday 10 Oct made a day off: five days from 29 Sep end on 12 Oct.
    assert working_end(cal, date(2026, 9, 29), 5) == date(2026, 10, 12)
    assert working_end(CAL_2026, date(2026, 11, 16), 1) == date(2026, 11, 16)


def test_overrides_are_read_from_a_file_and_ignored_outside_the_calendar_years(tmp_path: Path):
    path = tmp_path / "overrides.toml"
    path.write_text(TOWNSHIP + '2025-11-15 = "去年的一次周六上班"\n', encoding="utf-8")
    cal = calendar_for([2026], path)
    assert not cal.is_working_day(date(2026, 11, 16))
    assert cal.covered_years == {2026}
    assert date(2025, 11, 15) not in cal.make_up_workdays


@pytest.mark.parametrize(("text", "error"), [
    ('[extra_holidays]\n2026-11-16 = "镇庆"\n2026-02-30 = "x"\n',
     "第 3 行：没有 2026-02-30 这一天"),
    ('[extra_holidays]\n"11月16日" = "镇庆"\n', "第 2 行：11月16日 不是日期"),
    ('[extra_workdays]\n\n2026-11-14 = "  "\n', "第 3 行：2026-11-14 缺少上班原因"),
    ('[extra_holidays]\n2026-11-16 = 7\n', "第 2 行：2026-11-16 缺少放假原因"),
    ('[extra_holidays]\n2026-11-16 = 镇庆\n', "第 2 行第 14 列格式有误"),
    ('[extra_holiday]\n2026-11-16 = "镇庆"\n', "第 1 行：不认识的项 extra_holiday"),
    ('extra_holidays = ["2026-11-16"]\n', "第 1 行：extra_holidays 应写成表"),
    ('[extra_holidays]\n2026-11-16 = "a"\n[extra_workdays]\n2026-11-16 = "b"\n',
     "第 2 行和第 4 行：2026-11-16 既放假又上班"),
])
def test_a_bad_override_file_is_refused_with_its_line(text: str, error: str):
    with pytest.raises(OverrideFileError, match=f"^镇.toml {error}"):
        parse_overrides(text, "镇.toml")


@pytest.mark.parametrize(("text", "error"), [
    ('[extra_holidays]\n2026-11-15 = "周日放假"\n', "第 2 行：2026-11-15 本来就是休息日"),
    ('\n[extra_workdays]\n2026-11-16 = "周一上班"\n', "第 3 行：2026-11-16 本来就是工作日"),
    ('[extra_holidays]\n2026-10-02 = "国庆再放一天"\n', "第 2 行：2026-10-02 本来就是休息日"),
])
def test_an_override_that_changes_nothing_is_refused_with_its_line(text: str, error: str):
    with pytest.raises(OverrideFileError, match=f"^镇.toml {error}"):
        calendar_for([2026], parse_overrides(text, "镇.toml"))


def test_a_missing_override_file_is_refused(tmp_path: Path):
    with pytest.raises(OverrideFileError, match="找不到乡镇节假日调整文件 .*nope.toml；请检查路径"):
        load_overrides(tmp_path / "nope.toml")
