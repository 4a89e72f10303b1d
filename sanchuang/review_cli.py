"""``sanchuang review …``: the whole review from the command line, without the web pages.
Ids are full ids or the codes ``review list`` prints; every refusal prints ``未执行：…`` and
exits with status 2, having changed nothing."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from models.roster import roster_loaded
from sanchuang import review_views as rv
from sanchuang.bootstrap import System, bootstrap
from sanchuang.holidays import campaign_calendar
from sanchuang.paper import programme_key
from sanchuang.roster import APPROVER, SECRETARIAT
from sanchuang.rubric_files import load_policy
from sanchuang.sample import TOWNSHIP_CODE
from workflows import commands as c
from workflows.campaign import Campaign, Contact
from workflows.errors import DomainError, InvalidInput, NotFound
from workflows.nomination import new_id
from workflows.stages import Stage

review_app = typer.Typer(help="评审全过程（不用网页）：初审、联合审查、评委打分、排名、审定",
                         no_args_is_help=True)
campaign_app = typer.Typer(help="评选活动", no_args_is_help=True)
vetting_app = typer.Typer(help="联合审查：录入各部门的书面答复", no_args_is_help=True)
panel_app = typer.Typer(help="评审委员会", no_args_is_help=True)
review_app.add_typer(campaign_app, name="campaign")
review_app.add_typer(vetting_app, name="vetting")
review_app.add_typer(panel_app, name="panel")
console = Console()

CampaignOption = Annotated[str | None, typer.Option(help="评选活动 id（默认最新）")]
IdArgument = Annotated[str, typer.Argument(metavar="ID", help="申报编号（review list 的编号列）")]
IdsArgument = Annotated[list[str], typer.Argument(metavar="ID...", help="申报编号，可多个")]
ProgrammeOption = Annotated[str, typer.Option(
    help="项目：star_village / model_household / moral_exemplar（或中文名）")]
F = TypeVar("F", bound=Callable[..., Any])


def refusals(command: F) -> F:
    """A DomainError becomes ``未执行：…`` on stderr and exit status 2."""
    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DomainError as refusal:
            typer.echo(f"未执行：{refusal}（未做任何修改）", err=True)
            raise typer.Exit(2) from None
    return run  # type: ignore[return-value]


def _ids(system: System, campaign: str | None, given: list[str]) -> tuple[str, list[str]]:
    campaign_id = rv.campaign_id(system.store, campaign)
    return campaign_id, rv.resolve(system.store, campaign_id, given)


def _handle(system: System, command: c.Command, what: str) -> Any:
    with console.status(f"正在{what}…"):
        return system.bus.handle(command)


@campaign_app.command("create")
@refusals
def campaign_create(
    rubric: Annotated[Path, typer.Option(help="评选方案文件（YAML，见 sanchuang rubric samples）")],
    year: Annotated[int, typer.Option(help="评选年度")],
    name: Annotated[str | None, typer.Option(help="活动名称")] = None,
) -> None:
    """按评选方案文件创建一次评选活动，打印活动 id。"""
    policy, system = load_policy(rubric), bootstrap()
    if not roster_loaded(system.store):
        raise NotFound("还没有载入乡镇花名册和账号：先运行 sanchuang load-sample")
    calendar, warning = campaign_calendar(year)
    if warning:
        typer.echo(warning, err=True)
    campaign = Campaign(
        new_id(), TOWNSHIP_CODE, year, name or f"{year}年度“三创”评选活动", policy,
        ("中共新坪镇委员会", "新坪镇人民政府"), "", Contact(),
        tuple(sorted(calendar.holidays)), tuple(sorted(calendar.make_up_workdays)))
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
    entered = rv.read_sheet(sheet) if sheet else {str(nomination): rv.parse_marks(str(marks))}
    _, found = _ids(system, campaign, list(entered))
    by_id = dict(zip(found, entered.values(), strict=True))
    _handle(system, c.RecordReviews(actor, by_id), f"录入 {len(by_id)} 件的分数")
    typer.echo(f"已录入{actor.name or actor.id}的打分 {len(by_id)} 件")


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

