"""Department vetting: requests opened when a nomination is accepted, answers recorded by the
secretariat or by the department itself; a veto disqualifies, the last "no adverse record"
lets the panel conclude."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from workflows import commands, events
from workflows.audit import AuditEntry, first_entry
from workflows.errors import Forbidden, InvalidInput, NotFound
from workflows.handlers.context import Deps, nomination_ids
from workflows.nomination import SYSTEM, Actor, Nomination, new_id
from workflows.ports import StoredEvent, VettingUnitOfWork
from workflows.stages import STAGE_TABLE, TERMINAL, Action, Role, Stage
from workflows.vetting import (
    CLEAR,
    VETO,
    VettingRequest,
    cleared,
    new_requests,
    veto_reason,
    vetting_policy,
)


def open_vetting(group: list[StoredEvent[events.StageChanged]], uow: VettingUnitOfWork,
                 deps: Deps) -> None:
    """NominationAccepted: one request per configured department, never two."""
    ids = nomination_ids(group)
    accepted = [n for n in uow.nominations.get_many(ids, lock=True)
                if n.stage is Stage.PANEL_REVIEW]
    _open(uow, accepted, deps.clock.now())


def _open(uow: VettingUnitOfWork, nominations: Sequence[Nomination], now: datetime) -> None:
    """The requests still missing for these nominations (the caller holds their locks)."""
    have = uow.vetting.for_nominations([n.id for n in nominations])
    created: list[VettingRequest] = []
    for nomination in nominations:
        campaign = uow.campaigns.get(nomination.campaign_id)
        asked = [r.department for r in have[nomination.id]]
        created += new_requests(nomination.id, campaign.id, asked,
                                vetting_policy(campaign.policy), campaign.calendar, now, new_id)
    uow.vetting.add_many(created)
    uow.emit(*(events.VettingRequested(r.id, r.nomination_id, r.department, r.due_at.isoformat())
               for r in created))


def answer_vetting(cmd: commands.AnswerVetting, uow: VettingUnitOfWork, deps: Deps) -> None:
    asked = uow.vetting.get(cmd.request_id)
    _check_answerer(cmd.actor, asked.department)
    nomination_id = asked.nomination_id
    nomination = uow.nominations.get(nomination_id, lock=True)  # one answer at a time
    request = uow.vetting.get(cmd.request_id, lock=True)
    now = deps.clock.now()
    request.answer(cmd.outcome, cmd.note, cmd.actor.id, now)
    _answered(uow, [nomination], [request], cmd.actor, now)


def clear_vetting_list(cmd: commands.ClearVettingList, uow: VettingUnitOfWork,
                       deps: Deps) -> int:
    """A department's written reply "no adverse record" for a whole list, all-or-nothing.
    A reply may be entered before a worker has opened the requests: they are opened here."""
    _check_secretariat(cmd.actor)
    if not cmd.nomination_ids:
        raise InvalidInput("没有选择任何申报")
    nominations, now = uow.nominations.get_many(cmd.nomination_ids, lock=True), deps.clock.now()
    _open(uow, [n for n in nominations if n.stage is Stage.PANEL_REVIEW], now)
    asked = uow.vetting.for_nominations([n.id for n in nominations])
    answered = []
    for nomination in nominations:
        request = next((r for r in asked[nomination.id] if r.department == cmd.department),
                       None)
        if request is None:
            raise NotFound(f"没有就{nomination.display_name}向{cmd.department}发出联审请求")
        request.answer(CLEAR, cmd.note, cmd.actor.id, now)
        answered.append(request)
    _answered(uow, nominations, answered, cmd.actor, now)
    return len(nominations)


def overdue_vetting(uow: VettingUnitOfWork, now: datetime) -> list[VettingRequest]:
    """Requests unanswered past their due date, for nominations still in the running."""
    return list(uow.vetting.overdue(now))


def _answered(uow: VettingUnitOfWork, nominations: Sequence[Nomination],
              answered: list[VettingRequest], actor: Actor, now: datetime) -> None:
    """Store the answers; a veto disqualifies now, the last clear answer lets the panel
    conclude."""
    uow.vetting.save(answered)
    uow.record([_entry(r, actor, now) for r in answered])
    uow.emit(*(events.VettingAnswered(r.id, r.nomination_id, r.department, r.outcome)
               for r in answered))
    by_id, vetoed = {n.id: n for n in nominations}, {}
    # A department's veto is its recorded answer; the disqualification it calls for is then
    # the system's move (the stage table lets no department move a nomination).
    mover = actor if actor.role is Role.SECRETARIAT else SYSTEM
    for request in (r for r in answered if r.outcome == VETO):
        nomination = by_id[request.nomination_id]
        if _can_veto(nomination, mover) and nomination.id not in vetoed:
            nomination.take(Action.VETO, mover, now, veto_reason(request))
            vetoed[nomination.id] = nomination
    uow.nominations.save_many(list(vetoed.values()))
    waiting = [n for n in nominations if n.stage is Stage.PANEL_REVIEW]
    requests = uow.vetting.for_nominations([n.id for n in waiting])
    uow.emit(*(events.VettingCleared(n.id) for n in waiting
               if vetting_cleared(uow, n, requests[n.id])))


def vetting_cleared(uow: VettingUnitOfWork, nomination: Nomination,
                    requests: Sequence[VettingRequest] | None = None) -> bool:
    """Every department the campaign names has answered clear for this nomination."""
    departments = vetting_policy(uow.campaigns.get(nomination.campaign_id).policy).departments
    if requests is None:
        requests = uow.vetting.for_nominations([nomination.id])[nomination.id]
    return cleared(requests, departments)


def _can_veto(nomination: Nomination, mover: Actor) -> bool:
    """A veto on a nomination already out of the running is kept on record only."""
    move = STAGE_TABLE.get((nomination.stage, Action.VETO))
    return nomination.stage not in TERMINAL and move is not None and mover.role in move.roles


def _entry(request: VettingRequest, actor: Actor, now: datetime) -> AuditEntry:
    return first_entry(request.id, actor_id=actor.id, role=actor.role.value,
                       action="answer_vetting", source="pending", target=request.outcome,
                       reason=f"{request.department}：{request.note}", at=now)


def _check_answerer(actor: Actor, department: str) -> None:
    """The secretariat enters any department's answer; a department officer only their own."""
    if actor.role is Role.DEPARTMENT:
        if not actor.department or actor.department != department:
            raise Forbidden(f"联审部门只能答复发给本部门的请求（此请求发给{department}）")
        return
    _check_secretariat(actor)


def _check_secretariat(actor: Actor) -> None:
    if actor.role is not Role.SECRETARIAT:
        raise Forbidden("联审部门的书面意见由镇文明办录入")
