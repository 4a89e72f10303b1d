"""Operators' commands refuse what cannot be, changing nothing: a clock move past its range
(and a clock stored out of range still reads and can be reset), a roster of impossible size."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from typer.testing import CliRunner

from models.clock import MAX_OFFSET
from models.tables import ClockRow, VillageRow
from sanchuang.bootstrap import System
from sanchuang.cli.app import app
from sanchuang.policy.holidays import known_years
from sanchuang.sample.roster import load_sample

runner = CliRunner()


@pytest.fixture
def system(cli_system: System) -> System:
    return cli_system


def offset_days(system: System) -> float:
    system.store.clock._read_at = float("-inf")  # read the stored value now
    return system.store.clock.offset() / 86_400


@pytest.mark.parametrize("duration", ["99999999d", "1830d", "9" * 40 + "d", "1e400d", "-3d",
                                      "7", "七天", "7d; DROP TABLE clock"])
def test_an_advance_out_of_range_or_unreadable_is_refused_and_changes_nothing(
        system: System, duration: str) -> None:
    runner.invoke(app, ["clock", "advance", "7d"])
    result = runner.invoke(app, ["clock", "advance", duration])
    assert result.exit_code == 2, result.output
    assert "未执行" in result.output or "No such option" in result.output  # -3d reads as an option
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert offset_days(system) == pytest.approx(7)


def test_advances_that_add_up_past_the_range_are_refused(system: System) -> None:
    assert runner.invoke(app, ["clock", "advance", f"{MAX_OFFSET.days - 1}d"]).exit_code == 0
    refused = runner.invoke(app, ["clock", "advance", "2d"])
    assert refused.exit_code == 2
    assert "clock reset" in refused.output
    assert offset_days(system) == pytest.approx(MAX_OFFSET.days - 1)


def test_a_clock_stored_out_of_range_still_reads_and_can_be_reset(system: System) -> None:
    with system.store.sessions() as session, session.begin():
        session.execute(update(ClockRow).values(offset_seconds=1e300))
    shown = runner.invoke(app, ["clock", "show"])
    assert shown.exit_code == 0, shown.output
    assert runner.invoke(app, ["clock", "reset"]).exit_code == 0
    assert offset_days(system) == 0
    assert "偏移：无" in runner.invoke(app, ["clock", "show"]).output


@pytest.mark.parametrize("count", ["-1", "0", "1000", str(10**9)])
def test_a_sample_roster_of_an_impossible_size_is_refused_before_anything_is_written(
        system: System, count: str) -> None:
    result = runner.invoke(app, ["load-sample", "--households-per-village", count])
    assert result.exit_code == 2, result.output
    assert f"每村户数应在 1 到 999 之间（收到 {count}）" in result.output
    with system.store.sessions() as session:
        assert session.scalar(select(func.count()).select_from(VillageRow)) == 0


def test_a_campaign_in_a_year_without_holiday_data_is_created_with_a_warning(
        system: System, tmp_path: Path) -> None:
    year = known_years().stop  # the first year the holiday package does not cover
    if year > system.store.clock.now().year + 1:
        pytest.skip(f"the holiday data covers every year a campaign may be created for ({year})")
    load_sample(system.store, households_per_village=1)
    assert runner.invoke(app, ["rubric", "samples", str(tmp_path / "r")]).exit_code == 0
    created = runner.invoke(app, ["review", "campaign", "create", "--rubric",
                                  str(tmp_path / "r" / "campaign-default.yaml"),
                                  "--year", str(year), "--basis", f"新坪发〔{year}〕3号",
                                  "--phone", "0739-6812345", "--email", "wmb@xinping.example",
                                  "--address", "新坪镇人民政府三楼文明办"])
    assert created.exit_code == 0, created.output
    assert f"{year} 年的全国节假日安排尚未收录" in created.output
    assert "暂按周末计算工作日" in created.output
