"""The honour roll (光荣榜) lists each programme's levels from the highest down: the rubric's
bands by their stars (金星 before 银星, though 银 sorts first as text) and stars by number."""

from __future__ import annotations

from typing import Any

from sanchuang.documents.notices import roll_groups
from sanchuang.documents.render import DocumentRenderer
from workflows.campaign import Campaign
from workflows.samples import default_policy

CAMPAIGN = Campaign("c1", "430522100", 2026, "2026年度“三创”评选活动", default_policy())


def row(programme: str, name: str, level: str, village: str = "湾里村") -> dict[str, Any]:
    return {"campaign_id": "c1", "programme": programme, "display_name": name,
            "category": "", "star_level": level, "village_name": village}


ROWS = [row("model_household", "李家", "银星"), row("star_village", "杨柳村", "4星", "杨柳村"),
        row("model_household", "王家", "金星"), row("star_village", "新田村", "5星", "新田村"),
        row("model_household", "赵家", "铜星"), row("moral_exemplar", "李秀英", "")]


def test_levels_run_from_the_highest_band_and_the_most_stars() -> None:
    titles = [g["title_name"] for g in roll_groups(ROWS, {"c1": CAMPAIGN})]
    assert titles == ["五星级文明村", "四星级文明村", "金星道德模范户", "银星道德模范户",
                      "铜星道德模范户", "道德标兵"]


def test_the_printed_roll_shows_gold_before_silver() -> None:
    html = DocumentRenderer().document("honour_roll", {
        "township": "新坪镇", "year": 2026, "groups": roll_groups(ROWS, {"c1": CAMPAIGN})})
    assert html.index("一、五星级文明村") < html.index("二、四星级文明村")
    assert html.index("金星道德模范户") < html.index("王家") < html.index("银星道德模范户") \
        < html.index("李家")
