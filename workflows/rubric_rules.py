"""What makes a rubric sound: named criteria with distinct keys, thresholds within reach,
bands from low to high, weights summing to 100. Problems come back all at once."""

from __future__ import annotations

import re
from typing import Any

from workflows.policy import WEIGHT_SOURCES
from workflows.policy_schema import BAND, CRITERION, RUBRIC, Path, Problem, shown, typed_fields

IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
STYLES = {"stars": "按项得星", "points": "计分制"}

#: (name, full marks) per criterion; full marks None where the criterion itself is wrong.
Reach = list[tuple[str, float | None]]


def rubric_problems(raw: Any, path: Path) -> list[Problem]:
    good, problems = typed_fields(raw, path, RUBRIC, "评分细则")
    reach, found = criteria_problems(good.get("criteria"), (*path, "criteria"))
    problems += found
    style = good.get("style")
    if style == "stars":
        problems += stars_rules(good, reach, path)
    elif style == "points":
        problems += points_rules(good, reach, path)
    elif style is not None:
        problems.append(Problem((*path, "style"), f"评分方式应为 {_choices(STYLES)}，"
                                                  f"而不是“{style}”"))
    if good.get("version", 1) < 1:
        problems.append(Problem((*path, "version"), "版本号从 1 开始，每修改一次加 1"))
    return problems


def criteria_problems(criteria: Any, path: Path) -> tuple[Reach | None, list[Problem]]:
    if criteria is None:
        return None, []
    if not criteria:
        return None, [Problem(path, "至少要有一个评分项目")]
    reach: Reach = []
    problems: list[Problem] = []
    first_seen: dict[tuple[str, str], int] = {}
    for i, raw in enumerate(criteria):
        good, found = typed_fields(raw, (*path, i), CRITERION, "评分项目")
        problems += found + criterion_rules(good, (*path, i), first_seen)
        # A criterion with a misspelt field may have meant other full marks: none are assumed.
        full = None if found else good.get("max_points", 1.0)
        reach.append((str(good.get("name", i + 1)), full if full and full > 0 else None))
    return reach, problems


def criterion_rules(good: dict[str, Any], path: Path,
                    first_seen: dict[tuple[str, str], int]) -> list[Problem]:
    problems = []
    key, name, full = good.get("key"), good.get("name"), good.get("max_points", 1)
    if key is not None and not IDENTIFIER.fullmatch(key):
        problems.append(Problem((*path, "key"), f"项目代码“{key}”只能用英文字母、数字和下划线，"
                                "并以字母开头，如 honest、party_building"))
    if name is not None and not name.strip():
        problems.append(Problem((*path, "name"), "项目名称不能为空"))
    for field, value in (("key", key), ("name", name)):
        if value is None or not value.strip():
            continue
        if (field, value) in first_seen:
            problems.append(Problem((*path, field), f"评分项目“{value}”重复（第 "
                                    f"{first_seen[field, value]} 项已用过）：每项只能写一次"))
        first_seen.setdefault((field, value), path[-1] + 1)
    if full <= 0:
        problems.append(Problem((*path, "max_points"), f"满分应大于 0，而不是 {full:g}"))
    return problems


def stars_rules(good: dict[str, Any], reach: Reach | None, path: Path) -> list[Problem]:
    problems = []
    count = len(reach) if reach is not None else None
    award = good.get("award_threshold")
    if award is not None and award < 0:
        problems.append(Problem((*path, "award_threshold"), "获评门槛不能为负数"))
    elif award is not None and count is not None and award > count:
        problems.append(Problem((*path, "award_threshold"), f"获评门槛 {award:g} 星超过最多能得"
                                f"的 {count} 星（每个评分项目一星）：没有对象能达到"))
    problems += star_mark_rules(good.get("star_mark", 1.0), reach or [], path)
    for field, what in (("apply_threshold", "申报门槛"), ("weights", "加权计分")):
        if good.get(field):
            problems.append(Problem((*path, field), f"{what}只用于计分制（style: points），"
                                                    "按项得星的细则请删掉这一项"))
    return problems + band_rules(good.get("bands") or (), count, (*path, "bands"))


