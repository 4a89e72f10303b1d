"""Handlers for one nomination at a time: create, stage moves, reviews, automatic checks."""

from __future__ import annotations

import logging
from datetime import datetime

from workflows import commands, events
from workflows.audit import chain_entry
from workflows.errors import Forbidden, InvalidInput
from workflows.handlers.context import Deps
from workflows.nomination import SYSTEM, Actor, Nomination, new_id
from workflows.policy import SUBJECT_KINDS, Programme
from workflows.ports import Review, UnitOfWork
from workflows.rubric import aggregate, can_apply, check_marks
from workflows.stages import Action, Role, Stage

log = logging.getLogger(__name__)


def create_nomination(cmd: commands.CreateNomination, uow: UnitOfWork, deps: Deps) -> str:
    campaign = uow.campaigns.get(cmd.campaign_id)
    try:
        programme = Programme(cmd.programme)
    except ValueError:
        raise InvalidInput(f"未知的评选项目 {cmd.programme}") from None
    rubric = campaign.policy.programme(programme).rubric
    marks = check_marks(rubric, cmd.self_marks) if cmd.self_marks else {}
    if marks and not can_apply(rubric, marks):
        raise InvalidInput(f"自评分低于申报门槛 {rubric.apply_threshold:g} 分，不能申报")
    subject = uow.directory.subject(SUBJECT_KINDS[programme], cmd.subject_id)
    if cmd.actor.role is not Role.VILLAGE or cmd.actor.village_id != subject.village_id:
        raise Forbidden("只有被推荐对象所在村的村两委可以填报申报")
    categories = campaign.policy.programme(programme).categories
    if categories and cmd.category not in categories:
        raise InvalidInput(f"类别应为：{'、'.join(categories)}")
    now = deps.clock.now()
    entry = chain_entry("", subject_id=cmd.nomination_id, seq=1, actor_id=cmd.actor.id,
                        role=cmd.actor.role.value, action="create", source="", target="draft",
                        reason="", at=now)
    uow.nominations.add(Nomination(
        id=cmd.nomination_id, campaign_id=campaign.id, programme=programme,
        village_id=subject.village_id, subject_id=subject.id, display_name=subject.display_name,
        category=cmd.category, deeds=cmd.deeds, self_marks=marks, version=1,
        audit_head=entry.hash, stage_changed_at=now,
    ))
    uow.record([entry])
    return cmd.nomination_id


def move_stage(cmd: commands.StageCommand, uow: UnitOfWork, deps: Deps) -> None:
    nomination = uow.nominations.get(cmd.nomination_id, lock=True)
    nomination.take(cmd.action, cmd.actor, deps.clock.now(), cmd.reason, cmd.expected_version)
    uow.nominations.save(nomination)


def move_stages(cmd: commands.StageCommandForList, uow: UnitOfWork, deps: Deps) -> int:
    if not cmd.nomination_ids:
        raise InvalidInput("没有选择任何申报")
    nominations = uow.nominations.get_many(cmd.nomination_ids, lock=True)
    now = deps.clock.now()
    for nomination in nominations:
        nomination.take(cmd.action, cmd.actor, now, cmd.reason)
    uow.nominations.save_many(nominations)
    return len(nominations)


def record_review(cmd: commands.RecordReview, uow: UnitOfWork, deps: Deps) -> str:
    return record_reviews(commands.RecordReviews(cmd.reviewer, {cmd.nomination_id: cmd.marks}),
                          uow, deps)[0]


def record_reviews(cmd: commands.RecordReviews, uow: UnitOfWork, deps: Deps) -> list[str]:
    """A score sheet is taken whole or not at all."""
    if cmd.reviewer.role is not Role.REVIEWER:
        raise Forbidden("只有评审委员可以打分")
    if not cmd.marks:
        raise InvalidInput("评分表是空的")
    now, review_ids = deps.clock.now(), []
    for nomination in uow.nominations.get_many(cmd.marks):
        review_ids.append(_review(uow, nomination, cmd.reviewer, cmd.marks[nomination.id], now))
    return review_ids


def _review(uow: UnitOfWork, nomination: Nomination, reviewer: Actor,
            raw: dict[str, float], now: datetime) -> str:
    if nomination.stage is not Stage.PANEL_REVIEW:
        raise InvalidInput(f"{nomination.display_name} 不在评审阶段，不能打分")
    campaign = uow.campaigns.get(nomination.campaign_id)
    marks = check_marks(campaign.policy.programme(nomination.programme).rubric, raw)
    if uow.reviews.exists(nomination.id, reviewer.id):
        raise InvalidInput(f"评审委员 {reviewer.name or reviewer.id} 已为"
                           f"{nomination.display_name}打过分")
    review_id = new_id()
    uow.reviews.add(Review(review_id, nomination.id, reviewer.id, marks, now))
    uow.record([chain_entry("", subject_id=review_id, seq=1, actor_id=reviewer.id,
                            role=Role.REVIEWER.value, action="record_review", source="",
                            target=nomination.id, reason="", at=now)])
    uow.emit(events.ReviewRecorded(nomination.id, reviewer.id))
    return review_id


def conclude_panel(event: events.ReviewRecorded, uow: UnitOfWork, deps: Deps) -> None:
    """Once quorum is reached, score the nomination once and move it on."""
    nomination = uow.nominations.get(event.nomination_id, lock=True)
    if nomination.stage is not Stage.PANEL_REVIEW:
        return
    campaign = uow.campaigns.get(nomination.campaign_id)
    reviews = uow.reviews.for_nomination(nomination.id)
    if len(reviews) < campaign.policy.panel_quorum:
        return
    rubric = campaign.policy.programme(nomination.programme).rubric
    result = aggregate(rubric, [r.marks for r in reviews])
    nomination.points, nomination.star_level = result.points, result.level
    if result.passed:
        nomination.take(Action.PASS_PANEL, SYSTEM, deps.clock.now())
    else:
        reason = f"评审得分 {result.points:g}（{result.level or '无星'}），未达到评定标准"
        nomination.take(Action.REJECT, SYSTEM, deps.clock.now(), reason)
    uow.nominations.save(nomination)


def check_submission(event: events.StageChanged, uow: UnitOfWork, deps: Deps) -> None:
    """Automatic checks on a (re)submitted nomination before the township sees it."""
    nomination = uow.nominations.get(event.nomination_id, lock=True)
    if nomination.stage is not Stage.SUBMITTED:
        return
    subject = uow.directory.subject(SUBJECT_KINDS[nomination.programme], nomination.subject_id)
    now = deps.clock.now()
    if subject.member_vetoes:
        reason = "一票否决：" + "；".join(subject.member_vetoes)
        nomination.take(Action.VETO, SYSTEM, now, reason)
    else:
        nomination.take(Action.START_REVIEW, SYSTEM, now)
    uow.nominations.save(nomination)

