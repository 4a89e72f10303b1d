"""Dynamic management (动态管理): re-rating a held title against its campaign's rubric.

Same level: carried forward; higher: upgraded; lower but still passing: downgraded (退星);
failing: a remediation deadline (限期整改) — only when that passes unmet may the title be
revoked (摘牌, reason ``remediation_failed``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from workflows.errors import InvalidInput
from workflows.policy import Rubric
from workflows.rubric import score
from workflows.title_record import STATUS_NAMES_ZH, TitleRecord

OUTCOME_NAMES_ZH = {"carried": "保持", "upgraded": "升星", "downgraded": "退星",
                    "remediation": "限期整改"}


@dataclass(frozen=True)
class ReRating:
    outcome: str
    before: str
    after: str

    def summary(self) -> str:
        text = f"复评{OUTCOME_NAMES_ZH[self.outcome]}：{self.before or '—'}"
        return text + (f" → {self.after}" if self.after != self.before else "")


def level_rank(rubric: Rubric, level: str) -> float:
    """Where a level stands in the rubric: a band's minimum stars, N for "N星", points."""
    for band in rubric.bands:
        if band.name == level:
            return band.min_stars
    for suffix in ("星", "分"):
        if level.endswith(suffix):
            try:
                return float(level[: -len(suffix)])
            except ValueError:
                break
    return 0.0


def rerate(title: TitleRecord, rubric: Rubric, marks: Mapping[str, float], today: date,
           remediation_due: date | None) -> ReRating:
    """Apply one re-rating to ``title``; a failing one needs a remediation deadline."""
    if title.status not in ("active", "remediation"):
        raise InvalidInput(f"该称号{STATUS_NAMES_ZH[title.status]}，不再复评")
    result, before = score(rubric, marks), title.star_level
    title.rerated_on = today
    if not result.passed:
        if remediation_due is None or remediation_due <= today:
            raise InvalidInput("复评未达标，须定一个今天以后的整改期限（限期整改）")
        title.status, title.remediation_due = "remediation", remediation_due
        return ReRating("remediation", before, before)
    title.status, title.remediation_due, title.star_level = "active", None, result.level
    old, new = level_rank(rubric, before), level_rank(rubric, result.level)
    outcome = "upgraded" if new > old else "downgraded" if new < old else "carried"
    return ReRating(outcome, before, result.level)