def star_mark_rules(star_mark: float, reach: Reach, path: Path) -> list[Problem]:
    if star_mark <= 0:
        return [Problem((*path, "star_mark"), f"一项得星的分数线应大于 0，而不是 {star_mark:g}")]
    short = [f"{name}（满分 {full:g}）" for name, full in reach
             if full is not None and full < star_mark]
    if not short:
        return []
    return [Problem((*path, "star_mark"), f"一项得星的分数线 {star_mark:g} 高于这些项目的满分："
                    f"{'、'.join(short)}，它们永远得不到星")]


def points_rules(good: dict[str, Any], reach: Reach | None, path: Path) -> list[Problem]:
    problems = []
    fulls = [full for _, full in reach or []]
    total = sum(f for f in fulls if f is not None) if fulls and None not in fulls else None
    for field, what in (("award_threshold", "获评门槛"), ("apply_threshold", "申报门槛")):
        value = good.get(field)
        if value is not None and value < 0:
            problems.append(Problem((*path, field), f"{what}不能为负数"))
        elif value is not None and total is not None and value > total:
            problems.append(Problem((*path, field), f"{what} {value:g} 分超过满分 {total:g} 分"
                                                    "（各项满分之和）：没有对象能达到"))
    if good.get("bands"):
        problems.append(Problem((*path, "bands"), "星级分档只用于按项得星（style: stars），"
                                                  "计分制的细则请删掉这一项"))
    return problems + weight_rules(good.get("weights") or {}, (*path, "weights"))


def band_rules(bands: Any, count: int | None, path: Path) -> list[Problem]:
    problems: list[Problem] = []
    previous: tuple[str, int] | None = None
    names: set[str] = set()
    for i, raw in enumerate(bands):
        good, found = typed_fields(raw, (*path, i), BAND, "星级分档")
        problems += found + band_name_rules(good.get("name"), (*path, i, "name"), names)
        stars, name = good.get("min_stars"), str(good.get("name", i + 1))
        if stars is None:
            continue
        where = (*path, i, "min_stars")
        if count is not None and not 1 <= stars <= count:
            problems.append(Problem(where, f"分档“{name}”要求 {stars} 星，应在 1 到 {count}"
                                           "（评分项目数）之间"))
        if previous is not None and stars <= previous[1]:
            problems.append(Problem(where, f"星级分档应从低到高排列：“{name}”要求 {stars} 星，"
                                    f"不多于上一档“{previous[0]}”的 {previous[1]} 星"))
        previous = (name, stars)
    return problems


def band_name_rules(name: str | None, path: Path, names: set[str]) -> list[Problem]:
    if name is None:
        return []
    if not name.strip():
        return [Problem(path, "分档名称不能为空")]
    if name in names:
        return [Problem(path, f"分档“{name}”重复：每档只能写一次")]
    names.add(name)
    return []


def weight_rules(weights: dict[Any, Any], path: Path) -> list[Problem]:
    problems = []
    for source, value in weights.items():
        if source not in WEIGHT_SOURCES:
            problems.append(Problem((*path, source), f"未知的评分来源“{source}”。可用的来源："
                                                     f"{_choices(WEIGHT_SOURCES)}"))
        elif isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            problems.append(Problem((*path, source), f"权重应为大于 0 的数字（百分数），"
                                                     f"而不是{shown(value)}"))
    total = sum(v for v in weights.values() if isinstance(v, int | float))
    if weights and not problems and abs(total - 100) > 1e-9:
        parts = " + ".join(f"{source} {value:g}" for source, value in weights.items())
        problems.append(Problem(path, f"各来源的权重之和应为 100，现在是 {total:g}（{parts}）"))
    return problems


def _choices(names: dict[str, str]) -> str:
    return "、".join(f"{key}（{name}）" for key, name in names.items())
