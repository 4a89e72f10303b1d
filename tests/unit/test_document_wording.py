"""The wording a 文明办 official checks: levels, titles, procedure, the publicity window."""

from __future__ import annotations

from datetime import date

from sanchuang.documents import wording
from sanchuang.policy.holidays import campaign_calendar
from workflows.calendar import start_of_day


def test_levels_read_in_words_and_bands_as_the_rubric_names_them() -> None:
    assert wording.title_name("star_village", "5星") == "五星级文明村"
    assert wording.title_name("star_village", "4星") == "四星级文明村"
    assert wording.title_name("model_household", "金星") == "金星道德模范户"
    assert wording.title_name("moral_exemplar", "92.5分") == "道德标兵"
    assert wording.level_words("92.5分") == ""


def test_procedure_names_only_the_stages_that_ran_in_order() -> None:
    assert wording.procedure({"panel", "preliminary", "approval"}) == \
        "镇文明办初审、评审委员会评审、镇党委会议审定"
    assert "联合审查" in wording.procedure({"vetting", "assembly"})
    assert wording.procedure({"vetting", "assembly"}).startswith("村民代表会议评议推荐")


def test_five_working_days_over_national_day_and_a_make_up_saturday() -> None:
    calendar, _ = campaign_calendar(2026)
    first = date(2026, 9, 30)
    last = calendar.last_day(first, 5, "working")
    assert last == date(2026, 10, 12)
    closes = calendar.closes_at(first, 5, "working")
    assert wording.window_sentence(first, last, closes, 5, "working") == \
        "公示期为2026年9月30日至10月12日（5个工作日），10月12日24时截止。"


def test_calendar_days_and_a_window_into_the_next_year() -> None:
    first, last = date(2026, 12, 28), date(2027, 1, 3)
    sentence = wording.window_sentence(first, last, start_of_day(date(2027, 1, 4)), 7,
                                       "calendar")
    assert sentence == "公示期为2026年12月28日至2027年1月3日（7天），1月3日24时截止。"
