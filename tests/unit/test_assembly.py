"""The villager-representative meeting: two thirds present, more than half of those for."""

from datetime import date

import pytest

from workflows.assembly import AssemblyMeeting, AssemblyRule, AssemblyVote, record, shortfall
from workflows.errors import InvalidInput

RULE = AssemblyRule()
DAY = date(2026, 11, 20)


def kept(required: int, present: int, votes_for: int, against: int = 0) -> dict:
    return record(AssemblyMeeting(DAY, required, present), AssemblyVote(votes_for, against))


def test_exactly_two_thirds_present_is_a_quorum() -> None:
    assert shortfall(RULE, kept(45, 30, 16)) is None


def test_one_short_of_two_thirds_is_not_a_quorum_and_says_how_many_were_needed() -> None:
    assert shortfall(RULE, kept(45, 29, 29)) == (
        "村民代表会议实到 29 人，未达到应到 45 人的三分之二（至少 30 人）")


def test_exactly_half_of_those_present_is_not_a_majority() -> None:
    assert shortfall(RULE, kept(45, 30, 15, 15)) == "赞成 15 票，未超过实到 30 人的二分之一"


def test_one_more_than_half_is_a_majority() -> None:
    assert shortfall(RULE, kept(45, 30, 16, 14)) is None


def test_no_meeting_recorded_is_a_shortfall() -> None:
    assert shortfall(RULE, {}) == "尚未登记村民代表会议表决结果"


@pytest.mark.parametrize(("required", "present", "votes", "message"), [
    (0, 0, (0, 0, 0), "应到人数至少为 1"),
    (40, 41, (20, 0, 0), "实到 41 人，应在 0 到应到人数 40 之间"),
    (40, 30, (20, 8, 3), "赞成、反对、弃权共 31 票，超过实到人数 30"),
    (40, 30, (20, -1, 0), "票数不能为负数"),
])
def test_impossible_numbers_are_refused(required: int, present: int, votes: tuple,
                                        message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        record(AssemblyMeeting(DAY, required, present), AssemblyVote(*votes))
