"""``sanchuang calendar end``: the last day of a window, and refusals that exit with 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sanchuang.cli.app import app

runner = CliRunner()


def end(*args: str):
    return runner.invoke(app, ["calendar", "end", *args])


@pytest.mark.parametrize(("args", "printed"), [
    (["2026-09-28", "--working-days", "5"], "2026-10-09（星期五）"),
    (["2026-09-29", "--working-days", "5"], "2026-10-10（星期六）"),
    (["2026-10-01", "--working-days", "1"], "2026-10-08（星期四）"),
    (["2026-09-28", "--days", "7"], "2026-10-04（星期日）"),
    (["2026-09-28", "--days", "1"], "2026-09-28（星期一）"),
])
def test_the_last_day_is_printed_with_its_weekday(args: list[str], printed: str):
    result = end(*args)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == printed


def test_a_working_day_window_lists_the_holidays_skipped_and_make_up_days_counted():
    result = end("2026-09-29", "--working-days", "5")
    assert result.stdout.splitlines()[1] == (
        "跳过的节假日：2026-10-01 至 2026-10-07（国庆节）；"
        "计入的调休上班日：2026-10-10（星期六，国庆节调休上班）")


def test_a_calendar_day_window_says_holidays_are_not_skipped():
    result = end("2026-09-24", "--days", "5")
    assert result.stdout.splitlines() == [
        "2026-09-28（星期一）",
        "按自然日计算，节假日照常计入、不顺延；窗口内的节假日：2026-09-25 至 2026-09-27（中秋节）；"
        "调休上班日：无"]


def test_township_overrides_change_the_last_day(tmp_path: Path):
    path = tmp_path / "镇.toml"
    path.write_text('[extra_holidays]\n2026-10-09 = "镇庆放假一天"\n', encoding="utf-8")
    result = end("2026-09-28", "--working-days", "5", "--overrides", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "2026-10-10（星期六）"
    assert "2026-10-09（乡镇调整：镇庆放假一天）" in result.stdout


@pytest.mark.parametrize(("args", "error"), [
    (["2026-09-28"], "缺少天数"),
    (["2026-09-28", "--days", "3", "--working-days", "3"], "--days 和 --working-days 只能给一个"),
    (["2026-02-30", "--days", "3"], "开始日期 2026-02-30 无效"),
    (["2026-09-28", "--working-days", "0"], "天数至少为 1"),
    (["2099-01-05", "--days", "3"], "2099 年的国家放假安排尚未收录"),
    (["2026-09-28", "--days", "3", "--overrides", "nope.toml"], "找不到乡镇节假日调整文件"),
    (["2026-09-28", "--days", "999999999"], "天数最多为 3660"),
    (["2026-09-28", "--working-days", "99999999999999999999"], "天数最多为 3660"),
    (["2026-09-28", "--days", "3", "--overrides", "/"], "/ 是一个目录"),
    (["9999-12-31", "--days", "3"], ""),
])
def test_bad_input_is_refused_with_exit_code_2(args: list[str], error: str):
    result = end(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"未执行：{error}")


def test_a_bad_override_file_is_refused_with_its_line(tmp_path: Path):
    path = tmp_path / "镇.toml"
    path.write_text('[extra_holidays]\n\n2026-13-01 = "x"\n', encoding="utf-8")
    result = end("2026-09-28", "--days", "3", "--overrides", str(path))
    assert result.exit_code == 2
    assert f"{path} 第 3 行：没有 2026-13-01 这一天" in result.stderr
