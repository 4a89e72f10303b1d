"""Launching a campaign (通知): its rules are fixed from this moment on."""

from __future__ import annotations

from dataclasses import replace

from workflows import commands
from workflows.audit import first_entry
from workflows.calendar import local_date
from workflows.campaign import check_year
from workflows.errors import Forbidden, InvalidInput
from workflows.handlers.context import Deps
from workflows.policy_rules import check_policy
from workflows.ports import UnitOfWork
from workflows.stages import Role
from workflows.text import clean_line


def create_campaign(cmd: commands.CreateCampaign, uow: UnitOfWork, deps: Deps) -> str:
    if cmd.actor.role not in (Role.SECRETARIAT, Role.APPROVER):
        raise Forbidden("只有镇文明办或镇党委可以发起评选活动")
    campaign = replace(cmd.campaign, name=clean_line(cmd.campaign.name, "活动名称", 100))
    check_year(campaign.year, local_date(deps.clock.now()).year)
    check_policy(campaign.policy)
    if not campaign.policy.programmes:
        raise InvalidInput("评选活动至少要设置一个评选项目")
    if campaign.policy.publicity_days < 1:
        raise InvalidInput("公示期至少 1 天")
    if campaign.policy.publicity_day_kind not in ("calendar", "working"):
        raise InvalidInput(f"公示天数的计算方式应为 calendar（自然日）或 working（工作日），"
                           f"而不是 {campaign.policy.publicity_day_kind!r}")
    if campaign.basis and campaign.basis in uow.documents.numbers_in_year(
            campaign.township_id, campaign.year, campaign.id):
        raise InvalidInput(f"文号“{campaign.basis}”已被本镇{campaign.year}年的其他文件使用，"
                           "文号在同一乡镇同一年度内不能重复")
    uow.campaigns.add(campaign)
    uow.record([first_entry(campaign.id, actor_id=cmd.actor.id, role=cmd.actor.role.value,
                            action="create_campaign", target="open", reason=campaign.name,
                            at=deps.clock.now())])
    return campaign.id
