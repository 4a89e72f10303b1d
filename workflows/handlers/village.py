"""What the village clerk records before submitting: the assembly's votes, nominees' consent."""

from __future__ import annotations

from workflows import assembly, commands
from workflows.calendar import local_date
from workflows.errors import InvalidInput
from workflows.handlers.context import Deps
from workflows.ports import UnitOfWork
from workflows.stages import Role, Stage
from workflows.text import clean_line

EDITABLE = (Stage.DRAFT, Stage.RETURNED)


def record_assembly_votes(cmd: commands.RecordAssemblyVotes, uow: UnitOfWork,
                          deps: Deps) -> int:
    if cmd.actor.role is not Role.VILLAGE:
        raise InvalidInput("村民代表会议的表决结果由村两委登记")
    if not cmd.votes:
        raise InvalidInput("表决表上没有任何被推荐对象")
    nominations = uow.nominations.get_many(cmd.votes, lock=True)
    now = deps.clock.now()
    for campaign_id in sorted({n.campaign_id for n in nominations}):
        year = uow.campaigns.get(campaign_id).year
        assembly.check_held_on(cmd.meeting.held_on, year, local_date(now))
    for nomination in nominations:
        if nomination.stage not in EDITABLE:
            raise InvalidInput(f"{nomination.display_name} 已提交，不能再改表决结果")
        kept = assembly.record(cmd.meeting, cmd.votes[nomination.id])
        nomination.record("record_assembly", cmd.actor, now,
                          f"应到 {kept['members_required']} 实到 {kept['members_present']} "
                          f"赞成 {kept['votes_for']} 反对 {kept['votes_against']} "
                          f"弃权 {kept['abstentions']}")
        nomination.assembly = kept
    uow.nominations.save_many(nominations)
    return len(nominations)


def record_consent(cmd: commands.RecordConsent, uow: UnitOfWork, deps: Deps) -> None:
    confirmed_by = clean_line(cmd.confirmed_by, "确认人姓名", 50, required=False)
    if not confirmed_by:
        raise InvalidInput("请填写确认人姓名")
    nomination = uow.nominations.get(cmd.nomination_id, lock=True)
    if nomination.stage not in EDITABLE:
        raise InvalidInput(f"{nomination.display_name} 已提交，无需再登记确认")
    nomination.record("record_consent", cmd.actor, deps.clock.now(),
                      f"{confirmed_by} 于 {cmd.confirmed_on} 确认同意被推荐")
    nomination.consent = {"confirmed_by": confirmed_by,
                          "confirmed_on": cmd.confirmed_on.isoformat()}
    uow.nominations.save(nomination)
