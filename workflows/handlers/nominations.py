"""Handlers for one nomination at a time: create, stage moves, automatic checks. Panel
scoring and its conclusion live in handlers/panel.py."""

from __future__ import annotations

import logging

from workflows import commands, events
from workflows.audit import first_entry
from workflows.errors import Forbidden, InvalidInput
from workflows.handlers import guards
from workflows.handlers.context import Deps, nomination_ids
from workflows.nomination import REASON_MAX, SYSTEM, Nomination
from workflows.policy import PROGRAMME_NAMES_ZH, SUBJECT_KINDS, Programme
from workflows.ports import StoredEvent, UnitOfWork
from workflows.rubric import can_apply, check_marks
from workflows.stages import STAGE_NAMES_ZH, Action, Role, Stage
from workflows.text import clean_text

log = logging.getLogger(__name__)
NOMINATED_BY = ("self", "village", "others")
DEEDS_MAX = 5000


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
    refuse_a_second_nomination(uow, campaign.id, programme, subject.id, subject.display_name)
    if cmd.nominated_by not in NOMINATED_BY:
        raise InvalidInput(f"推荐方式应为 {'、'.join(NOMINATED_BY)}"
                           "（本人申报、村两委推荐、他人推荐）")
    categories = campaign.policy.programme(programme).categories
    if categories and cmd.category not in categories:
        raise InvalidInput(f"类别应为：{'、'.join(categories)}")
    now = deps.clock.now()
    entry = first_entry(cmd.nomination_id, actor_id=cmd.actor.id, role=cmd.actor.role.value,
                        action="create", target="draft", at=now)
    uow.nominations.add(Nomination(
        id=cmd.nomination_id, campaign_id=campaign.id, programme=programme,
        village_id=subject.village_id, subject_id=subject.id, display_name=subject.display_name,
        category=cmd.category, deeds=clean_text(cmd.deeds, "事迹材料", DEEDS_MAX, required=False),
        self_marks=marks, version=1, audit_head=entry.hash, stage_changed_at=now,
        nominated_by=cmd.nominated_by, posthumous=cmd.posthumous,
    ))
    uow.record([entry])
    return cmd.nomination_id


def refuse_a_second_nomination(uow: UnitOfWork, campaign_id: str, programme: Programme,
                               subject_id: str, name: str) -> None:
    """A household, person or village is nominated at most once per campaign and programme."""
    existing = uow.nominations.of_subject(campaign_id, programme, subject_id)
    if existing is not None:
        raise InvalidInput(
            f"{name}已在本次评选的“{PROGRAMME_NAMES_ZH[programme]}”中申报过"
            f"（申报 {existing.id[:8]}，现处于“{STAGE_NAMES_ZH[existing.stage]}”阶段），"
            "不能重复申报")


def move_stage(cmd: commands.StageCommand, uow: UnitOfWork, deps: Deps) -> None:
    nomination = uow.nominations.get(cmd.nomination_id, lock=True)
    reason = clean_text(cmd.reason, "理由", REASON_MAX, required=False)
    nomination.check(cmd.action, cmd.actor, reason)
    note = guards.before(cmd.action, [nomination], uow, deps).get(nomination.id, "")
    nomination.take(cmd.action, cmd.actor, deps.clock.now(), reason or note,
                    cmd.expected_version)
    uow.nominations.save(nomination)
    guards.after(cmd.action, [nomination], uow, deps)


def move_stages(cmd: commands.StageCommandForList, uow: UnitOfWork, deps: Deps) -> int:
    if not cmd.nomination_ids:
        raise InvalidInput("没有选择任何申报")
    reason = clean_text(cmd.reason, "理由", REASON_MAX, required=False)
    nominations = uow.nominations.get_many(cmd.nomination_ids, lock=True)
    for nomination in nominations:
        nomination.check(cmd.action, cmd.actor, reason)
    notes, now = guards.before(cmd.action, nominations, uow, deps), deps.clock.now()
    for nomination in nominations:
        nomination.take(cmd.action, cmd.actor, now, reason or notes.get(nomination.id, ""))
    uow.nominations.save_many(nominations)
    guards.after(cmd.action, nominations, uow, deps)
    return len(nominations)


def check_submissions(group: list[StoredEvent[events.StageChanged]], uow: UnitOfWork,
                      deps: Deps) -> None:
    """Automatic checks on (re)submitted nominations before the township sees them."""
    ids = nomination_ids(group)
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
