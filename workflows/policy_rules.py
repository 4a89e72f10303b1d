"""What makes a campaign policy sound: every problem in one pass, each with where it is.

``policy_problems`` reads the plain data (a parsed file, or ``CampaignPolicy.to_dict()``);
``check_policy`` refuses a built policy with all its problems at once."""

from __future__ import annotations

from typing import Any

from workflows.errors import InvalidInput
from workflows.policy import PROGRAMME_NAMES_ZH, CampaignPolicy, Programme
from workflows.policy_schema import (
    CAMPAIGN,
    PROGRAMME,
    QUOTA,
    Path,
    Problem,
    out_of_range,
    typed_fields,
)
from workflows.rubric_rules import rubric_problems
from workflows.stages import STAGE_NAMES_ZH, Stage

DAY_KINDS = {"calendar": "自然日", "working": "工作日"}
MAX_PUBLICITY_DAYS, MAX_STAGE_DAYS, MAX_PANEL = 60, 365, 99
#: Stages nothing waits on, so they take no deadline.
FINAL = {Stage.COMMENDED, Stage.REJECTED, Stage.WITHDRAWN, Stage.DISQUALIFIED, Stage.REVOKED}


def policy_problems(data: Any) -> list[Problem]:
    wild = out_of_range(data)
    if wild:
        return wild
    good, problems = typed_fields(data, (), CAMPAIGN, "评选方案")
    problems += campaign_rules(good)
    for key, raw in (good.get("programmes") or {}).items():
        problems += programme_problems(key, raw, ("programmes", key))
    return problems


def check_policy(policy: CampaignPolicy) -> None:
    problems = policy_problems(policy.to_dict())
    if problems:
        lines = "；".join(f"{p.where()}：{p.message}" for p in problems)
        raise InvalidInput(f"评选方案有 {len(problems)} 处错误，请改正后再试：{lines}")


def campaign_rules(good: dict[str, Any]) -> list[Problem]:
    problems = []
    if good.get("programmes") == {}:
        problems.append(Problem(("programmes",), "至少要设置一个评选项目"))
    if good.get("publicity_days", 1) < 1:
        problems.append(Problem(("publicity_days",), "公示天数至少为 1 天"))
    elif good.get("publicity_days", 1) > MAX_PUBLICITY_DAYS:
        problems.append(Problem(("publicity_days",), f"公示天数最多为 {MAX_PUBLICITY_DAYS} 天"))
    kind = good.get("publicity_day_kind", "calendar")
    if kind not in DAY_KINDS:
        problems.append(Problem(("publicity_day_kind",), f"公示天数的算法应为 "
                                f"{_choices(DAY_KINDS)}，而不是“{kind}”"))
    if not 0 <= good.get("objection_extra_days", 0) <= MAX_PUBLICITY_DAYS:
        problems.append(Problem(("objection_extra_days",),
                                f"异议截止顺延天数应在 0 到 {MAX_PUBLICITY_DAYS} 之间"))
    if not 1 <= good.get("panel_quorum", 1) <= MAX_PANEL:
        problems.append(Problem(("panel_quorum",), f"评审最少人数应在 1 到 {MAX_PANEL} 人之间"))
    return problems + deadline_rules(good.get("stage_deadline_days") or {})


def deadline_rules(deadlines: dict[Any, Any]) -> list[Problem]:
    stages = {stage.value: STAGE_NAMES_ZH[stage] for stage in Stage if stage not in FINAL}
    problems = []
    for key, days in deadlines.items():
        path = ("stage_deadline_days", key)
        if key not in stages:
            problems.append(Problem(path, f"未知阶段“{key}”。可设时限的阶段：{_choices(stages)}"))
        elif isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_STAGE_DAYS:
            problems.append(Problem(path, f"办理时限应为 1 到 {MAX_STAGE_DAYS} 天的整数，"
                                          f"而不是 {days}"))
    return problems


def programme_problems(key: Any, raw: Any, path: Path) -> list[Problem]:
    if key not in set(Programme):
        names = {p.value: PROGRAMME_NAMES_ZH[p] for p in Programme}
        return [Problem(path, f"未知的评选项目“{key}”。可用的项目：{_choices(names)}")]
    good, problems = typed_fields(raw, path, PROGRAMME, PROGRAMME_NAMES_ZH[Programme(key)])
    if good.get("programme", key) != key:
        problems.append(Problem((*path, "programme"), f"项目代码“{good['programme']}”与所在的"
                                f"项目“{key}”不一致：删掉这一行或改为 {key}"))
    if "rubric" in good:
        problems += rubric_problems(good["rubric"], (*path, "rubric"))
    if "quota" in good:
        problems += quota_problems(good["quota"], (*path, "quota"))
    problems += category_problems(good.get("categories") or (), (*path, "categories"))
    if (good.get("min_age") or 0) < 0:
        problems.append(Problem((*path, "min_age"), "最低年龄不能为负数"))
    if (good.get("revocation_bar_years") or 0) < 0:
        problems.append(Problem((*path, "revocation_bar_years"), "撤销后限制申报年限不能为负数"))
    return problems


def quota_problems(raw: Any, path: Path) -> list[Problem]:
    good, problems = typed_fields(raw, path, QUOTA, "名额")
    target, ceiling = good.get("target"), good.get("ceiling")
    if target is not None and target < 1:
        problems.append(Problem((*path, "target"), "名额目标至少为 1"))
    if target is not None and ceiling is not None and ceiling < target:
        problems.append(Problem((*path, "ceiling"), f"名额上限 {ceiling} 小于名额目标 {target}："
                                "上限应不小于目标（不设上限请删掉这一行）"))
    return problems


def category_problems(categories: Any, path: Path) -> list[Problem]:
    problems, seen = [], set()
    for i, category in enumerate(categories):
        if not isinstance(category, str) or not category.strip():
            problems.append(Problem((*path, i), "类别名称应为不空的文字"))
        elif category in seen:
            problems.append(Problem((*path, i), f"类别“{category}”重复：每个类别只写一次"))
        seen.add(category)
    return problems


def _choices(names: dict[str, str]) -> str:
    return "、".join(f"{key}（{name}）" for key, name in names.items())

