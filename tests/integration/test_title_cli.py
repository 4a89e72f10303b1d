"""``sanchuang review title …`` on SQLite: the revocation case from report to notice, the
plaque dates, and re-rating, as the secretariat and the party committee run them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parents[1] / "web"))

from web_scenario import Township, commended, in_publicity

from models import title_queries as tq
from sanchuang.bootstrap import System
from sanchuang.cli.app import app
from workflows.samples import TEN_STAR_CRITERIA

runner = CliRunner()


def cli(*args: str, code: int = 0) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture
def town(cli_system: System, tmp_path: Path) -> Township:
    town = in_publicity(cli_system.store, tmp_path)
    commended(town)
    return town


def test_a_title_is_revoked_step_by_step_and_the_notice_written(town: Township,
                                                                 tmp_path: Path) -> None:
    code = town.nomination_ids[0][:6]
    listing = cli("review", "title", "list")
    assert code in listing
    assert "有效" in listing
    refused = cli("review", "title", "decide", code, code=2)
    assert "未执行" in refused
    assert "撤销程序现处于“无”" in refused
    cli("review", "title", "report", code, "--reason", "crime", "--text", "户主因盗窃被判刑")
    cli("review", "title", "verify", code, "--findings", "经派出所核实，情况属实")
    assert "称号已撤销" in cli("review", "title", "decide", code)
    cli("review", "title", "plaque", code, "issued", "--on", "2026-12-01")
    cli("review", "title", "plaque", code, "recovered", "--on", "2026-12-20")
    out = tmp_path / "notice.html"
    cli("review", "title", "notice", code, "--number", "新坪发〔2026〕30号",
        "--benefits-ended", "2026-12-31", "--out", str(out))
    notice = out.read_text(encoding="utf-8")
    view = tq.title_of(town.store, town.nomination_ids[0])
    assert view is not None
    assert view.record.status == "revoked"
    assert f"关于撤销{view.display_name}“道德模范户”称号的通报" in notice
    assert "撤销原因：本人或家庭成员违法犯罪" in notice
    assert "经派出所核实，情况属实" in notice
    assert "新坪发〔2026〕30号" in notice
    assert "2026年12月20日收回" in notice
    assert "已撤销" in cli("review", "title", "list", "--status", "revoked")


def test_a_rerating_downgrades_from_the_command_line(town: Township) -> None:
    code = town.nomination_ids[1][:6]
    eight = ",".join(f"{key}={int(i < 8)}" for i, (key, _) in enumerate(TEN_STAR_CRITERIA))
    assert "复评结果：退星（现为 银星）" in cli("review", "title", "rerate", code,
                                             "--marks", eight)
    failing = ",".join(f"{key}=0" for key, _ in TEN_STAR_CRITERIA)
    assert "整改期限" in cli("review", "title", "rerate", code, "--marks", failing, code=2)
    assert "限期整改" in cli("review", "title", "rerate", code, "--marks", failing,
                            "--remediation-due", "2027-06-30")
