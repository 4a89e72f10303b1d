"""What the operators' CLI prints is Chinese, durations included."""

import pytest

from sanchuang.cli.clock import duration_zh


@pytest.mark.parametrize(("seconds", "text"), [
    (0, "无"),
    (0.4, "无"),
    (59, "拨快59秒"),
    (3_600, "拨快1小时"),
    (7 * 86_400, "拨快7天"),
    (14 * 86_400 + 5 * 3_600 + 24 * 60 + 59, "拨快14天5小时24分59秒"),
    (-90, "拨慢1分30秒"),
])
def test_a_clock_offset_reads_as_days_hours_minutes_and_seconds(seconds: float, text: str) -> None:
    assert duration_zh(seconds) == text
