"""The phrases a 文明办 official checks in a public document: levels and titles in words, the
procedure actually followed, the publicity window with its length and closing time."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from sanchuang.runtime.templating import zh_numeral
from workflows.calendar import SHANGHAI
from workflows.policy import PROGRAMME_NAMES_ZH, Programme

_STARS = re.compile(r"^(\d+)星$")

#: The stages a list may have passed, in order, with the phrase for each.
STAGE_PHRASES = (
    ("assembly", "村民代表会议评议推荐"),
    ("preliminary", "镇文明办初审"),
    ("vetting", "相关部门联合审查"),
    ("panel", "评审委员会评审"),
    ("approval", "镇党委会议审定"),
    ("publicity", "社会公示"),
)


def level_words(level: str) -> str:
    """``5星`` → ``五星级``; a band named in the rubric (``金星``) as it is; a score → ``""``."""
    stars = _STARS.match(level or "")
    if stars:
        return f"{zh_numeral(int(stars.group(1)))}星级"
    if not level or level.endswith("分"):
        return ""
    return level


def title_name(programme: Programme | str, level: str) -> str:
    """The title as the decision confers it: 五星级文明村, 金星道德模范户, 道德标兵."""
    name, words = PROGRAMME_NAMES_ZH[Programme(programme)], level_words(level)
    if not words:
        return name
    if name.startswith("星级") and words.endswith("星级"):
        return words + name.removeprefix("星级")
    return words + name


def procedure(stages: Iterable[str]) -> str:
    """``经…、…等程序`` built from the stages the list actually went through."""
    ran = set(stages)
    return "、".join(phrase for key, phrase in STAGE_PHRASES if key in ran)


def _day(day: date, year: int) -> str:
    prefix = "" if day.year == year else f"{day.year}年"
    return f"{prefix}{day.month}月{day.day}日"


def closing_time(closes_at: datetime) -> str:
    """The closing moment as a notice prints it: ``10月12日24时`` or ``10月12日17:30``."""
    local = closes_at.astimezone(SHANGHAI)
    if (local.hour, local.minute) == (0, 0):
        last = local.date() - timedelta(days=1)
        return f"{last.month}月{last.day}日24时"
    return f"{local.month}月{local.day}日{local:%H:%M}"


def window_sentence(first: date, last: date, closes_at: datetime, days: int, kind: str) -> str:
    """``公示期为2026年9月30日至10月12日（5个工作日），10月12日24时截止。``"""
    length = f"{days}个工作日" if kind == "working" else f"{days}天"
    return (f"公示期为{first.year}年{_day(first, first.year)}至{_day(last, first.year)}"
            f"（{length}），{closing_time(closes_at)}截止。")


#: The list columns after 序号 and the name, with their headings.
_COLUMN_HEADS = {"gender": "性别", "age": "年龄", "village_name": "所在村（居）",
                 "category": "类别", "star_level": "星级", "deeds": "主要事迹"}


def entry_columns(entries: Iterable[dict[str, Any]], programme: str,
                  with_deeds: bool = False) -> list[tuple[str, str]]:
    """(key, heading) of a list's columns: exemplars with 性别 and 年龄 and never a 星级; a
    star village without 所在村 (it is the village); 类别 and 星级 only when some entry has one."""
    rows = list(entries)
    person = programme == Programme.MORAL_EXEMPLAR.value
    keys = ["gender", "age"] if person else []
    if programme != Programme.STAR_VILLAGE.value:
        keys.append("village_name")
    if any(e.get("category") for e in rows):
        keys.append("category")
    if not person and any(level_words(e.get("star_level") or "") for e in rows):
        keys.append("star_level")
    if with_deeds:
        keys.append("deeds")
    return [(key, _COLUMN_HEADS[key]) for key in keys]


def entry_cell(entry: dict[str, Any], key: str) -> str:
    """One cell of a list: the level in words, ``—`` for what is not known."""
    value = entry.get(key)
    if key == "star_level":
        return level_words(value or "") or "—"
    return str(value) if value not in (None, "") else "—"


def name_heading(programme: str) -> str:
    """The decision's list calls persons 姓名 and villages or households 名称."""
    return "姓名" if programme == Programme.MORAL_EXEMPLAR.value else "名称"
