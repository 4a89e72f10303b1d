"""Panel appraisal (评审) rules: conflicts of interest, quorum, the aggregate (mean, trimmed
mean or vote share), ranking against the quota, and moving a nominee to another category."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from fractions import Fraction
from typing import Any

from workflows.errors import InvalidInput
from workflows.policy import CampaignPolicy, Programme, Quota, Rubric
from workflows.rubric import aggregate, weighted
from workflows.stages import Stage
from workflows.text import clean_text

MEAN, TRIMMED_MEAN, VOTE_SHARE = "mean", "trimmed_mean", "vote_share"
METHOD_NAMES_ZH = {MEAN: "平均分", TRIMMED_MEAN: "去掉最高最低分后的平均分", VOTE_SHARE: "投票表决"}
#: The mark a vote is stored under in a review: 1.0 for, 0.0 against.
VOTE_KEY = "vote"
DECLARED, AUTOMATIC = "declared", "automatic"
WITHIN, OVER_TARGET, OVER_CEILING = "within", "over_target", "over_ceiling"


@dataclass(frozen=True)
class PanelPolicy:
    method: str = MEAN
    vote_threshold: Fraction = Fraction(2, 3)
    recuse_same_village: bool = False
    trim_from: int = 4  # the trimmed mean drops the highest and lowest from this many sheets
    normalise: bool = False  # rank by z-scores per reviewer, rescaled (raw kept beside)
    blind: bool = False  # reviewers see no identity until the scores are in


def panel_policy(policy: CampaignPolicy) -> PanelPolicy:
    """``policy.extra["panel"]`` when the policy has such a field, else the defaults."""
    raw: Mapping[str, Any] = (getattr(policy, "extra", None) or {}).get("panel", {})
    method = str(raw.get("method", MEAN))
    if method not in METHOD_NAMES_ZH:
        raise InvalidInput(f"评审方式“{method}”无法识别，应为 {', '.join(METHOD_NAMES_ZH)}")
    threshold = Fraction(str(raw.get("vote_threshold", "2/3")))
    if not 0 < threshold <= 1:
        raise InvalidInput(f"投票通过比例 {threshold} 应在 0 到 1 之间")
    return PanelPolicy(method, threshold, bool(raw.get("recuse_same_village", False)),
                       normalise=bool(raw.get("normalise", False)),
                       blind=bool(raw.get("blind", False)))


@dataclass(frozen=True)
class ReviewerProfile:
    """Where a reviewer stands in the roster: their person, household, village, and kin
    recorded outside their household (with those kin's households)."""

    account_id: str
    person_id: str | None = None
    household_id: str | None = None
    village_id: str | None = None
    kin_person_ids: tuple[str, ...] = ()
    kin_household_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class SubjectTies:
    """Who a nomination is about, as the roster ties them: village, household(s), persons."""

    village_id: str
    household_ids: frozenset[str] = frozenset()
    person_ids: frozenset[str] = frozenset()


def conflict(profile: ReviewerProfile | None, ties: SubjectTies, programme: Programme,
             same_village: bool) -> str:
    """Why this reviewer must step aside for this nominee, or "" if they need not."""
    if profile is None:
        return ""
    if programme is Programme.STAR_VILLAGE and profile.village_id == ties.village_id:
        return "评审委员所在村即被推荐村"
    if profile.person_id in ties.person_ids or profile.household_id in ties.household_ids:
        return "评审委员本人或其家庭与被推荐对象同户"
    if ties.person_ids & set(profile.kin_person_ids) or \
            ties.household_ids & set(profile.kin_household_ids):
        return "评审委员的亲属（花名册登记）是被推荐对象或与其同户"
    if same_village and profile.village_id and profile.village_id == ties.village_id:
        return "评审委员与被推荐对象同村（本次评选要求同村回避）"
    return ""


@dataclass(frozen=True)
class Recusal:
    id: str
    nomination_id: str
    reviewer_id: str
    reason: str
    kind: str  # declared by the reviewer, or flagged automatically from the roster
    at: datetime


@dataclass(frozen=True)
class PanelSeat:
    id: str
    campaign_id: str
    programme: str
    reviewer_id: str
    assigned_by: str
    assigned_at: datetime


def counted(sheets: Sequence[Any], recused: Collection[str],
            members: Collection[str] | None) -> list[Any]:
    """The reviews that count toward quorum: not from a recused reviewer, and from a panel
    member when the programme has an assigned panel (``members`` None: the whole panel)."""
    return [r for r in sheets if r.reviewer_id not in recused
            and (members is None or r.reviewer_id in members)]


@dataclass(frozen=True)
class Verdict:
    method: str
    value: float  # the points (mean, trimmed mean) or the share of votes for
    passed: bool
    stars: int = 0
    level: str = ""
    votes_for: int | None = None

    def reason(self, cast: int, threshold: Fraction) -> str:
        if self.method == VOTE_SHARE:
            return (f"评审投票赞成 {self.votes_for}/{cast} 票，未达到 {threshold} 的通过比例")
        return f"评审得分 {self.value:g}（{self.level or '无星'}），未达到评定标准"


def decide(policy: PanelPolicy, rubric: Rubric, sheets: Sequence[Mapping[str, float]]) -> Verdict:
    """The panel's aggregate over the counted sheets; a share equal to the threshold passes."""
    if not sheets:
        raise InvalidInput("还没有评审打分")
    if policy.method == VOTE_SHARE:
        votes_for = sum(1 for s in sheets if s[VOTE_KEY] >= 1)
        share = Fraction(votes_for, len(sheets))
        return Verdict(VOTE_SHARE, round(float(share), 4), share >= policy.vote_threshold,
                       votes_for=votes_for)
    if policy.method == TRIMMED_MEAN and len(sheets) >= policy.trim_from:
        sheets = sorted(sheets, key=lambda s: sum(s.values()))[1:-1]
    score = aggregate(rubric, sheets)
    return Verdict(policy.method, score.points, score.passed, score.stars, score.level)


def weigh(verdict: Verdict, rubric: Rubric, outside: Mapping[str, float]) -> Verdict | None:
    """The final score when the rubric weighs the panel with other sources (representatives,
    the public …): None until every source's score is in; the panel's alone otherwise."""
    others = set(rubric.weights) - {"panel"}
    if verdict.method == VOTE_SHARE or not others:
        return verdict
    if not others <= set(outside):
        return None
    final = weighted(rubric, {"panel": verdict.value, **outside})
    return replace(verdict, value=final, passed=final >= rubric.award_threshold)


@dataclass
class PanelResult:
    """The aggregate, stored once when the panel concludes; ranked later."""

    nomination_id: str
    campaign_id: str
    programme: str
    verdict: Verdict
    sheets: int
    concluded_at: datetime
    rank: int | None = None
    quota_status: str = ""


@dataclass(frozen=True)
class Standing:
    nomination_id: str
    value: float
    stars: int
    submitted_at: datetime


@dataclass(frozen=True)
class Placed:
    nomination_id: str
    rank: int
    quota_status: str
    warning: str = ""
    raw: float | None = None
    normalised: float | None = None


def rank(standings: Sequence[Standing], quota: Quota) -> list[Placed]:
    """Best aggregate first; ties go to more criteria met, then the earlier submission, then
    the id. Past the target is a warning; past a ceiling (when set) is over the quota."""
    order = sorted(standings, key=lambda s: (-s.value, -s.stars, s.submitted_at,
                                             s.nomination_id))
    return [_place(s.nomination_id, number, quota) for number, s in enumerate(order, start=1)]


def _place(nomination_id: str, number: int, quota: Quota) -> Placed:
    if number <= quota.target:
        return Placed(nomination_id, number, WITHIN)
    if quota.ceiling is None or number <= quota.ceiling:
        return Placed(nomination_id, number, OVER_TARGET,
                      f"第 {number} 名，超出名额目标 {quota.target} 名")
    return Placed(nomination_id, number, OVER_CEILING,
                  f"第 {number} 名，超出名额上限 {quota.ceiling} 名，不能列入审定名单")


#: Stages in which the panel may still move a nominee to another category.
CATEGORY_STAGES = (Stage.PANEL_REVIEW, Stage.FINAL_APPROVAL)


def check_category_move(categories: Sequence[str], current: str, new: str, reason: str,
                        stage: Stage) -> None:
    if not categories:
        raise InvalidInput("该评选项目不分类别，无需调整")
    if new not in categories:
        raise InvalidInput(f"类别“{new}”不存在，应为：{'、'.join(categories)}")
    if new == current:
        raise InvalidInput(f"该申报已在“{current}”类别，无需调整")
    if not clean_text(reason, "调整理由", 1000, required=False):
        raise InvalidInput("调整类别必须写明评审委员会的理由")
    if stage not in CATEGORY_STAGES:
        raise InvalidInput("只能在评审或待审定阶段调整类别")
