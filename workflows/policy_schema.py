"""The shape of a campaign policy written as data: which fields exist, of what kind, and the
problems found in a mapping that does not fit. The rules on values are in ``policy_rules``."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Path = tuple[Any, ...]


@dataclass(frozen=True)
class Problem:
    """What is wrong (in Chinese) and where: the keys and list positions leading to it."""

    path: Path
    message: str

    def where(self) -> str:
        text = ""
        for step in self.path:
            text += f"[{step + 1}]" if isinstance(step, int) else f".{step}"
        return text.lstrip(".") or "（文件开头）"


@dataclass(frozen=True)
class Kind:
    zh: str
    accepts: Callable[[Any], bool]


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


KINDS = {
    "int": Kind("整数", _is_int),
    "number": Kind("数字", lambda v: _is_int(v) or isinstance(v, float)),
    "text": Kind("文字", lambda v: isinstance(v, str)),
    "bool": Kind("true 或 false", lambda v: isinstance(v, bool)),
    "list": Kind("列表（每项一行，以“- ”开头）", lambda v: isinstance(v, list | tuple)),
    "map": Kind("“字段: 值”的映射", lambda v: isinstance(v, dict)),
}


@dataclass(frozen=True)
class Field:
    kind: str
    label: str
    required: bool = False
    nullable: bool = False


Spec = dict[str, Field]

CAMPAIGN: Spec = {
    "programmes": Field("map", "评选项目", required=True),
    "publicity_days": Field("int", "公示天数"),
    "publicity_day_kind": Field("text", "公示天数的算法"),
    "objection_extra_days": Field("int", "异议截止比公示结束晚几天"),
    "panel_quorum": Field("int", "评审最少人数"),
    "stage_deadline_days": Field("map", "各阶段办理时限"),
    "extra": Field("map", "评审与联合审查的设置（panel、vetting）"),
}
PROGRAMME: Spec = {
    "programme": Field("text", "项目代码"),
    "rubric": Field("map", "评分细则", required=True),
    "quota": Field("map", "名额", required=True),
    "categories": Field("list", "类别"),
    "min_age": Field("int", "最低年龄", nullable=True),
    "posthumous_exempt": Field("bool", "见义勇为牺牲者不受年龄限制"),
    "revocation_bar_years": Field("int", "称号被撤销后几年内不得再申报"),
}
RUBRIC: Spec = {
    "version": Field("int", "版本号"),
    "style": Field("text", "评分方式", required=True),
    "criteria": Field("list", "评分项目", required=True),
    "award_threshold": Field("number", "获评门槛", required=True),
    "star_mark": Field("number", "一项得星的分数线"),
    "apply_threshold": Field("number", "申报门槛", nullable=True),
    "bands": Field("list", "星级分档"),
    "weights": Field("map", "加权计分的权重"),
}
CRITERION: Spec = {
    "key": Field("text", "项目代码", required=True),
    "name": Field("text", "项目名称", required=True),
    "max_points": Field("number", "满分"),
}
BAND: Spec = {
    "name": Field("text", "分档名称", required=True),
    "min_stars": Field("int", "至少几星", required=True),
}
QUOTA: Spec = {
    "target": Field("int", "名额目标", required=True),
    "ceiling": Field("int", "名额上限", nullable=True),
}


def shown(value: Any) -> str:
    if value is None:
        return "空值（什么也没填）"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"“{value}”"
    if isinstance(value, dict):
        return "一组“字段: 值”"
    if isinstance(value, list | tuple):
        return "一个列表"
    return str(value)


def allowed(spec: Spec) -> str:
    return "、".join(f"{key}（{field.label}）" for key, field in spec.items())


def typed_fields(data: Any, path: Path, spec: Spec, what: str) -> tuple[dict[str, Any],
                                                                          list[Problem]]:
    """The fields of ``data`` that have the right kind, and a problem for every other one."""
    if not isinstance(data, dict):
        return {}, [Problem(path, f"{what}应为{KINDS['map'].zh}，而不是{shown(data)}")]
    good: dict[str, Any] = {}
    problems = [Problem(path, f"缺少字段“{key}”（{field.label}）")
                for key, field in spec.items() if field.required and key not in data]
    for key, value in data.items():
        field = spec.get(key) if isinstance(key, str) else None
        if field is None:
            problems.append(Problem((*path, key),
                                    f"未知字段“{key}”。{what}可用的字段：{allowed(spec)}"))
        elif (value is None and field.nullable) or KINDS[field.kind].accepts(value):
            good[key] = value
        else:
            problems.append(Problem((*path, key), f"“{key}”（{field.label}）应为"
                                                  f"{KINDS[field.kind].zh}，而不是{shown(value)}"))
    return good, problems


#: No number in a policy needs more; anything past it is a typo or an attack (1e23, .inf).
NUMBER_LIMIT = 1_000_000
TEXT_LIMIT = 2_000


def out_of_range(data: Any, path: Path = ()) -> list[Problem]:
    """Every number that is not finite or is past ``NUMBER_LIMIT``, and every text longer than
    ``TEXT_LIMIT``, anywhere in the data: checked before any rule does arithmetic on them."""
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in out_of_range(value, (*path, key))]
    if isinstance(data, list | tuple):
        return [p for i, value in enumerate(data) for p in out_of_range(value, (*path, i))]
    if isinstance(data, float) and not math.isfinite(data):
        return [Problem(path, f"数字 {data} 不是有限的数：请填写具体数值")]
    if isinstance(data, int | float) and not isinstance(data, bool) and abs(data) > NUMBER_LIMIT:
        return [Problem(path, f"数字 {data:g} 超出范围：绝对值不能超过 {NUMBER_LIMIT}")]
    if isinstance(data, str) and len(data) > TEXT_LIMIT:
        return [Problem(path, f"文字太长（{len(data)} 字）：不能超过 {TEXT_LIMIT} 字")]
    return []
