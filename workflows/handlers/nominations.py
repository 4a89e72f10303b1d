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
from workflows.ports import Review, StoredEvent, UnitOfWork
from workflows.rubric import Score, aggregate, can_apply, check_marks
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
    nominations = uow.nominations.get_many(cmd.marks)
    done = uow.reviews.scored_by(cmd.reviewer.id, [n.id for n in nominations])
    now, reviews = deps.clock.now(), []
    for nomination in nominations:
        if nomination.id in done:
            raise InvalidInput(f"评审委员 {cmd.reviewer.name or cmd.reviewer.id} 已为"
                               f"{nomination.display_name}打过分")
        reviews.append(_review(uow, nomination, cmd.reviewer, cmd.marks[nomination.id], now))
    uow.reviews.add_many(reviews)
    uow.record([chain_entry("", subject_id=r.id, seq=1, actor_id=r.reviewer_id,
                            role=Role.REVIEWER.value, action="record_review", source="",
                            target=r.nomination_id, reason="", at=now) for r in reviews])
    uow.emit(*(events.ReviewRecorded(r.nomination_id, r.reviewer_id) for r in reviews))
    return [r.id for r in reviews]


def _review(uow: UnitOfWork, nomination: Nomination, reviewer: Actor,
            raw: dict[str, float], now: datetime) -> Review:
    if nomination.stage is not Stage.PANEL_REVIEW:
        raise InvalidInput(f"{nomination.display_name} 不在评审阶段，不能打分")
    campaign = uow.campaigns.get(nomination.campaign_id)
    marks = check_marks(campaign.policy.programme(nomination.programme).rubric, raw)
    return Review(new_id(), nomination.id, reviewer.id, marks, now)


def conclude_panels(group: list[StoredEvent], uow: UnitOfWork, deps: Deps) -> None:
    """Once a nomination's quorum is reached, score it once and move it on."""
    ids = list(dict.fromkeys(stored.event.nomination_id for stored in group))  # type: ignore
    waiting = [n for n in uow.nominations.get_many(ids, lock=True)
               if n.stage is Stage.PANEL_REVIEW]
    reviews = uow.reviews.for_nominations([n.id for n in waiting])
    now, moved = deps.clock.now(), []
    for nomination in waiting:
        policy = uow.campaigns.get(nomination.campaign_id).policy
        if len(reviews[nomination.id]) >= policy.panel_quorum:
            rubric = policy.programme(nomination.programme).rubric
            conclude(nomination, aggregate(rubric, [r.marks for r in reviews[nomination.id]]), now)
            moved.append(nomination)
    uow.nominations.save_many(moved)


def conclude(nomination: Nomination, result: Score, now: datetime) -> None:
    nomination.points, nomination.star_level = result.points, result.level
    if result.passed:
        nomination.take(Action.PASS_PANEL, SYSTEM, now)
    else:
        reason = f"评审得分 {result.points:g}（{result.level or '无星'}），未达到评定标准"
        nomination.take(Action.REJECT, SYSTEM, now, reason)


def check_submissions(group: list[StoredEvent], uow: UnitOfWork, deps: Deps) -> None:
    """Automatic checks on (re)submitted nominations before the township sees them."""
    ids = list(dict.fromkeys(stored.event.nomination_id for stored in group))  # type: ignore
    waiting = [n for n in uow.nominations.get_many(ids, lock=True) if n.stage is Stage.SUBMITTED]
    subjects = uow.directory.subjects([(SUBJECT_KINDS[n.programme], n.subject_id)
                                       for n in waiting])
    now = deps.clock.now()
    for nomination in waiting:
        vetoes = subjects[nomination.subject_id].member_vetoes
        if vetoes:
            nomination.take(Action.VETO, SYSTEM, now, "一票否决：" + "；".join(vetoes))
        else:
            nomination.take(Action.START_REVIEW, SYSTEM, now)
    uow.nominations.save_many(waiting)
