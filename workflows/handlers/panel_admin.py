"""Running the panel: reviewer profiles, assignment, and recusals (declared by a reviewer or
flagged automatically from the roster). Ranking and category moves: handlers/ranking.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from workflows import commands, events
from workflows.audit import AuditEntry, first_entry
from workflows.errors import Forbidden, InvalidInput, NotFound
from workflows.handlers.context import Deps, nomination_ids
from workflows.handlers.panel import Panels
from workflows.nomination import SYSTEM, Actor, Nomination, new_id
from workflows.panel import (
    AUTOMATIC,
    DECLARED,
    PanelSeat,
    Recusal,
    ReviewerProfile,
    conflict,
    panel_policy,
)
from workflows.policy import CampaignPolicy, ProgrammePolicy
from workflows.ports import PanelUnitOfWork, StoredEvent
from workflows.stages import Role, Stage
from workflows.text import clean_text


def set_reviewer_profile(cmd: commands.SetReviewerProfile, uow: PanelUnitOfWork,
                         deps: Deps) -> None:
    check_secretariat(cmd.actor)
    _reviewer_accounts(uow, [cmd.account_id])
    wanted = [p for p in (cmd.person_id, *cmd.kin_person_ids) if p]
    persons = uow.panel.persons(wanted)
    missing = [p for p in wanted if p not in persons]
    if missing:
        raise NotFound(f"花名册中找不到人员：{', '.join(missing)}")
    household, village = persons[cmd.person_id] if cmd.person_id else (None, None)
    kin = tuple(dict.fromkeys(cmd.kin_person_ids))
    profile = ReviewerProfile(cmd.account_id, cmd.person_id, household,
                              cmd.village_id or village, kin,
                              tuple(sorted({h for h, _ in (persons[k] for k in kin) if h})))
    uow.panel.save_profile(profile)
    uow.record([_entry(new_id(), cmd.actor, "set_reviewer_profile", cmd.account_id,
                       f"本人 {cmd.person_id or '未登记'}，亲属 {len(kin)} 人", deps.clock.now())])


def assign_reviewers(cmd: commands.AssignReviewers, uow: PanelUnitOfWork, deps: Deps) -> int:
    """Add reviewers to a programme's panel; flags their conflicts with nominees already in
    panel review. Assigning someone already on the panel again only re-checks conflicts."""
    check_secretariat(cmd.actor)
    campaign = uow.campaigns.get(cmd.campaign_id)
    programme = programme_policy(campaign.policy, cmd.programme).programme
    if not cmd.reviewer_ids:
        raise InvalidInput("请至少选择一名评审委员")
    _reviewer_accounts(uow, cmd.reviewer_ids)
    have, now = set(uow.panel.members(campaign.id, programme.value)), deps.clock.now()
    seats = [PanelSeat(new_id(), campaign.id, programme.value, r, cmd.actor.id, now)
             for r in dict.fromkeys(cmd.reviewer_ids) if r not in have]
    uow.panel.add_members(seats)
    uow.record([_entry(s.id, cmd.actor, "assign_reviewer", s.reviewer_id,
                       f"{campaign.name} {programme.value}", now) for s in seats])
    waiting = [n for n in uow.nominations.in_stage(campaign.id, Stage.PANEL_REVIEW)
               if n.programme is programme]
    flag_conflicts(uow, waiting, [*have, *(s.reviewer_id for s in seats)], now)
    uow.emit(events.ReviewersAssigned(campaign.id, programme.value,
                                      tuple(s.reviewer_id for s in seats)))
    return len(seats)


def flag_on_accept(group: list[StoredEvent[events.StageChanged]], uow: PanelUnitOfWork,
                   deps: Deps) -> None:
    """NominationAccepted: flag the panel's conflicts with the nominees just accepted."""
    ids = nomination_ids(group)
    accepted = [n for n in uow.nominations.get_many(ids) if n.stage is Stage.PANEL_REVIEW]
    panels = Panels(uow)
    for nomination in accepted:
        members = panels.members(nomination)
        flag_conflicts(uow, [nomination], None if members is None else sorted(members),
                       deps.clock.now())


