"""A reviewer's score (a mark for every criterion of the rubric) or vote on a nomination of
their panel, as ``sanchuang review score|vote`` records it."""

from __future__ import annotations

from collections.abc import Mapping

from models.reviewer_queries import ReviewItem
from workflows.command import Command
from workflows.commands import RecordReview
from workflows.errors import InvalidInput
from workflows.nomination import Actor
from workflows.review_commands import RecordVote

VOTES = ("for", "against")


def marks_of(item: ReviewItem, entered: Mapping[str, str | float]) -> dict[str, float]:
    """The entered marks by criterion key, one per criterion of the rubric; a blank, a
    non-number or a criterion the rubric does not have is refused."""
    unknown = sorted(set(entered) - {criterion.key for criterion in item.criteria})
    if unknown:
        raise InvalidInput(f"评分细则中没有这一项：{'、'.join(unknown)}")
    marks = {}
    for criterion in item.criteria:
        raw = entered.get(criterion.key, "")
        try:
            marks[criterion.key] = float(raw.strip() if isinstance(raw, str) else raw)
        except ValueError:
            raise InvalidInput(f"“{criterion.name}”的分数须为数字（0 至 "
                               f"{criterion.max_points:g} 分）") from None
    return marks


def score_command(item: ReviewItem, actor: Actor,
                  entered: Mapping[str, str | float]) -> Command:
    return RecordReview(item.nomination_id, actor, marks_of(item, entered))


def vote_command(nomination_id: str, actor: Actor, vote: str) -> Command:
    if vote not in VOTES:
        raise InvalidInput("请选择赞成或反对")
    return RecordVote(nomination_id, actor, vote == "for")
