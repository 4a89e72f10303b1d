"""The villager-representative meeting (村民代表会议) that votes on the village's nominations."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from workflows.errors import InvalidInput
from workflows.policy import Programme


@dataclass(frozen=True)
class AssemblyRule:
    """At least ``quorum`` of the members present, and more than ``majority`` of those present
    voting for. Configurable per campaign; these are the usual rules."""

    quorum: Fraction = Fraction(2, 3)
    majority: Fraction = Fraction(1, 2)
    programmes: tuple[str, ...] = (Programme.MODEL_HOUSEHOLD.value,
                                   Programme.MORAL_EXEMPLAR.value)


@dataclass(frozen=True)
class AssemblyMeeting:
    held_on: date
    members_required: int
    members_present: int
    minutes_ref: str = ""  # content hash of the signed minutes, when attached


@dataclass(frozen=True)
class AssemblyVote:
    votes_for: int
    votes_against: int = 0
    abstentions: int = 0


def check_held_on(held_on: date, campaign_year: int, today: date) -> None:
    """A meeting already held, and not before the year ahead of the campaign's year."""
    earliest = date(campaign_year - 1, 1, 1)
    if held_on > today:
        raise InvalidInput(f"村民代表会议日期 {held_on.isoformat()} 在今天"
                           f"（{today.isoformat()}）之后：只能登记已经召开的会议")
    if held_on < earliest:
        raise InvalidInput(f"村民代表会议日期 {held_on.isoformat()} 太早：{campaign_year} 年度"
                           f"评选的会议应在 {earliest.isoformat()} 以后召开")


def record(meeting: AssemblyMeeting, vote: AssemblyVote) -> dict[str, Any]:
    """The record kept on the nomination; impossible numbers are refused."""
    if meeting.members_required < 1:
        raise InvalidInput("应到人数至少为 1")
    if not 0 <= meeting.members_present <= meeting.members_required:
        raise InvalidInput(f"实到 {meeting.members_present} 人，应在 0 到应到人数 "
                           f"{meeting.members_required} 之间")
    cast = vote.votes_for + vote.votes_against + vote.abstentions
    if min(vote.votes_for, vote.votes_against, vote.abstentions) < 0:
        raise InvalidInput("票数不能为负数")
    if cast > meeting.members_present:
        raise InvalidInput(f"赞成、反对、弃权共 {cast} 票，超过实到人数 {meeting.members_present}")
    return {**asdict(meeting), "held_on": meeting.held_on.isoformat(), **asdict(vote)}


def shortfall(rule: AssemblyRule, kept: dict[str, Any]) -> str | None:
    """Why the recorded meeting does not carry the nomination, or None when it does."""
    if not kept:
        return "尚未登记村民代表会议表决结果"
    required, present = kept["members_required"], kept["members_present"]
    if Fraction(present, required) < rule.quorum:
        need = -(-required * rule.quorum.numerator // rule.quorum.denominator)
        return (f"村民代表会议实到 {present} 人，未达到应到 {required} 人的"
                f"{fraction_zh(rule.quorum)}（至少 {need} 人）")
    if present == 0 or Fraction(kept["votes_for"], present) <= rule.majority:
        return (f"赞成 {kept['votes_for']} 票，未超过实到 {present} 人的"
                f"{fraction_zh(rule.majority)}")
    return None


def fraction_zh(value: Fraction) -> str:
    digits = "零一二三四五六七八九十"
    return f"{digits[value.denominator]}分之{digits[value.numerator]}"
