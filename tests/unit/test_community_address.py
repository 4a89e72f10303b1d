"""A residential committee is addressed as 社区, not 你村."""

from __future__ import annotations

from datetime import date

from sanchuang.delivery.render import Renderer
from workflows.handlers.notify import addressed


def test_a_residential_committee_is_not_called_a_village() -> None:
    assert addressed("城东社区居委会") == "你社区"
    assert addressed("湾里村") == "你村"
    window = {"opens_on": date(2026, 11, 27), "closes_on": date(2026, 12, 3),
              "objection_deadline": date(2026, 12, 3)}
    entry = {"display_name": "张桂兰家庭", "village_name": "城东社区居委会",
             "programme_name": "道德模范户", "category": "", "stage_name": "公示中", "id": 1}
    out = Renderer().notification("publicity_opened", {
        "township": "新坪镇", "recipient": {"name": "刘敏"}, "window": window,
        "entries": [entry], "notice_url": "", "you": "你社区",
        "campaign": {"name": "2026年度“三创”评选活动", "year": 2026}, "nomination": entry})
    assert "你社区入选" in out.text
    assert "你村" not in out.text + out.html
