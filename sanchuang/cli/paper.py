"""``sanchuang paper …``: print the forms for meetings held on paper. A refusal (unknown
campaign, programme, village or reviewer; nothing to print) is a DomainError, which the main
entry point reports in Chinese with exit status 2."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from sanchuang.bootstrap import bootstrap
from sanchuang.documents.paper import (
    ScoreSheetRequest,
    assembly_sheet_pdf,
    programme_key,
    score_sheet_pdf,
)
from sanchuang.runtime.files import write_atomically
from workflows.errors import InvalidInput

paper_app = typer.Typer(help="纸质表格（A4 PDF）：评审打分表、村民代表会议签到及表决表",
                        no_args_is_help=True)
console = Console()

CampaignOption = Annotated[str | None, typer.Option(help="评选活动 id（默认最新）")]
OutArgument = Annotated[Path, typer.Argument(help="输出的 PDF 文件，如 打分表.pdf")]


def output_file(out: Path) -> Path:
    """Refuse, before any work, an output that can't be a file: a folder, or inside a file."""
    if out.is_dir():
        raise InvalidInput(f"{out} 是一个目录：请给出 PDF 文件名，如 {out / '打分表.pdf'}")
    blocking = next((p for p in out.parents if p.exists() and not p.is_dir()), None)
    if blocking is not None:
        raise InvalidInput(f"{blocking} 是一个文件，不能在其中保存 {out.name}：请换一个目录")
    return out


def _write(out: Path, pdf: bytes, what: str) -> None:
    write_atomically(out, pdf)
    console.print(f"已生成{what}：{escape(str(out.resolve()))}")


@paper_app.command("score-sheet")
def score_sheet(
    out: OutArgument,
    programme: Annotated[str, typer.Option(
        help="项目：star_village / model_household / moral_exemplar（或中文名）")],
    campaign: CampaignOption = None,
    reviewer: Annotated[list[str] | None, typer.Option(
        help="评委账号 id，可重复；不给则打印一张留空评委姓名的表")] = None,
    all_reviewers: Annotated[bool, typer.Option(help="每位评委一张")] = False,
    blind: Annotated[bool, typer.Option(help="盲评：只印编号，不印姓名和村名")] = False,
    stage: Annotated[str, typer.Option(help="打印哪个阶段的申报")] = "panel_review",
) -> None:
    """评审打分表：每位评委一张，逐项打分、回避登记、评委签名。"""
    request = ScoreSheetRequest(programme_key(programme), campaign, tuple(reviewer or ()),
                                all_reviewers, blind, stage)
    _write(output_file(out), score_sheet_pdf(bootstrap().store, request), "评审打分表")


@paper_app.command("assembly-sheet")
def assembly_sheet(
    out: OutArgument,
    village: Annotated[str, typer.Option(help="村（居）代码，如 430522100201")],
    campaign: CampaignOption = None,
    rows: Annotated[int, typer.Option(help="签到表行数")] = 40,
) -> None:
    """村民代表会议签到及表决表：签到、逐个推荐对象表决、记录人和主持人签名。"""
    _write(output_file(out), assembly_sheet_pdf(bootstrap().store, village, campaign, rows),
           "村民代表会议签到及表决表")
