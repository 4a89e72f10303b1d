"""Set-based moves over lists: open and close publicity, objections, publish commendation."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from workflows import commands, events
from workflows.audit import first_entry
from workflows.calendar import local_date
from workflows.campaign import Campaign
from workflows.eligibility import plaque_from
from workflows.errors import Forbidden, InvalidInput
from workflows.handlers.context import Deps
from workflows.handlers.ranking import refuse_past_ceiling
from workflows.nomination import SYSTEM, Nomination, new_id
from workflows.objections import CHANNELS, ObjectionCase, complainant
from workflows.policy import SUBJECT_KINDS
from workflows.ports import PanelUnitOfWork, UnitOfWork
from workflows.publicity import PublishedList, content_hash, plan_window, public_entry, sort_entries
from workflows.stages import Action, Role, Stage
from workflows.text import clean_line


def snapshot(uow: UnitOfWork, campaign_id: str, kind: str, nominations: Sequence[Nomination],
             meta: dict, deps: Deps) -> PublishedList:
    villages = uow.directory.village_names({n.village_id for n in nominations})
    persons = {key: subject.members[0] for key, subject in uow.directory.subjects(
        [("person", n.subject_id) for n in nominations
         if SUBJECT_KINDS[n.programme] == "person"]).items() if subject.members}
    on = local_date(deps.clock.now())
    entries = sort_entries([public_entry(n, villages[n.village_id], persons.get(n.subject_id),
                                         on) for n in nominations])
    doc = PublishedList(
        id=new_id(), campaign_id=campaign_id, kind=kind,
        version=uow.documents.next_version(campaign_id, kind), entries=entries,
        content_hash=content_hash(entries, meta), created_at=deps.clock.now(), meta=meta,
    )
    uow.documents.add(doc)
    return doc


def open_publicity(cmd: commands.OpenPublicity, uow: PanelUnitOfWork, deps: Deps) -> str:
    if not cmd.nomination_ids:
        raise InvalidInput("公示名单为空：请至少选择一项待审定的申报")
    campaign = uow.campaigns.get(cmd.campaign_id)
    # Both lists are locked in one statement (in id order) before either is changed.
    uow.nominations.get_many([*cmd.nomination_ids, *cmd.exceptions], lock=True)
    nominations = uow.nominations.get_many(cmd.nomination_ids, lock=True)
    now = deps.clock.now()
    starts_on = cmd.starts_on or local_date(now)
    window_id = new_id()
    for nomination in nominations:
        if nomination.campaign_id != campaign.id:
            raise InvalidInput(f"{nomination.display_name} 不属于本次评选")
        nomination.take(Action.OPEN_PUBLICITY, cmd.actor, now)
        nomination.window_id = window_id
    refuse_past_ceiling(uow, nominations)
    reject_exceptions(cmd, uow, now)
    round_ = uow.windows.count(campaign.id) + 1
    doc = snapshot(uow, campaign.id, "publicity_notice", nominations,
                   {"round": round_, "starts_on": starts_on.isoformat()}, deps)
    window = plan_window(campaign, starts_on, window_id, doc.id, round_)
    uow.windows.add(window)
    uow.nominations.save_many(nominations)
    uow.emit(events.PublicityOpened(window.id, campaign.id))
    return window.id


def reject_exceptions(cmd: commands.OpenPublicity, uow: UnitOfWork, now: datetime) -> None:
    """The nominations the committee did not approve, each with its reason, logged."""
    overlap = set(cmd.exceptions) & set(cmd.nomination_ids)
    if overlap:
        raise InvalidInput("同一申报不能既审定通过又不予审定")
    excepted = uow.nominations.get_many(cmd.exceptions, lock=True)
    for nomination in excepted:
        nomination.take(Action.REJECT, cmd.actor, now, cmd.exceptions[nomination.id])
    uow.nominations.save_many(excepted)


def close_due_publicity(cmd: commands.CloseDuePublicity, uow: UnitOfWork, deps: Deps) -> int:
    """Close each due window; nominees with an open objection stay held in publicity."""
    now, closed = deps.clock.now(), 0
    for window in uow.windows.due(now):
        held = uow.objections.open_nomination_ids(window.id)
        nominations = [n for n in uow.nominations.in_window(window.id, lock=True)
                       if n.stage is Stage.PUBLICITY and n.id not in held]
        for nomination in nominations:
            nomination.take(Action.CLOSE_PUBLICITY, SYSTEM, now)
        uow.nominations.save_many(nominations)
        window.closed_at = now
        uow.windows.save(window)
        uow.emit(events.PublicityClosed(window.id))
        closed += 1
    return closed


def file_objection(cmd: commands.FileObjection, uow: UnitOfWork, deps: Deps) -> str:
    name, contact, content = complainant(cmd.complainant_name, cmd.complainant_contact,
                                         cmd.content)
    if cmd.channel not in CHANNELS:
        raise InvalidInput(f"未知的受理渠道 {cmd.channel}")
    nomination = uow.nominations.get(cmd.nomination_id)
    window = uow.windows.get(nomination.window_id) if nomination.window_id else None
    now = deps.clock.now()
    if window is None or nomination.stage not in (Stage.PUBLICITY, Stage.APPROVED):
        raise InvalidInput(f"{nomination.display_name} 不在公示期内，不能提出异议")
    if not window.accepts_objections(now):
        raise InvalidInput(f"{nomination.display_name} 的异议受理期已结束")
    case = ObjectionCase(cmd.objection_id, nomination.id, window.id, name, contact, content,
                         cmd.channel, now)
    entry = first_entry(case.id, actor_id="public", role="public", action="file_objection",
                        target="received", at=now)
    case.audit_head = entry.hash
    uow.objections.add(case)
    uow.record([entry])
    uow.emit(events.ObjectionFiled(case.id, nomination.id))
    return case.id


def resolve_objection(cmd: commands.ResolveObjection, uow: UnitOfWork, deps: Deps) -> None:
    """The outcome and its effect are one decision, taken in one transaction: upheld
    disqualifies the nominee; otherwise a nominee held past its window is released."""
    if cmd.actor.role is not Role.SECRETARIAT:
        raise Forbidden("异议由镇文明办组织调查并作出处理结论")
    case = uow.objections.get(cmd.objection_id, lock=True)
    nomination = uow.nominations.get(case.nomination_id, lock=True)
    now = deps.clock.now()
    case.resolve(cmd.outcome, cmd.findings, cmd.actor, now, cmd.reply)
    uow.objections.save(case)
    if cmd.outcome == "upheld":
        if nomination.stage in (Stage.PUBLICITY, Stage.APPROVED):
            nomination.take(Action.DISQUALIFY, cmd.actor, now, f"异议成立：{case.findings}")
            uow.nominations.save(nomination)
        return
    window = uow.windows.get(nomination.window_id)
    held = uow.objections.open_nomination_ids(window.id)
    if nomination.stage is Stage.PUBLICITY and window.closed_at and nomination.id not in held:
        nomination.take(Action.CLOSE_PUBLICITY, SYSTEM, now)
        uow.nominations.save(nomination)


def record_titles(uow: UnitOfWork, year: int, nominations: Sequence[Nomination],
                  on: date) -> None:
    """Put the honourees on the honour roll; a household with a member in prison gets its
    plaque from the year after release."""
    subjects = uow.directory.subjects([(SUBJECT_KINDS[n.programme], n.subject_id)
                                       for n in nominations])
    uow.titles.add_many([
        {"nomination_id": n.id, "subject_id": n.subject_id, "programme": n.programme.value,
         "star_level": n.star_level, "year": year, "status": "active", "awarded_on": on,
         "plaque_from": plaque_from(subjects[n.subject_id].members)}
        for n in nominations])


def refuse_used_number(uow: UnitOfWork, campaign: Campaign, number: str) -> None:
    """A document number (文号) is unique in a township's year; this campaign's own decision
    may be re-issued under its number, but not under its launch notice's."""
    taken = uow.documents.numbers_in_year(campaign.township_id, campaign.year, campaign.id)
    if number in taken or number == campaign.basis:
        raise InvalidInput(f"文号“{number}”已被本镇{campaign.year}年的其他文件使用，"
                           "请换一个文号")


