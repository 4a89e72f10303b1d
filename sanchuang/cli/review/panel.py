"""``sanchuang review`` commands for department vetting and the panel."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sanchuang.accounts import SECRETARIAT
from sanchuang.bootstrap import bootstrap
from sanchuang.cli.refusals import refusals
from sanchuang.cli.review import display as rv
from sanchuang.cli.review.common import (
    CampaignOption,
    IdArgument,
    IdsArgument,
    ProgrammeOption,
    _handle,
    _ids,
    panel_app,
    review_app,
    vetting_app,
)
from sanchuang.cli.review.sheet import ScoreSheet, check_allowed, read_sheet
from sanchuang.documents.paper import programme_key
from workflows import commands as c
from workflows.errors import InvalidInput


@vetting_app.command("clear")
@refusals
def vetting_clear(ids: IdsArgument, department: Annotated[str, typer.Option(help="答复部门")],
                  note: Annotated[str, typer.Option(help="答复内容")] = "经审查，无不良记录",
                  campaign: CampaignOption = None) -> None:
    """某部门答复“无不良记录”，可一次录入多件。"""
    system = bootstrap()
    _, found = _ids(system, campaign, ids)
    _handle(system, c.ClearVettingList(department, tuple(found), SECRETARIAT, note),
            f"录入 {department} 的答复")
    typer.echo(f"{department}：{len(found)} 件无不良记录")


@vetting_app.command("veto")
@refusals
def vetting_veto(nomination: IdArgument, department: Annotated[str, typer.Option(help="答复部门")],
                 note: Annotated[str, typer.Option(help="否决事由（如违法记录）")],
                 campaign: CampaignOption = None) -> None:
    """某部门报告不良记录：一票否决，申报取消资格。"""
    system = bootstrap()
    _, (found,) = _ids(system, campaign, [nomination])
    with system.store.uow() as uow:
        requests = uow.vetting.for_nominations([found])[found]
    request = next((r for r in requests if r.department == department), None)
    if request is None:
        asked = "、".join(r.department for r in requests) or "尚未发出（请确认 worker 在运行）"
        raise InvalidInput(f"没有就该申报向{department}发出联审请求：已发往 {asked}")
    system.bus.handle(c.AnswerVetting(request.id, SECRETARIAT, "veto", note))
    typer.echo(f"{department} 一票否决：{found[:6]}")


@panel_app.command("assign")
@refusals
def panel_assign(
    reviewers: Annotated[list[str], typer.Argument(metavar="REVIEWER...", help="评委账号 id")],
    programme: ProgrammeOption, campaign: CampaignOption = None,
) -> None:
    """为某项目指定评审委员。"""
    system = bootstrap()
    campaign_id = rv.campaign_id(system.store, campaign)
    added = system.bus.handle(c.AssignReviewers(campaign_id, programme_key(programme),
                                                tuple(reviewers), SECRETARIAT))
    typer.echo(f"新增评委 {added} 位")


@review_app.command("recuse")
@refusals
def recuse(nomination: IdArgument, reviewer: Annotated[str, typer.Option(help="评委账号 id")],
           reason: Annotated[str, typer.Option(help="回避理由")],
           campaign: CampaignOption = None) -> None:
    """评委申请回避某件申报。"""
    system = bootstrap()
    _, (found,) = _ids(system, campaign, [nomination])
    system.bus.handle(c.DeclareConflict(found, rv.reviewer(system.store, reviewer), reason))
    typer.echo(f"已登记回避：{reviewer} 不评 {found[:6]}")


@review_app.command("score")
@refusals
def score(
    nomination: Annotated[str | None, typer.Argument(metavar="[ID]", help="申报编号")] = None,
    reviewer: Annotated[str, typer.Option(help="评委账号 id")] = "",
    marks: Annotated[str | None, typer.Option(help="逐项分数：key=value,key=value")] = None,
    sheet: Annotated[Path | None, typer.Option(help="纸质打分表录入的 CSV：code,评分项…")] = None,
    campaign: CampaignOption = None,
) -> None:
    """录入评委打分：单件用 ID --marks，整张打分表用 --sheet（全部录入或全部不录）。"""
    if (marks is None) == (sheet is None) or (marks is not None) != (nomination is not None):
        raise InvalidInput("请二选一：ID --marks key=value,… 或 --sheet 打分表.csv")
    system = bootstrap()
    actor = rv.reviewer(system.store, reviewer)
    if sheet:
        entered = read_sheet(sheet)
    else:
        entered = ScoreSheet({str(nomination): rv.parse_marks(str(marks))}, {str(nomination): 0})
    campaign_id, found = _ids(system, campaign, list(entered.marks))
    if sheet:
        check_allowed(system.store, campaign_id, entered, dict(zip(entered.marks, found,
                                                                   strict=True)))
    by_id = dict(zip(found, entered.marks.values(), strict=True))
    _handle(system, c.RecordReviews(actor, by_id), f"录入 {len(by_id)} 件的分数")
    typer.echo(f"已录入{actor.name or actor.id}的打分 {len(by_id)} 件")


@review_app.command("outside-scores")
@refusals
def outside_scores(
    nomination: Annotated[str, typer.Argument(help="申报编号")],
    scores: Annotated[str, typer.Option(
        help="如 representatives=82,public=90（代表评议、群众测评）")],
    campaign: CampaignOption = None,
) -> None:
    """录入评审委员会以外的分数（按评分细则的权重计入总分）。"""
    system = bootstrap()
    campaign_id = rv.campaign_id(system.store, campaign)
    (nomination_id,) = rv.resolve(system.store, campaign_id, [nomination])
    system.bus.handle(c.RecordOutsideScores(nomination_id, SECRETARIAT, rv.parse_marks(scores)))
    typer.echo("已录入")


@review_app.command("rank")
@refusals
def rank(programme: ProgrammeOption, campaign: CampaignOption = None) -> None:
    """按名额对通过评审的申报排名。"""
    system = bootstrap()
    campaign_id = rv.campaign_id(system.store, campaign)
    placed = system.bus.handle(c.RankPanel(campaign_id, programme_key(programme), SECRETARIAT))
    for place in placed:
        scores = (f"  原始分 {place.raw:g}  标准化分 {place.normalised:g}"
                  if place.raw is not None else "")
        typer.echo(f"第 {place.rank} 名  {place.nomination_id[:8]}  {place.quota_status}"
                   f"{scores}{('  ' + place.warning) if place.warning else ''}")
    typer.echo(f"已排名 {len(placed)} 件")

