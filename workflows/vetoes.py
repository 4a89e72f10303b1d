"""One-vote vetoes (一票否决): any household member's record blocks the household."""

from __future__ import annotations

from collections.abc import Iterable

VETO_NAMES_ZH = {
    "crime": "违法犯罪或违反党纪政纪",
    "illegal_petition": "违规上访",
    "vice": "涉黄赌毒或涉黑涉恶",
    "cult": "参与邪教或封建迷信",
    "credit": "不良文明或信用记录",
    "domestic_violence": "家庭暴力",
    "family_planning": "违反计划生育政策",
    "child_neglect": "不履行抚养义务",
}


def describe_vetoes(members: Iterable[tuple[str, Iterable[str]]]) -> tuple[str, ...]:
    """'<member>：<veto name>' for every veto recorded against any member."""
    return tuple(f"{name}：{VETO_NAMES_ZH.get(code, code)}"
                 for name, codes in members for code in codes)
