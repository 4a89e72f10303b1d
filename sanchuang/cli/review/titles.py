"""``sanchuang review title …``: a title after the award — the revocation case (report,
verify, decide, notice), plaques, re-rating, cancellation and the county recommendation list.
Ids are the nomination codes ``review title list`` prints."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from models import title_queries as tq
from models.store import Store
from sanchuang.accounts import APPROVER, SECRETARIAT
from sanchuang.bootstrap import bootstrap
from sanchuang.cli.refusals import refusals
from sanchuang.cli.review import display as rv
from sanchuang.cli.review.common import _handle, console, review_app
from sanchuang.documents import title_documents as td
from workflows import title_commands as tc
from workflows.calendar import local_date
from workflows.errors import InvalidInput
from workflows.title_record import CASE_NAMES_ZH, STATUS_NAMES_ZH

title_app = typer.Typer(help="称号的动态管理：撤销、牌匾、复评、注销、推荐上报",
                        no_args_is_help=True)
review_app.add_typer(title_app, name="title")
TitleId = Annotated[str, typer.Argument(metavar="ID", help="获评申报的编号（review title list）")]
Day = Annotated[str, typer.Option(help="日期，如 2026-12-01")]


def _id(store: Store, given: str) -> str:
    return rv._match(given, [v.record.nomination_id for v in tq.title_roll(store)], "称号")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"日期 {text} 格式不对：应为 2026-12-01") from None


@title_app.command("list")
@refusals
def list_titles(programme: Annotated[str, typer.Option(help="只列此项目")] = "",
                status: Annotated[str, typer.Option(help="active/remediation/revoked/cancelled")
                                  ] = "") -> None:
    """列出称号：编号、名称（村居）、年度、星级、状态（及撤销程序）、牌匾。"""
    table = Table("编号", "名称", "年度", "星级", "状态", "牌匾")
    views = tq.title_roll(bootstrap().store, programme, status)
    codes = rv.row_codes([v.record.nomination_id for v in views])
    for view in views:
        t = view.record
        plaque = (f"{t.plaque_recovered_on}收回" if t.plaque_recovered_on else
                  f"{t.plaque_hung_on}挂牌" if t.plaque_hung_on else
                  f"{t.plaque_from}起可挂" if t.plaque_from else "—")
        state = STATUS_NAMES_ZH[t.status] + (
            f"·{CASE_NAMES_ZH[t.case_stage]}" if t.case_stage else "")
        table.add_row(codes[t.nomination_id],
                      escape(f"{view.display_name}（{view.village_name}）"),
                      str(t.year), t.star_level or "—", state, plaque)
    console.print(table)


@title_app.command("report")
@refusals
def report(nomination: TitleId,
           reason_code: Annotated[str, typer.Option("--reason", help="撤销原因代码，如 crime")],
           text: Annotated[str, typer.Option("--text", help="举报或发现的情况")]) -> None:
    """文明办登记撤销举报（开启撤销程序）。"""
    system = bootstrap()
    _handle(system, tc.ReportForRevocation(_id(system.store, nomination), SECRETARIAT,
                                           reason_code, text), "登记")
    typer.echo("已登记，待核查")


@title_app.command("verify")
@refusals
def verify(nomination: TitleId, findings: Annotated[str, typer.Option(help="核查结论")],
           unfounded: Annotated[bool, typer.Option(help="核查不实，结案")] = False) -> None:
    """文明办核查：属实则报镇党委决定，不实则结案。"""
    system = bootstrap()
    _handle(system, tc.VerifyRevocationReport(_id(system.store, nomination), SECRETARIAT,
                                              findings, not unfounded), "记录核查")
    typer.echo("核查不实，已结案" if unfounded else "核查属实，已报镇党委")


@title_app.command("decide")
@refusals
def decide(nomination: TitleId,
           keep: Annotated[bool, typer.Option(help="决定不予撤销")] = False,
           reason: Annotated[str, typer.Option(help="理由（不予撤销时必填）")] = "") -> None:
    """镇党委决定是否撤销。"""
    system = bootstrap()
    _handle(system, tc.DecideRevocation(_id(system.store, nomination), APPROVER, not keep,
                                        reason), "记录决定")
    typer.echo("决定不予撤销" if keep else "称号已撤销")


@title_app.command("notice")
@refusals
def notice(nomination: TitleId, number: Annotated[str, typer.Option(help="通报文号")],
           benefits_ended: Day,
           out: Annotated[Path, typer.Option(help="撤销通报写到此 HTML 文件")]) -> None:
    """文明办发布撤销通报，记录停止待遇的日期，写出通报。"""
    system = bootstrap()
    nid = _id(system.store, nomination)
    _handle(system, tc.IssueRevocationNotice(nid, SECRETARIAT, number, _day(benefits_ended)),
            "发布通报")
    view = tq.title_of(system.store, nid)
    assert view is not None
    out.write_text(td.revocation_notice(system.store, view, local_date(
        system.store.clock.now())), encoding="utf-8")
    typer.echo(f"撤销通报已写到 {out}")


@title_app.command("plaque")
@refusals
def plaque(nomination: TitleId,
           step: Annotated[str, typer.Argument(
               help="issued（发放）/hung（挂牌）/recovered（收回）")],
           on: Day) -> None:
    """记录牌匾的发放、挂牌或收回日期。"""
    system = bootstrap()
    _handle(system, tc.RecordPlaque(_id(system.store, nomination), SECRETARIAT, step, _day(on)),
            "记录牌匾")
    typer.echo("已记录")
