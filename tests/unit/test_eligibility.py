"""Eligibility: age and the posthumous exception, past titles, the bar after a revocation,
a member in prison. Each refusal names the rule and the person."""

from dataclasses import replace
from datetime import date

from workflows.eligibility import Member, Title, plaque_from, refusals
from workflows.policy import Programme
from workflows.samples import default_policy

EXEMPLAR = default_policy().programmes["moral_exemplar"]  # type: ignore[index]
HOUSEHOLD = default_policy().programmes["model_household"]  # type: ignore[index]
ON = date(2026, 11, 26)


def person(born: date, deceased: date | None = None) -> Member:
    return Member("p1", "李小军", born, deceased_on=deceased)


def test_an_exemplar_aged_exactly_sixteen_today_is_eligible() -> None:
    assert refusals(EXEMPLAR, "李小军", [person(date(2010, 11, 26))], [], ON) == []


def test_an_exemplar_a_day_short_of_sixteen_is_refused_by_name() -> None:
    found = refusals(EXEMPLAR, "李小军", [person(date(2010, 11, 27))], [], ON)
    assert found == [
        "【年龄】李小军 15 周岁，未满 16 周岁（在见义勇为等事迹中牺牲的，可按追授申报）"]


def test_a_posthumous_nomination_waives_the_age_rule() -> None:
    young = person(date(2012, 5, 1), deceased=date(2026, 7, 3))
    assert refusals(EXEMPLAR, "李小军", [young], [], ON, posthumous=True) == []


def test_a_posthumous_nomination_keeps_the_age_rule_where_the_policy_does_not_waive_it() -> None:
    strict = replace(EXEMPLAR, posthumous_exempt=False)
    young = person(date(2012, 5, 1), deceased=date(2026, 7, 3))
    found = refusals(strict, "李小军", [young], [], ON, posthumous=True)
    assert found == ["【年龄】李小军 14 周岁，未满 16 周岁（本次评选方案规定追授也须满足年龄要求）"]


def test_without_the_waiver_an_under_age_refusal_does_not_point_to_the_posthumous_route() -> None:
    strict = replace(EXEMPLAR, posthumous_exempt=False)
    found = refusals(strict, "李小军", [person(date(2010, 11, 27))], [], ON)
    assert found == ["【年龄】李小军 15 周岁，未满 16 周岁"]


def test_a_posthumous_nomination_needs_the_date_of_death() -> None:
    found = refusals(EXEMPLAR, "李小军", [person(date(1980, 1, 1))], [], ON, posthumous=True)
    assert found == ["【追授】李小军 未登记去世日期，不能按追授申报"]


def test_a_past_winner_of_the_same_title_and_level_is_refused() -> None:
    titles = [Title("model_household", "金星", 2024, "active")]
    found = refusals(HOUSEHOLD, "王建国家庭", [], titles, ON, level="金星")
    assert found == ["【已获称号】王建国家庭 已于 2024 年获得“道德模范户（金星）”，"
                     "同一称号同一等级不再重复评选"]


def test_a_past_winner_may_try_for_a_higher_level() -> None:
    titles = [Title("model_household", "银星", 2024, "active")]
    assert refusals(HOUSEHOLD, "王建国家庭", [], titles, ON, level="金星") == []


def test_a_revoked_title_bars_the_household_for_two_years_to_the_day() -> None:
    titles = [Title("model_household", "银星", 2024, "revoked", date(2024, 11, 27))]
    found = refusals(HOUSEHOLD, "王建国家庭", [], titles, ON)
    assert found == ["【撤销后限制】王建国家庭 的“道德模范户”称号于 2024-11-27 被撤销，"
                     "2026-11-27 前不得申报（2026-11-27 起可再申报）"]


def test_the_bar_ends_two_years_after_the_revocation() -> None:
    titles = [Title("model_household", "银星", 2024, "revoked", date(2024, 11, 26))]
    assert refusals(HOUSEHOLD, "王建国家庭", [], titles, ON) == []


def test_a_member_in_prison_defers_the_plaque_to_the_year_after_release() -> None:
    members = [Member("p1", "王建国"), Member("p2", "王小虎", serving_until=date(2027, 3, 1))]
    assert plaque_from(members) == date(2028, 1, 1)
    assert plaque_from(members[:1]) is None


def test_the_bar_is_the_campaign_setting_not_a_constant() -> None:
    titles = [Title("model_household", "银星", 2024, "revoked", date(2024, 11, 26))]
    three_years = replace(HOUSEHOLD, revocation_bar_years=3)
    assert refusals(three_years, "王建国家庭", [], titles, ON) == [
        "【撤销后限制】王建国家庭 的“道德模范户”称号于 2024-11-26 被撤销，"
        "2027-11-26 前不得申报（2027-11-26 起可再申报）"]


def test_a_revoked_title_carries_the_bar_its_decision_set() -> None:
    titles = [Title("model_household", "银星", 2024, "revoked", date(2024, 11, 26),
                    barred_until=date(2025, 11, 26))]
    assert refusals(HOUSEHOLD, "王建国家庭", [], titles, ON) == []


def test_a_cancelled_title_bars_nothing() -> None:
    titles = [Title("star_village", "4星", 2025, "cancelled", date(2026, 3, 1))]
    village = replace(HOUSEHOLD, programme=Programme.STAR_VILLAGE)
    assert refusals(village, "新田村", [], titles, ON) == []
