"""Scoring against a rubric: stars per criterion met, or points with thresholds, and the
weighted final score over several sources (panel, representatives, public)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from statistics import mean

from workflows.errors import InvalidInput
from workflows.policy import WEIGHT_SOURCES, Criterion, Rubric


@dataclass(frozen=True)
class Score:
    stars: int
    points: float
    level: str
    passed: bool


def check_marks(rubric: Rubric, marks: Mapping[str, float]) -> dict[str, float]:
    """Every criterion marked once, each within its range; returns the marks as floats."""
    known = {c.key: c for c in rubric.criteria}
    unknown = sorted(set(marks) - set(known))
    if unknown:
        raise InvalidInput(f"评分细则中没有这些项目：{', '.join(unknown)}")
    missing = [c.name for c in rubric.criteria if c.key not in marks]
    if missing:
        raise InvalidInput(f"以下项目未评分：{'、'.join(missing)}")
    return {key: allowed_mark(known[key], value) for key, value in marks.items()}


def allowed_mark(criterion: Criterion, value: float) -> float:
    """A mark within 0 and the criterion's full marks; a yes/no criterion (full marks 1) takes
    only 0 (not met) or 1 (met)."""
    mark = float(value)
    if not 0 <= mark <= criterion.max_points:
        raise InvalidInput(
            f"“{criterion.name}”的分数 {value} 超出范围（0–{criterion.max_points:g}）")
    if criterion.max_points == 1 and mark not in (0, 1):
        raise InvalidInput(f"“{criterion.name}”是达标项，只能打 1（达标）或 0（未达标），"
                           f"不能打 {mark:g}")
    return mark


def score(rubric: Rubric, marks: Mapping[str, float]) -> Score:
    marks = check_marks(rubric, marks)
    stars = sum(1 for c in rubric.criteria if marks[c.key] >= rubric.star_mark)
    points = round(sum(marks.values()), 2)
    if rubric.style == "stars":
        passed = stars >= rubric.award_threshold
        return Score(stars, points, star_level(rubric, stars), passed)
    return Score(stars, points, f"{points:g}分", points >= rubric.award_threshold)


def star_level(rubric: Rubric, stars: int) -> str:
    band = [b.name for b in sorted(rubric.bands, key=lambda b: b.min_stars) if stars >= b.min_stars]
    if band:
        return band[-1]
    return f"{stars}星" if stars else ""


def aggregate(rubric: Rubric, reviews: Sequence[Mapping[str, float]]) -> Score:
    """The panel's score: the mean mark per criterion over all reviews, then scored."""
    if not reviews:
        raise InvalidInput("还没有评审打分")
    means = {}
    for c in rubric.criteria:
        value = mean(float(r[c.key]) for r in reviews)
        # A yes/no criterion is met when most reviewers say it is.
        means[c.key] = (1.0 if value > 0.5 else 0.0) if c.max_points == 1 else round(value, 4)
    return score(rubric, means)


def can_apply(rubric: Rubric, self_marks: Mapping[str, float]) -> bool:
    """Points rubrics may ask for a minimum self-assessment before applying."""
    if rubric.apply_threshold is None:
        return True
    return score(rubric, self_marks).points >= rubric.apply_threshold


def weighted(rubric: Rubric, scores_by_source: Mapping[str, float]) -> float:
    """The final score: each source's score (0 to the rubric's full marks) times its weight in
    percent. A rubric without weights counts the panel's score alone."""
    weights = rubric.weights or {"panel": 100.0}
    unknown = sorted(set(scores_by_source) - set(weights))
    if unknown:
        raise InvalidInput(f"评分细则没有为这些来源设置权重：{', '.join(unknown)}；"
                           f"应提供：{_source_names(weights)}")
    missing = [source for source in weights if source not in scores_by_source]
    if missing:
        raise InvalidInput(f"还缺以下来源的分数：{_source_names(missing)}")
    total = 0.0
    for source, weight in weights.items():
        value = float(scores_by_source[source])
        if not 0 <= value <= rubric.full_marks:
            raise InvalidInput(f"{WEIGHT_SOURCES.get(source, source)}的分数 {value:g} 超出范围"
                               f"（0–{rubric.full_marks:g}）")
        total += value * weight
    return round(total / 100, 2)


def _source_names(sources: Iterable[str]) -> str:
    return "、".join(f"{WEIGHT_SOURCES.get(s, s)}（{s}）" for s in sources)
