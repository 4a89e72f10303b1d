"""Objections the 文明办 records from letters, calls, visits and e-mails, and the
investigator it assigns; the outcome is taken in handlers/publicity.resolve_objection."""

from __future__ import annotations

from workflows import commands, events
from workflows.audit import first_entry
from workflows.errors import Forbidden, InvalidInput
from workflows.handlers.context import Deps
from workflows.nomination import Actor
from workflows.objections import STAFF_CHANNELS, ObjectionCase, complainant
from workflows.ports import UnitOfWork
from workflows.stages import Role, Stage

#: A late objection may still concern a nominee already commended (it is kept on file).
RECORDABLE_STAGES = (Stage.PUBLICITY, Stage.APPROVED, Stage.COMMENDED)


def check_secretariat(actor: Actor) -> None:
    if actor.role is not Role.SECRETARIAT:
        raise Forbidden("异议由镇文明办登记、组织调查并作出处理结论")


def record_objection(cmd: commands.RecordObjection, uow: UnitOfWork, deps: Deps) -> str:
    check_secretariat(cmd.actor)
    name, contact, content = complainant(cmd.complainant_name, cmd.complainant_contact,
                                         cmd.content)
    if cmd.channel not in STAFF_CHANNELS:
        raise InvalidInput("请选择受理渠道：来信、来电、来访或电子邮件")
    nomination = uow.nominations.get(cmd.nomination_id)
    window = uow.windows.get(nomination.window_id) if nomination.window_id else None
    now = deps.clock.now()
    if window is None or nomination.stage not in RECORDABLE_STAGES:
        raise InvalidInput(f"{nomination.display_name} 未经公示或已不在评选中，不能登记异议")
    if cmd.received_at > now:
        raise InvalidInput("收到时间不能晚于现在")
    if cmd.received_at < window.opens_at:
        raise InvalidInput(f"收到时间早于 {nomination.display_name} 的公示开始时间")
    late = cmd.received_at >= window.objection_deadline
    case = ObjectionCase(cmd.objection_id, nomination.id, window.id, name, contact, content,
                         cmd.channel, cmd.received_at, late=late)
    entry = first_entry(case.id, actor_id=cmd.actor.id, role=cmd.actor.role.value,
                        action="file_objection", target="received", at=now,
                        reason=f"{cmd.channel}{'（逾期）' if late else ''}")
    case.audit_head = entry.hash
    uow.objections.add(case)
    uow.record([entry])
    uow.emit(events.ObjectionFiled(case.id, nomination.id))
    return case.id


def assign_investigator(cmd: commands.AssignInvestigator, uow: UnitOfWork, deps: Deps) -> None:
    check_secretariat(cmd.actor)
    case = uow.objections.get(cmd.objection_id, lock=True)
    case.assign(cmd.investigator, cmd.actor, deps.clock.now())
    uow.objections.save(case)
