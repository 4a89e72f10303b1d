"""``sanchuang review …``: the whole review from the command line, without the web pages.
Ids are full ids or the codes ``review list`` prints; every refusal prints ``未执行：…`` and
exits with status 2, having changed nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from sanchuang.accounts import APPROVER, SECRETARIAT
from sanchuang.bootstrap import bootstrap
from sanchuang.cli.refusals import refusals
from sanchuang.cli.review import display as rv
from sanchuang.cli.review import (
    launch,  # noqa: F401  (registers review campaign launch-notice)
    panel,  # noqa: F401  (registers the vetting and panel commands)
    title_rating,  # noqa: F401  (registers review title …)
)
from sanchuang.cli.review.common import (
    CampaignOption,
    IdsArgument,
    _handle,
    _ids,
    campaign_app,
    console,
    review_app,
)
from sanchuang.policy.campaigns import check_public_details, new_campaign
from sanchuang.policy.rubric_files import load_policy
from workflows import commands as c
from workflows.campaign import Contact
from workflows.errors import InvalidInput
from workflows.stages import Stage


@campaign_app.command("create")
@refusals
def campaign_create(
    rubric: Annotated[Path, typer.Option(help="评选方案文件（YAML，见 sanchuang rubric samples）")],
    year: Annotated[int, typer.Option(help="评选年度")],
    name: Annotated[str | None, typer.Option(help="活动名称")] = None,
    township: Annotated[str | None, typer.Option(help="乡镇代码（花名册中只有一个乡镇时可省略）")
                        ] = None,
    basis: Annotated[str, typer.Option(help="启动通知的文号，如 新坪发〔2026〕3号")] = "",
    phone: Annotated[str, typer.Option(help="文明办联系电话")] = "",
    email: Annotated[str, typer.Option(help="文明办电子邮箱")] = "",
    address: Annotated[str, typer.Option(help="来信来访地址")] = "",
) -> None:
    """按评选方案文件创建一次评选活动，打印活动 id。"""
    policy, system = load_policy(rubric), bootstrap()
    campaign = new_campaign(system.store, year, policy, lambda text: typer.echo(text, err=True),
                            name=name, township=township, basis=basis.strip(),
                            contact=Contact(phone.strip(), email.strip(), address.strip()))
    check_public_details(campaign, options=True)
    typer.echo(system.bus.handle(c.CreateCampaign(campaign, SECRETARIAT)))


@review_app.command("list")
@refusals
def list_nominations(
    campaign: CampaignOption = None,
    stage: Annotated[str | None, typer.Option(help="只列此阶段，如 preliminary_review")] = None,
    programme: Annotated[str | None, typer.Option(help="只列此项目")] = None,
    as_: Annotated[str | None, typer.Option(
        "--as", help="以此账号查看（盲评时评委看不到评审中申报的姓名和村）")] = None,
) -> None:
    """列出申报：编号、申报对象、村（居）、项目、阶段、得分/星级。"""
    store = bootstrap().store
    campaign_id = rv.campaign_id(store, campaign)
    rows = rv.nomination_rows(store, campaign_id, stage, programme)
    villages = rv.village_names(store, campaign_id)
    if as_:
        rows, villages = rv.as_seen_by(store, campaign_id, as_, rows, villages)
    rv.print_list(rows, villages, console)


@review_app.command("accept")
@refusals
def accept(ids: IdsArgument, campaign: CampaignOption = None) -> None:
    """初审通过（镇文明办），进入评审；整批全部通过或全部不变。"""
    system = bootstrap()
    _, found = _ids(system, campaign, ids)
    _handle(system, c.AcceptNominations(tuple(found), SECRETARIAT), f"受理 {len(found)} 件")
    typer.echo(f"初审通过 {len(found)} 件，进入评审")


@review_app.command("return")
@refusals
def return_(ids: IdsArgument, reason: Annotated[str, typer.Option(help="退回理由")],
            campaign: CampaignOption = None) -> None:
    """退回村里补充材料（镇文明办）。"""
    _each(ids, campaign, lambda n: c.ReturnForRevision(n, SECRETARIAT, reason), "退回补充材料")


@review_app.command("reject")
@refusals
def reject(ids: IdsArgument, reason: Annotated[str, typer.Option(help="不予通过的理由")],
           campaign: CampaignOption = None) -> None:
    """初审不予通过（镇文明办）。"""
    _each(ids, campaign, lambda n: c.RejectNomination(n, SECRETARIAT, reason), "不予通过")


def _each(ids: list[str], campaign: str | None, make: Callable[[str], c.Command],
          what: str) -> None:
    if len(ids) != 1:
        raise InvalidInput(f"{what}一次只处理一件，以便逐件写明理由")
    system = bootstrap()
    _, found = _ids(system, campaign, ids)
    system.bus.handle(make(found[0]))
    typer.echo(f"已{what}：{found[0][:6]}")


@review_app.command("approve")
@refusals
def approve(
    campaign: CampaignOption = None,
    except_: Annotated[list[str] | None, typer.Option(
        "--except", help="不予审定的申报编号，可重复，每个配一个 --reason")] = None,
    reason: Annotated[list[str] | None, typer.Option(help="不予审定的理由，与 --except 一一对应")
                      ] = None,
) -> None:
    """镇党委审定：待审定名单中除 --except 外全部进入公示，--except 的逐件不予通过。"""
    system = bootstrap()
    campaign_id = rv.campaign_id(system.store, campaign)
    waiting = [r["id"] for r in rv.nomination_rows(system.store, campaign_id,
                                                     Stage.FINAL_APPROVAL.value)]
    excluded = rv.approval_exceptions(system.store, campaign_id, except_ or [], reason or [],
                                      waiting)
    opened = tuple(n for n in waiting if n not in excluded)
    _handle(system, c.OpenPublicity(campaign_id, opened, APPROVER, exceptions=excluded),
            "审定并开始公示")
    typer.echo(f"审定通过 {len(opened)} 件，进入公示；不予审定 {len(excluded)} 件")

