"""The panel's pure rules: aggregates, thresholds, conflicts of interest, ranking."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from fractions import Fraction
from types import SimpleNamespace

import pytest

from workflows.errors import InvalidInput
from workflows.panel import (
    MEAN,
    TRIMMED_MEAN,
    VOTE_SHARE,
    PanelPolicy,
    ReviewerProfile,
    Standing,
    SubjectTies,
    check_category_move,
    conflict,
    decide,
    panel_policy,
    rank,
)
from workflows.policy import Programme, Quota
from workflows.samples import default_policy
from workflows.stages import Stage

EXEMPLAR = default_policy().programme(Programme.MORAL_EXEMPLAR).rubric  # 40/30/30, pass at 85


def sheet(deeds: float, influence: float, opinion: float) -> dict[str, float]:
    return {"deeds": deeds, "influence": influence, "public_opinion": opinion}


SHEETS = [sheet(40, 30, 30), sheet(35, 28, 27), sheet(32, 26, 22), sheet(5, 3, 2)]  # 100/90/80/10


def test_the_mean_counts_every_sheet():
    verdict = decide(PanelPolicy(MEAN), EXEMPLAR, SHEETS)
    assert (verdict.value, verdict.passed) == (70, False)


def test_the_trimmed_mean_drops_the_highest_and_lowest_sheet_from_four():
    verdict = decide(PanelPolicy(TRIMMED_MEAN), EXEMPLAR, SHEETS)
    assert (verdict.value, verdict.passed) == (85, True)


def test_the_trimmed_mean_of_three_sheets_is_the_plain_mean():
    assert decide(PanelPolicy(TRIMMED_MEAN), EXEMPLAR, SHEETS[1:]).value == 60


def votes(*ballots: int) -> list[dict[str, float]]:
    return [{"vote": float(b)} for b in ballots]


def test_a_vote_share_equal_to_the_threshold_passes():
    verdict = decide(PanelPolicy(VOTE_SHARE), EXEMPLAR, votes(1, 1, 0))
    assert (verdict.value, verdict.votes_for, verdict.passed) == (0.6667, 2, True)


def test_a_vote_share_below_the_threshold_fails_with_the_count_in_the_reason():
    verdict = decide(PanelPolicy(VOTE_SHARE), EXEMPLAR, votes(1, 1, 0, 0))
    assert not verdict.passed
    assert verdict.reason(4, Fraction(2, 3)) == "评审投票赞成 2/4 票，未达到 2/3 的通过比例"


def test_a_campaign_sets_the_method_and_threshold():
    policy = SimpleNamespace(extra={"panel": {"method": "vote_share", "vote_threshold": "1/2",
                                              "recuse_same_village": True}})
    settings = panel_policy(policy)  # type: ignore[arg-type]
    assert settings == PanelPolicy(VOTE_SHARE, Fraction(1, 2), True)
    assert decide(settings, EXEMPLAR, votes(1, 0)).passed
    assert panel_policy(default_policy()) == PanelPolicy()


@pytest.mark.parametrize(("raw", "message"), [
    ({"method": "median"}, "评审方式“median”无法识别"),
    ({"vote_threshold": "3/2"}, "投票通过比例 3/2 应在 0 到 1 之间"),
])
def test_a_bad_panel_setting_is_refused(raw, message):
    with pytest.raises(InvalidInput, match=message):
        panel_policy(SimpleNamespace(extra={"panel": raw}))  # type: ignore[arg-type]


WANG = SubjectTies("v-wanli", frozenset({"h-wang"}), frozenset({"p-wang-1", "p-wang-2"}))


@pytest.mark.parametrize(("profile", "same_village", "reason"), [
    (None, True, ""),
    (ReviewerProfile("r", "p-wang-2", "h-wang", "v-wanli"), False, "与被推荐对象同户"),
    (ReviewerProfile("r", "p-x", "h-x", "v-wanli", ("p-wang-1",)), False, "亲属（花名册登记）"),
    (ReviewerProfile("r", "p-x", "h-x", "v-x", ("p-y",), ("h-wang",)), False, "亲属（花名册登记）"),
    (ReviewerProfile("r", "p-x", "h-x", "v-wanli"), False, ""),
    (ReviewerProfile("r", "p-x", "h-x", "v-wanli"), True, "同村（本次评选要求同村回避）"),
    (ReviewerProfile("r", "p-x", "h-x", "v-shimen"), True, ""),
])
def test_conflicts_come_from_the_roster(profile, same_village, reason):
    found = conflict(profile, WANG, Programme.MODEL_HOUSEHOLD, same_village)
    assert (reason in found) if reason else found == ""


def test_a_reviewer_from_the_nominated_village_steps_aside_for_a_star_village():
    found = conflict(ReviewerProfile("r", village_id="v-wanli"), SubjectTies("v-wanli"),
                     Programme.STAR_VILLAGE, False)
    assert found == "评审委员所在村即被推荐村"


T0 = datetime(2026, 11, 20, tzinfo=UTC)


def test_ranking_breaks_ties_on_criteria_met_then_earlier_submission_then_id():
    standings = [Standing("d", 90, 3, T0), Standing("c", 90, 4, T0),
                 Standing("b", 90, 4, T0 - timedelta(hours=1)), Standing("a", 90, 4, T0),
                 Standing("e", 95, 2, T0)]
    placed = rank(standings, Quota(10))
    assert [p.nomination_id for p in placed] == ["e", "b", "a", "c", "d"]
    assert [p.rank for p in placed] == [1, 2, 3, 4, 5]


def test_ranking_warns_past_the_target_and_marks_past_the_ceiling():
    standings = [Standing(str(i), 100 - i, 0, T0) for i in range(4)]
    placed = rank(standings, Quota(target=2, ceiling=3))
    assert [(p.rank, p.quota_status) for p in placed] == [
        (1, "within"), (2, "within"), (3, "over_target"), (4, "over_ceiling")]
    assert placed[2].warning == "第 3 名，超出名额目标 2 名"
    assert placed[3].warning == "第 4 名，超出名额上限 3 名，不能列入审定名单"


def test_without_a_ceiling_every_place_past_the_target_is_a_warning_only():
    placed = rank([Standing(str(i), 100 - i, 0, T0) for i in range(3)], Quota(1))
    assert [p.quota_status for p in placed] == ["within", "over_target", "over_target"]


CATEGORIES = ("助人为乐", "见义勇为", "诚实守信")


@pytest.mark.parametrize(("categories", "new", "reason", "stage", "message"), [
    ((), "见义勇为", "事迹属见义勇为", Stage.PANEL_REVIEW, "不分类别"),
    (CATEGORIES, "孝老", "理由", Stage.PANEL_REVIEW, "类别“孝老”不存在"),
    (CATEGORIES, "助人为乐", "理由", Stage.PANEL_REVIEW, "已在“助人为乐”类别"),
    (CATEGORIES, "见义勇为", " ", Stage.PANEL_REVIEW, "必须写明评审委员会的理由"),
    (CATEGORIES, "见义勇为", "理由", Stage.PUBLICITY, "只能在评审或待审定阶段调整类别"),
])
def test_a_category_move_is_refused_when(categories, new, reason, stage, message):
    with pytest.raises(InvalidInput, match=message):
        check_category_move(categories, "助人为乐", new, reason, stage)