def flag_conflicts(uow: PanelUnitOfWork, nominations: Sequence[Nomination],
                   reviewer_ids: Sequence[str] | None, now: datetime) -> list[Recusal]:
    """Record an automatic recusal, logged in the audit, for each reviewer the roster ties to
    a nominee (``reviewer_ids`` None: every reviewer with a profile)."""
    profiles = uow.panel.profiles(reviewer_ids)
    if not profiles or not nominations:
        return []
    ties, recused = uow.panel.ties(nominations), uow.panel.recusals([n.id for n in nominations])
    flags = []
    for nomination in nominations:
        same_village = panel_policy(uow.campaigns.get(nomination.campaign_id).policy)
        for reviewer_id, profile in sorted(profiles.items()):
            reason = conflict(profile, ties[nomination.id], nomination.programme,
                              same_village.recuse_same_village)
            if reason and reviewer_id not in recused[nomination.id]:
                flags.append(Recusal(new_id(), nomination.id, reviewer_id, reason, AUTOMATIC,
                                     now))
    _add_recusals(uow, flags, SYSTEM, "flag_conflict")
    return flags


def declare_conflict(cmd: commands.DeclareConflict, uow: PanelUnitOfWork, deps: Deps) -> str:
    """A reviewer steps aside; refused once they have scored, or outside panel review."""
    reviewer = cmd.reviewer
    if reviewer.role is not Role.REVIEWER:
        raise Forbidden("只有评审委员可以申请回避")
    reason = clean_text(cmd.reason, "回避理由", 500, required=False)
    if not reason:
        raise InvalidInput("申请回避必须写明理由（如亲属关系、同户、利害关系）")
    nomination = uow.nominations.get(cmd.nomination_id, lock=True)
    name = reviewer.name or reviewer.id
    if nomination.stage is not Stage.PANEL_REVIEW:
        raise InvalidInput(f"{nomination.display_name} 不在评审阶段，无需回避")
    members = Panels(uow).members(nomination)
    if members is not None and reviewer.id not in members:
        raise Forbidden(f"{name} 不是该项目评审组成员，无需回避")
    if uow.reviews.scored_by(reviewer.id, [nomination.id]):
        raise InvalidInput(f"评审委员 {name} 已为{nomination.display_name}打分，"
                           "已打分后不能回避")
    if reviewer.id in uow.panel.recusals([nomination.id])[nomination.id]:
        raise InvalidInput(f"评审委员 {name} 已登记回避{nomination.display_name}的评审")
    recusal = Recusal(new_id(), nomination.id, reviewer.id, reason, DECLARED,
                      deps.clock.now())
    _add_recusals(uow, [recusal], reviewer, "recuse")
    return recusal.id


def _add_recusals(uow: PanelUnitOfWork, recusals: list[Recusal], actor: Actor,
                  action: str) -> None:
    uow.panel.add_recusals(recusals)
    uow.record([_entry(r.id, actor, action, r.nomination_id, f"{r.reviewer_id}：{r.reason}",
                       r.at) for r in recusals])
    uow.emit(*(events.ReviewerRecused(r.nomination_id, r.reviewer_id, r.kind, r.reason)
               for r in recusals))


def _reviewer_accounts(uow: PanelUnitOfWork, ids: Sequence[str]) -> None:
    accounts = uow.panel.accounts(ids)
    missing = [i for i in dict.fromkeys(ids) if i not in accounts]
    if missing:
        raise NotFound(f"找不到评审委员账号：{', '.join(missing)}")
    others = [a.name or a.id for a in accounts.values() if a.role != Role.REVIEWER.value]
    if others:
        raise InvalidInput(f"{'、'.join(others)} 不是评审委员账号，不能列入评审组")


def _entry(subject_id: str, actor: Actor, action: str, target: str, reason: str,
           at: datetime) -> AuditEntry:
    return first_entry(subject_id, actor_id=actor.id, role=actor.role.value, action=action,
                       target=target, reason=reason, at=at)


def programme_policy(policy: CampaignPolicy, name: str) -> ProgrammePolicy:
    try:
        return policy.programme(name)
    except KeyError:
        raise InvalidInput(f"本次评选未设置评选项目“{name}”") from None


def check_secretariat(actor: Actor) -> None:
    if actor.role is not Role.SECRETARIAT:
        raise Forbidden("此项操作由镇文明办办理")

