"""The one place that tells the operator why a command could not run, when it was not
refused: the database is unreachable, not initialised, unusable as configured — or a bug."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from models.errors import (
    driver_error,
    is_contention,
    is_uninitialised,
    is_unreachable,
    is_unusable,
)
from sanchuang.runtime.logs import JsonFormatter
from sanchuang.runtime.urls import safe_url
from sanchuang.settings import Settings
from workflows.retry import RetriesExhausted

STORE_PROBLEM, BUG = 2, 1


def report_failure(error: Exception, settings: Settings, console: Console) -> int:
    """Print what went wrong and return the exit status."""
    retries = error.retries if isinstance(error, RetriesExhausted) else 0
    cause = error.error if isinstance(error, RetriesExhausted) else error
    message = store_problem(cause, retries, safe_url(settings.db_url))
    if message is None:
        return report_bug(error, settings.data_dir / "logs" / "cli.log", console)
    console.print(f"[red]{escape(message)}[/red]")
    return STORE_PROBLEM


def store_problem(cause: BaseException, retries: int, url: str) -> str | None:
    """The operator's message for a store that cannot be used, or None for anything else."""
    retried = f"，已重试 {retries} 次" if retries else ""
    if is_unreachable(cause):
        return f"无法连接数据库 {url}{retried}：请确认数据库服务已启动（{first_line(cause)}）"
    if is_contention(cause):
        return f"数据库繁忙（{type(cause).__name__}）{retried}：请稍后再试"
    if is_uninitialised(cause):
        return f"数据库尚未初始化（{url}）：请先运行 sanchuang init"
    if is_unusable(cause):
        return f"无法使用数据库 {url}：{first_line(cause)}；请检查 SANCHUANG_DATABASE_URL"
    return None


def report_bug(error: Exception, log_path: Path, console: Console) -> int:
    """A failure nobody planned for: the traceback goes to the log, a short line to the user."""
    where = write_traceback(error, log_path)
    console.print(f"[red]程序出错（{escape(type(error).__name__)}）：这是一个缺陷，"
                  f"详情已写入 {escape(where)}，请交给维护人员[/red]")
    return BUG


def write_traceback(error: Exception, log_path: Path) -> str:
    handler: logging.Handler
    try:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        handler, where = logging.FileHandler(log_path, encoding="utf-8"), str(log_path)
    except OSError:
        handler, where = logging.StreamHandler(sys.stderr), "标准错误输出"
    handler.setFormatter(JsonFormatter())
    record = logging.LogRecord("sanchuang.cli", logging.ERROR, __file__, 0, "command failed",
                               (), (type(error), error, error.__traceback__))
    record.argv = sys.argv
    handler.handle(record)
    handler.close()
    return where


def first_line(error: BaseException) -> str:
    """The driver's own words, without SQLAlchemy's wrapping."""
    return (str(driver_error(error)).splitlines() or [type(error).__name__])[0]
