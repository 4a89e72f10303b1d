"""``sanchuang calendar end``: the last day of a window and the special days in it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Annotated

import typer

from sanchuang.cli.refusals import refusals
from sanchuang.policy.holidays import calendar_for, years_from
from workflows.calendar import WorkCalendar
from workflows.errors import InvalidInput

WEEKDAYS = "一二三四五六日"

#: The longest window the command counts: ten years, far past any campaign's stage.
MAX_WINDOW_DAYS = 3_660
calendar_app = typer.Typer(help="工作日日历：法定节假日、调休上班日", no_args_is_help=True)


@calendar_app.command("end")
@refusals
def calendar_end(
    start: Annotated[str, typer.Argument(
        metavar="START", help="开始日期 YYYY-MM-DD，当天算第 1 天")],
    days: Annotated[int | None, typer.Option("--days", help="按自然日计的天数")] = None,
    working_days: Annotated[int | None, typer.Option(
        "--working-days", help="按工作日计的天数（跳过节假日，计入调休上班日）")] = None,
    overrides: Annotated[Path | None, typer.Option(help="乡镇节假日调整文件（TOML）")] = None,
) -> None:
    """窗口的最后一天：从 START 起数 N 个自然日或工作日。"""
    for line in window_end(start, days, working_days, overrides):
        typer.echo(line)


def with_weekday(day: date) -> str:
    """``2026-10-09（星期五）``."""
    return f"{day.isoformat()}（{_weekday(day)}）"


def _weekday(day: date) -> str:
    return f"星期{WEEKDAYS[day.weekday()]}"


def window_end(start: str, days: int | None, working_days: int | None,
               overrides: Path | None = None) -> list[str]:
    """The lines to print for a window starting on ``start`` (day 1): its last day, then the
    holidays and make-up workdays it skipped or counted. Exactly one of the counts is given."""
    if days is not None and working_days is not None:
        raise InvalidInput("--days 和 --working-days 只能给一个；请选定按自然日还是按工作日计算")
    if days is not None:
        count, kind = days, "calendar"
    elif working_days is not None:
        count, kind = working_days, "working"
    else:
        raise InvalidInput("缺少天数；请用 --days N（按自然日）或 --working-days N（按工作日）给出")
    if count < 1:
        raise InvalidInput(f"天数至少为 1（收到 {count}）；请改成正整数")
    if count > MAX_WINDOW_DAYS:
        raise InvalidInput(f"天数最多为 {MAX_WINDOW_DAYS}（收到 {count}）；请核对天数")
    first = parse_day(start)
    calendar = calendar_for(years_from(first.year), overrides)
    last = calendar.last_day(first, count, kind)
    return [with_weekday(last), special_days_line(calendar, first, last, kind)]


def parse_day(text: str) -> date:
    try:
        day: date | None = date.fromisoformat(text)
    except ValueError:
        day = None
    if day is None or len(text) != len("2026-09-28"):
        raise InvalidInput(f"开始日期 {text} 无效；请写成 YYYY-MM-DD，如 2026-09-28")
    return day


def special_days_line(calendar: WorkCalendar, first: date, last: date, kind: str) -> str:
    holidays = _runs(calendar, calendar.holidays_between(first, last))
    make_up = "、".join(f"{day.isoformat()}（{_weekday(day)}，{calendar.label(day)}）"
                        for day in calendar.make_up_workdays_between(first, last))
    if kind == "working":
        return f"跳过的节假日：{holidays or '无'}；计入的调休上班日：{make_up or '无'}"
    return (f"按自然日计算，节假日照常计入、不顺延；窗口内的节假日：{holidays or '无'}；"
            f"调休上班日：{make_up or '无'}")


def _runs(calendar: WorkCalendar, days: list[date]) -> str:
    """Consecutive days with the same name as one range: ``2026-10-01 至 2026-10-07（国庆节）``."""
    runs: list[list[date]] = []
    for day in days:
        previous = runs[-1][-1] if runs else None
        if previous and day - previous == timedelta(days=1) \
                and calendar.label(day) == calendar.label(previous):
            runs[-1].append(day)
        else:
            runs.append([day])
    return "、".join(_run_text(calendar, run) for run in runs)


def _run_text(calendar: WorkCalendar, run: list[date]) -> str:
    span = run[0].isoformat() if len(run) == 1 else f"{run[0].isoformat()} 至 {run[-1].isoformat()}"
    name = calendar.label(run[0])
    return f"{span}（{name}）" if name else span
