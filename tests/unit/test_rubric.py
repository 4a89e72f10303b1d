"""Scoring rules of the default policy: stars, bands, points, thresholds, vetoes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from workflows.errors import InvalidInput
from workflows.policy import Band, Programme, Quota, policy_from_dict, revised
from workflows.policy_rules import check_policy, policy_problems
from workflows.rubric import aggregate, can_apply, check_marks, score, weighted
from workflows.samples import TEN_STAR_CRITERIA, VILLAGE_DIMENSIONS, default_policy
from workflows.vetoes import describe_vetoes

POLICY = default_policy()
HOUSEHOLD = POLICY.programme(Programme.MODEL_HOUSEHOLD).rubric
VILLAGE = POLICY.programme(Programme.STAR_VILLAGE).rubric
EXEMPLAR = POLICY.programme(Programme.MORAL_EXEMPLAR).rubric


def household_marks(met: int) -> dict[str, float]:
    return {key: float(i < met) for i, (key, _) in enumerate(TEN_STAR_CRITERIA)}


def village_marks(*points: float) -> dict[str, float]:
    return {key: p for (key, _), p in zip(VILLAGE_DIMENSIONS, points, strict=True)}


@pytest.mark.parametrize(("met", "level", "passed"), [
    (0, "", False), (1, "1星", False), (4, "4星", False),
    (5, "铜星", False), (7, "铜星", False),
    (8, "银星", True), (9, "银星", True),
    (10, "金星", True),
])
def test_ten_star_household_earns_one_star_per_criterion_met_and_its_band(met, level, passed):
    result = score(HOUSEHOLD, household_marks(met))
    assert (result.stars, result.level, result.passed) == (met, level, passed)


def test_ten_star_household_is_awarded_from_exactly_eight_stars():
    assert HOUSEHOLD.award_threshold == 8
    assert not score(HOUSEHOLD, household_marks(7)).passed
    assert score(HOUSEHOLD, household_marks(8)).passed


def test_star_village_earns_a_star_at_exactly_80_points_but_not_at_79_99():
    assert score(VILLAGE, village_marks(80, 0, 0, 0, 0)).stars == 1
    assert score(VILLAGE, village_marks(79.99, 0, 0, 0, 0)).stars == 0


def test_star_village_level_counts_its_stars_and_three_are_awarded():
    two = score(VILLAGE, village_marks(100, 80, 79.99, 79.99, 60))
    three = score(VILLAGE, village_marks(100, 80, 80, 79.99, 60))
    assert (two.stars, two.level, two.passed) == (2, "2星", False)
    assert (three.stars, three.level, three.passed) == (3, "3星", True)


def test_exemplar_is_awarded_at_exactly_85_points_but_not_at_84_99():
    at = score(EXEMPLAR, {"deeds": 35, "influence": 25, "public_opinion": 25})
    below = score(EXEMPLAR, {"deeds": 34.99, "influence": 25, "public_opinion": 25})
    assert (at.points, at.level, at.passed) == (85, "85分", True)
    assert (below.points, below.level, below.passed) == (84.99, "84.99分", False)


def test_a_mark_for_a_criterion_the_rubric_does_not_have_is_refused_by_name():
    marks = {**household_marks(10), "bravery": 1}
    with pytest.raises(InvalidInput, match="评分细则中没有这些项目：bravery"):
        check_marks(HOUSEHOLD, marks)


def test_a_criterion_left_unmarked_is_refused_by_its_chinese_name():
    marks = household_marks(10)
    del marks["filial"], marks["clean"]
    with pytest.raises(InvalidInput, match="以下项目未评分：孝老爱亲、环保卫生"):
        check_marks(HOUSEHOLD, marks)


@pytest.mark.parametrize(("rubric", "key", "value", "message"), [
    (HOUSEHOLD, "honest", 2, "“诚实守信”的分数 2 超出范围（0–1）"),
    (HOUSEHOLD, "honest", -1, "“诚实守信”的分数 -1 超出范围（0–1）"),
    (EXEMPLAR, "deeds", 40.5, "“事迹突出”的分数 40.5 超出范围（0–40）"),
    (VILLAGE, "ecology", 101, "“生态”的分数 101 超出范围（0–100）"),
])
def test_a_mark_outside_its_range_is_refused_naming_the_criterion(rubric, key, value, message):
    marks = {c.key: 0.0 for c in rubric.criteria}
    marks[key] = value
    with pytest.raises(InvalidInput) as refusal:
        check_marks(rubric, marks)
    assert str(refusal.value) == message


@pytest.mark.parametrize("value", [0.5, 0.99, 1e-9])
def test_a_yes_no_criterion_takes_only_0_or_1(value):
    marks = {c.key: 1.0 for c in HOUSEHOLD.criteria}
    marks["honest"] = value
    with pytest.raises(InvalidInput, match="“诚实守信”是达标项，只能打 1（达标）或 0（未达标）"):
        check_marks(HOUSEHOLD, marks)


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_a_mark_that_is_not_a_finite_number_is_refused(value):
    marks = {c.key: 0.0 for c in EXEMPLAR.criteria}
    marks["deeds"] = value
    with pytest.raises(InvalidInput, match="超出范围"):
        check_marks(EXEMPLAR, marks)


def test_marks_at_both_ends_of_the_range_are_accepted():
    marks = {"deeds": 0, "influence": 30, "public_opinion": 30}
    assert check_marks(EXEMPLAR, marks) == {"deeds": 0.0, "influence": 30.0,
                                            "public_opinion": 30.0}


def test_a_yes_no_criterion_is_met_when_most_reviewers_say_so():
    yes, no = household_marks(10), household_marks(0)
    assert aggregate(HOUSEHOLD, [yes, yes, no]).stars == 10
    assert aggregate(HOUSEHOLD, [yes, no, no]).stars == 0
    assert aggregate(HOUSEHOLD, [household_marks(8), household_marks(9), no]).stars == 8


def test_a_yes_no_criterion_split_evenly_is_not_met():
    yes, no = household_marks(10), household_marks(0)
    assert aggregate(HOUSEHOLD, [yes, yes, no, no]).stars == 0


def test_points_are_the_mean_of_the_reviewers_marks():
    reviews = [{"deeds": 30, "influence": 30, "public_opinion": 20},
               {"deeds": 40, "influence": 25, "public_opinion": 30},
               {"deeds": 35, "influence": 20, "public_opinion": 25}]
    result = aggregate(EXEMPLAR, reviews)
    assert (result.points, result.passed) == (85, True)


def test_village_dimension_mean_decides_the_star():
    result = aggregate(VILLAGE, [village_marks(90, 0, 0, 0, 0), village_marks(70, 0, 0, 0, 0)])
    assert (result.stars, result.points) == (1, 80)
    lower = aggregate(VILLAGE, [village_marks(89.98, 0, 0, 0, 0), village_marks(70, 0, 0, 0, 0)])
    assert lower.stars == 0


def test_aggregate_without_reviews_is_refused():
    with pytest.raises(InvalidInput, match="还没有评审打分"):
        aggregate(EXEMPLAR, [])


def test_can_apply_needs_the_self_assessment_to_reach_the_apply_threshold():
    strict = replace(EXEMPLAR, apply_threshold=90)
    assert can_apply(strict, {"deeds": 40, "influence": 30, "public_opinion": 20})
    assert not can_apply(strict, {"deeds": 39.99, "influence": 30, "public_opinion": 20})


def test_can_apply_without_an_apply_threshold_lets_anyone_apply():
    assert EXEMPLAR.apply_threshold is None
    assert can_apply(EXEMPLAR, {"deeds": 0, "influence": 0, "public_opinion": 0})


def test_a_veto_names_the_household_member_it_was_recorded_against():
    members = [("李春生", []), ("李小龙", ["crime", "vice"]), ("张兰", ["domestic_violence"])]
    assert describe_vetoes(members) == (
        "李小龙：违法犯罪或违反党纪政纪",
        "李小龙：涉黄赌毒或涉黑涉恶",
        "张兰：家庭暴力",
    )


def test_a_household_without_records_has_no_vetoes_and_unknown_codes_are_kept():
    assert describe_vetoes([("王建国", []), ("王小明", ())]) == ()
    assert describe_vetoes([("王建国", ["arson"])]) == ("王建国：arson",)


WEIGHTED = replace(EXEMPLAR, weights={"panel": 50, "representatives": 25, "public": 25})


@pytest.mark.parametrize(("scores", "final", "passed"), [
    ({"panel": 90, "representatives": 80, "public": 80}, 85.0, True),
    ({"panel": 89.98, "representatives": 80, "public": 80}, 84.99, False),
    ({"panel": 100, "representatives": 100, "public": 100}, 100.0, True),
    ({"panel": 0, "representatives": 0, "public": 0}, 0.0, False),
    ({"panel": 70, "representatives": 100, "public": 100}, 85.0, True),
])
def test_the_weighted_final_score_is_half_panel_a_quarter_each_representatives_and_public(
        scores, final, passed):
    result = weighted(WEIGHTED, scores)
    assert result == final
    assert (result >= WEIGHTED.award_threshold) is passed


def test_seventy_thirty_expert_and_public_weights():
    rubric = replace(EXEMPLAR, weights={"experts": 70, "public": 30})
    assert weighted(rubric, {"experts": 90, "public": 70}) == 84.0


def test_without_weights_the_final_score_is_the_panels():
    assert weighted(EXEMPLAR, {"panel": 85.5}) == 85.5


@pytest.mark.parametrize(("scores", "message"), [
    ({"panel": 90, "representatives": 80}, "还缺以下来源的分数：群众投票（public）"),
    ({"panel": 90, "representatives": 80, "public": 80, "experts": 80},
     "评分细则没有为这些来源设置权重：experts"),
    ({"panel": 90, "representatives": 80, "public": 100.01},
     "群众投票的分数 100.01 超出范围（0–100）"),
    ({"panel": -1, "representatives": 80, "public": 80},
     "评审委员会评分的分数 -1 超出范围（0–100）"),
])
def test_a_weighted_score_with_a_missing_unknown_or_out_of_range_source_is_refused(
        scores, message):
    with pytest.raises(InvalidInput) as refusal:
        weighted(WEIGHTED, scores)
    assert str(refusal.value).startswith(message)


def test_the_policy_survives_being_stored_and_read_back():
    policy = POLICY.with_rubric(Programme.MORAL_EXEMPLAR, WEIGHTED)
    assert policy_from_dict(POLICY.to_dict()) == POLICY
    assert policy_from_dict(policy.to_dict()) == policy
    assert policy_from_dict(policy.to_dict()).programme("moral_exemplar").rubric.weights == {
        "panel": 50, "representatives": 25, "public": 25}


def test_a_policy_stored_before_weights_and_the_posthumous_rule_reads_with_their_defaults():
    stored = POLICY.to_dict()
    for programme in stored["programmes"].values():
        del programme["posthumous_exempt"], programme["rubric"]["weights"]
    read = policy_from_dict(stored)
    assert read == POLICY
    assert read.programme(Programme.MORAL_EXEMPLAR).posthumous_exempt is True
    assert read.programme(Programme.MORAL_EXEMPLAR).rubric.weights == {}


def test_the_content_hash_is_the_same_for_80_and_80_point_0_and_changes_with_an_edit():
    same = replace(VILLAGE, star_mark=80.0, award_threshold=3.0)
    assert same.content_hash() == VILLAGE.content_hash()
    assert replace(VILLAGE, star_mark=79).content_hash() != VILLAGE.content_hash()
    edited = POLICY.with_rubric(Programme.STAR_VILLAGE, replace(VILLAGE, star_mark=79))
    assert edited.content_hash() != POLICY.content_hash()
    assert len(POLICY.content_hash()) == 64


def test_editing_a_rubric_makes_a_new_version_and_an_unchanged_one_keeps_its_version():
    edited = replace(HOUSEHOLD, bands=(Band("铜星", 6), Band("银星", 8), Band("金星", 10)))
    assert revised(HOUSEHOLD, edited).version == HOUSEHOLD.version + 1
    assert revised(HOUSEHOLD, replace(HOUSEHOLD, version=7)) is HOUSEHOLD
    policy = POLICY.with_rubric(Programme.MODEL_HOUSEHOLD, edited)
    assert policy.programme(Programme.MODEL_HOUSEHOLD).rubric.version == 2
    assert policy.programme(Programme.STAR_VILLAGE) == POLICY.programme(Programme.STAR_VILLAGE)


@pytest.mark.parametrize(("age", "posthumous", "exempt", "admitted"), [
    (16, False, True, True), (15, False, True, False), (15, True, True, True),
    (15, True, False, False), (0, True, True, True),
])
def test_exemplars_must_be_16_unless_they_died_in_the_act_and_the_policy_waives_the_age(
        age, posthumous, exempt, admitted):
    exemplar = replace(POLICY.programme(Programme.MORAL_EXEMPLAR), posthumous_exempt=exempt)
    assert exemplar.admits_age(age, posthumous) is admitted


def test_the_default_policy_and_its_stored_form_break_no_rule():
    assert policy_problems(POLICY.to_dict()) == []
    check_policy(POLICY)


def test_a_policy_breaking_rules_is_refused_with_every_problem_and_where_it_is():
    household = replace(POLICY.programme(Programme.MODEL_HOUSEHOLD), quota=Quota(6, 5),
                        rubric=replace(HOUSEHOLD, award_threshold=11))
    bad = replace(POLICY, publicity_days=0,
                  programmes={**POLICY.programmes, Programme.MODEL_HOUSEHOLD: household})
    with pytest.raises(InvalidInput) as refusal:
        check_policy(bad)
    message = str(refusal.value)
    assert message.startswith("评选方案有 3 处错误")
    assert "publicity_days：公示天数至少为 1 天" in message
    assert "programmes.model_household.rubric.award_threshold：获评门槛 11 星超过" in message
    assert "programmes.model_household.quota.ceiling：名额上限 5 小于名额目标 6" in message
