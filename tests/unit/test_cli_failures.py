"""The CLI tells an unreachable database from one never initialised, and both from a bug."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import psycopg
from psycopg import errors as pg
from rich.console import Console
from store_errors import deadlock, wrapped

from sanchuang.cli.failures import report_failure
from sanchuang.settings import Settings
from workflows.retry import RetriesExhausted

REFUSED = psycopg.OperationalError('connection failed: connection to server at "127.0.0.1", '
                                   "port 1 failed: Connection refused")


def report(error: Exception, tmp_path: Path) -> tuple[int, str]:
    console = Console(record=True, width=200)
    settings = Settings(data_dir=tmp_path, database_url="postgresql+psycopg://u:secret@db/x")
    code = report_failure(error, settings, console)
    return code, console.export_text()


def test_a_database_still_unreachable_after_the_retries_says_how_often_it_was_tried(
        tmp_path: Path) -> None:
    code, text = report(RetriesExhausted("SubmitNomination", 5, wrapped(REFUSED)), tmp_path)
    assert code == 2
    assert text.startswith("无法连接数据库 postgresql+psycopg://u:***@db/x，已重试 5 次："
                           "请确认数据库服务已启动")
    assert "secret" not in text


def test_a_server_shutting_down_is_unreachable_too(tmp_path: Path) -> None:
    code, text = report(wrapped(pg.AdminShutdown("terminating connection")), tmp_path)
    assert (code, text.startswith("无法连接数据库")) == (2, True)


def test_writers_still_colliding_after_the_retries_are_told_to_try_later(tmp_path: Path) -> None:
    code, text = report(RetriesExhausted("RecordReviews", 5, deadlock()), tmp_path)
    assert code == 2
    assert text.startswith("数据库繁忙（OperationalError），已重试 5 次：请稍后再试")


def test_missing_tables_send_the_operator_to_init(tmp_path: Path) -> None:
    for missing in (pg.UndefinedTable('relation "clock" does not exist'),
                    sqlite3.OperationalError("no such table: clock")):
        code, text = report(wrapped(missing), tmp_path)
        assert code == 2
        assert "数据库尚未初始化" in text
        assert "请先运行 sanchuang init" in text
        assert "无法连接" not in text


def test_a_bug_exits_1_and_leaves_its_traceback_in_the_log(tmp_path: Path) -> None:
    def broken() -> None:
        raise KeyError("stage")

    try:
        broken()
    except KeyError as error:
        code, text = report(error, tmp_path)
    log = tmp_path / "logs" / "cli.log"
    assert code == 1
    assert "程序出错（KeyError）" in text
    assert str(log) in text.replace("\n", "")
    entry = json.loads(log.read_text(encoding="utf-8").splitlines()[-1])
    assert entry["level"] == "error"
    assert "in broken" in entry["exc"]
    assert "KeyError: 'stage'" in entry["exc"]


def test_an_integrity_error_is_a_bug_not_a_store_problem(tmp_path: Path) -> None:
    code, text = report(wrapped(pg.UniqueViolation("duplicate key value")), tmp_path)
    assert code == 1
    assert "程序出错（IntegrityError）" in text
