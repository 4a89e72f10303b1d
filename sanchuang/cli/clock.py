"""``sanchuang clock``: the shared clock every process reads."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Annotated, Any

import typer
from rich.console import Console

from models.clock import MAX_OFFSET
from sanchuang.bootstrap import bootstrap
from sanchuang.cli.refusals import refusals
from workflows.calendar import SHANGHAI
from workflows.errors import InvalidInput

clock_app = typer.Typer(help="共享时钟（所有进程读取同一时间）", no_args_is_help=True)
console = Console()


UNIT_SECONDS = {"d": 86_400, "h": 3_600, "m": 60}


def parse_duration(text: str) -> timedelta:
    """``7d``, ``36h``, ``90m`` (at most the clock's range, so no number can overflow)."""
    match = re.fullmatch(r"(\d{1,12}(?:\.\d{1,6})?)([dhm])", text.strip())
    if not match:
        raise InvalidInput(f"无法识别的时长 {text!r}：请写成 7d、36h 或 90m")
    seconds = float(match.group(1)) * UNIT_SECONDS[match.group(2)]
    if seconds > MAX_OFFSET.total_seconds():
        raise InvalidInput(f"时长 {text} 超过共享时钟的范围（最多 {MAX_OFFSET.days} 天）")
    return timedelta(seconds=seconds)


def duration_zh(seconds: float) -> str:
    """How far the shared clock is off real time: ``拨快14天6小时56分7秒``, ``拨慢1分30秒``
    or ``无``."""
    whole = round(seconds)
    if whole == 0:
        return "无"
    days, rest = divmod(abs(whole), 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes, secs = divmod(rest, 60)
    parts = [(days, "天"), (hours, "小时"), (minutes, "分"), (secs, "秒")]
    text = "".join(f"{n}{unit}" for n, unit in parts if n)
    return f"拨快{text}" if whole > 0 else f"拨慢{text}"


def clock_line(clock: Any) -> str:
    now = clock.now().astimezone(SHANGHAI)
    return f"共享时钟：{now:%Y-%m-%d %H:%M:%S}（北京时间，偏移：{duration_zh(clock.offset())}）"


@clock_app.command("show")
def clock_show() -> None:
    """显示共享时钟的当前时间。"""
    system = bootstrap()
    console.print(clock_line(system.store.clock))


@clock_app.command("reset")
def clock_reset() -> None:
    """把共享时钟拨回实际时间。"""
    system = bootstrap()
    system.store.clock.reset()
    console.print(clock_line(system.store.clock))


@clock_app.command("advance")
@refusals
def clock_advance(duration: Annotated[str, typer.Argument(help="如 7d、36h、90m")]) -> None:
    """把共享时钟向前拨（演示和测试用）。"""
    system = bootstrap()
    system.store.clock.advance(parse_duration(duration))
    console.print(clock_line(system.store.clock))