def publish_commendation(cmd: commands.PublishCommendation, uow: UnitOfWork, deps: Deps) -> str:
    number = clean_line(cmd.decision_number, "表彰决定文号", 50)
    campaign = uow.campaigns.get(cmd.campaign_id)
    refuse_used_number(uow, campaign, number)
    now = deps.clock.now()
    waiting = uow.objections.open_count(campaign.id)
    if waiting:
        raise InvalidInput(f"还有 {waiting} 件异议未办结，表彰须待异议处理完毕")
    if uow.windows.open_or_accepting(campaign.id, now):
        raise InvalidInput("公示期或异议受理期尚未结束，暂不能发布表彰决定")
    nominations = uow.nominations.in_stage(campaign.id, Stage.APPROVED, lock=True)
    if not nominations:
        raise InvalidInput("没有公示通过的申报，无可表彰")
    for nomination in nominations:
        nomination.take(Action.COMMEND, cmd.actor, now)
    record_titles(uow, campaign.year, nominations, local_date(now))
    doc = snapshot(uow, campaign.id, "commendation_decision", nominations,
                   {"number": number, "issued_on": local_date(now).isoformat()}, deps)
    uow.nominations.save_many(nominations)
    uow.emit(events.CommendationPublished(doc.id, campaign.id))
    return doc.id
