"""The working-day calendar of a campaign: China's statutory holidays and make-up workdays
(调休上班), plus the township's own overrides.

The national arrangement each year is the State Council General Office's notice
(国务院办公厅关于 X 年部分节假日安排的通知). It comes from the maintained PyPI package
``chinesecalendar`` (module ``chinese_calendar``: ``holidays`` and ``workdays`` map each date
to its festival). Version 1.11.0 covers 2004–2026; ``known_years()`` reads the range from the
installed data, so upgrading the package is all it takes to add a year once it is announced.
No year is typed in here: the 2027 arrangement is not published yet, so a working-day count
that reaches 2027 is refused (``workflows.calendar.YearNotCovered``) rather than guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from chinese_calendar import Holiday
from chinese_calendar import holidays as national_holidays
from chinese_calendar import workdays as national_workdays

from sanchuang.policy.holiday_overrides import KIND_NAMES, TownshipOverrides, load_overrides
from workflows.calendar import WorkCalendar
from workflows.errors import InvalidInput

#: The package's names, in the words of the State Council notices.
FESTIVAL_NAMES = {
    Holiday.new_years_day.value: "元旦",
    Holiday.spring_festival.value: "春节",
    Holiday.tomb_sweeping_day.value: "清明节",
    Holiday.labour_day.value: "劳动节",
    Holiday.dragon_boat_festival.value: "端午节",
    Holiday.national_day.value: "国庆节",
    Holiday.mid_autumn_festival.value: "中秋节",
}


class HolidayDataMissing(InvalidInput):
    """A year whose national holiday arrangement is not in the installed data."""


def known_years() -> range:
    """The years whose national arrangement the installed ``chinesecalendar`` holds."""
    years = {day.year for day in national_holidays}
    return range(min(years), max(years) + 1)


def years_from(first_year: int, span: int = 2) -> list[int]:
    """``first_year`` and the known years among the ``span - 1`` after it.

    A window opened late in a year may end in the next one, so a campaign's calendar should
    hold the following year too once it is announced; ``first_year`` itself is always kept,
    so that ``calendar_for`` refuses it when it is unknown."""
    known = known_years()
    return [first_year, *(y for y in range(first_year + 1, first_year + span) if y in known)]


def calendar_for(years: Iterable[int],
                 overrides: TownshipOverrides | Path | str | None = None) -> WorkCalendar:
    """The working-day calendar for ``years``: national holidays and make-up workdays, then
    the township's overrides (a parsed file, or the path of one). Refuses unknown years and
    overrides that change nothing (a "holiday" already off, a "workday" already worked)."""
    wanted = _known(years)
    days_off = {day: _festival(name) for day, name in national_holidays.items()
                if day.year in wanted}
    workdays = {day: f"{_festival(name)}调休上班" for day, name in national_workdays.items()
                if day.year in wanted}
    if overrides is not None:
        township = overrides if isinstance(overrides, TownshipOverrides) \
            else load_overrides(overrides)
        _apply(township, wanted, days_off, workdays)
    labels = {**days_off, **workdays}
    return WorkCalendar.of(days_off, workdays, covered_years=wanted, labels=labels.items())


def _known(years: Iterable[int]) -> frozenset[int]:
    wanted = frozenset(years)
    known = known_years()
    if not wanted:
        raise HolidayDataMissing("没有指定年份；请至少给出一个年份，如 2026")
    missing = sorted(year for year in wanted if year not in known)
    if missing:
        raise HolidayDataMissing(
            f"{'、'.join(map(str, missing))} 年的国家放假安排尚未收录（现有 {known.start}–"
            f"{known.stop - 1} 年）；请在国务院办公厅公布后升级 chinesecalendar 包")
    return wanted


def _festival(english: str) -> str:
    return FESTIVAL_NAMES.get(english) or Holiday(english).chinese


def _apply(township: TownshipOverrides, wanted: frozenset[int],
           days_off: dict[date, str], workdays: dict[date, str]) -> None:
    national = WorkCalendar.of(days_off, workdays)
    for entry in township.entries:
        if entry.day.year not in wanted:
            continue
        if national.is_working_day(entry.day) == (entry.kind == "workday"):
            already = "工作日" if entry.kind == "workday" else "休息日"
            raise township.refuse(
                entry, f"{entry.day.isoformat()} 本来就是{already}，无需另行"
                       f"{KIND_NAMES[entry.kind]}；请删去这一行或核对日期")
        label = f"乡镇调整：{entry.reason}"
        added, removed = (days_off, workdays) if entry.kind == "holiday" else (workdays, days_off)
        added[entry.day] = label
        removed.pop(entry.day, None)


def campaign_calendar(year: int) -> tuple[WorkCalendar, str]:
    """The calendar a campaign of ``year`` starts with, and a warning when the national
    arrangement for that year is not published yet (weekends only until it is)."""
    if year in known_years():
        return calendar_for(years_from(year)), ""
    return WorkCalendar(), (f"{year} 年的全国节假日安排尚未收录（已收录 {known_years().start}–"
                            f"{known_years().stop - 1} 年），暂按周末计算工作日；"
                            "安排公布后请升级 chinesecalendar")
