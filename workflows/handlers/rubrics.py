"""Rules are pinned: editing a rubric makes a new version, and moving nominations to it is an
explicit, audited command."""

from __future__ import annotations

from workflows import commands
from workflows.audit import first_entry
from workflows.errors import Forbidden, InvalidInput
from workflows.handlers.context import Deps
from workflows.policy_rules import check_policy
from workflows.ports import UnitOfWork
from workflows.stages import TERMINAL, Role, Stage

SETTLED = TERMINAL | {Stage.COMMENDED}


def revise_rubric(cmd: commands.ReviseRubric, uow: UnitOfWork, deps: Deps) -> int:
    if cmd.actor.role is not Role.SECRETARIAT:
        raise Forbidden("评分细则由镇文明办修订")
    campaign = uow.campaigns.get(cmd.campaign_id)
    revised = campaign.revised(cmd.programme, cmd.rubric)
    if revised is campaign:
        raise InvalidInput("修订后的评分细则与现行版本相同，无需另立新版")
    check_policy(revised.policy)
    version = revised.policy.programme(cmd.programme).rubric.version
    uow.campaigns.save(revised)
    uow.record([first_entry(f"{campaign.id[:16]}r{version}", actor_id=cmd.actor.id,
                            role=cmd.actor.role.value, action="revise_rubric",
                            source=str(version - 1), target=str(version),
                            reason=cmd.programme, at=deps.clock.now())])
    return version


def repin_nominations(cmd: commands.RepinNominations, uow: UnitOfWork, deps: Deps) -> int:
    if cmd.actor.role is not Role.SECRETARIAT:
        raise Forbidden("改用新版评分细则须由镇文明办决定")
    if not cmd.reason.strip():
        raise InvalidInput("请写明改用新版评分细则的理由")
    campaign = uow.campaigns.get(cmd.campaign_id)
    nominations = uow.nominations.get_many(cmd.nomination_ids, lock=True)
    now = deps.clock.now()
    for nomination in nominations:
        if nomination.stage in SETTLED:
            raise InvalidInput(f"{nomination.display_name} 已办结，不能改用新版评分细则")
        current = campaign.rubric(nomination.programme).version
        nomination.record("repin_rubric", cmd.actor, now,
                          f"第 {nomination.rubric_version} 版 → 第 {current} 版：{cmd.reason}")
        nomination.rubric_version = current
    uow.nominations.save_many(nominations)
    return len(nominations)
