"""``sanchuang export …``: the public lists as XLSX or CSV (UTF-8 with a BOM, for Excel),
masked as public output. An unknown campaign is a DomainError: "未执行：…", exit status 2."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from models.queries import latest_campaign_id
from models.store import Store
from sanchuang.bootstrap import bootstrap
from sanchuang.cli.paper import output_file
from sanchuang.documents import exports
from sanchuang.runtime.files import write_atomically
from workflows.errors import InvalidInput, NotFound

export_app = typer.Typer(help="导出公开名单（XLSX / CSV）：公示名单、表彰名单、光荣榜",
                         no_args_is_help=True)
console = Console()

OutArgument = Annotated[Path, typer.Argument(help="输出文件，以 .xlsx 或 .csv 结尾")]
CampaignOption = Annotated[str | None, typer.Option(help="评选活动 id（默认最新）")]


def _format(out: Path) -> str:
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in exports.FORMATS:
        raise InvalidInput(f"{out.name}：请以 .xlsx 或 .csv 结尾")
    return fmt


def _campaign(store: Store, campaign_id: str | None) -> str:
    found = campaign_id or latest_campaign_id(store)
    if found is None:
        raise NotFound("还没有评选活动")
    return found


def _write(out: Path, export: exports.ListExport) -> None:
    write_atomically(output_file(out), exports.encode(export, _format(out)))
    console.print(f"已导出{escape(export.title)}（{len(export.rows)} 行）："
                  f"{escape(str(out.resolve()))}")


def _campaign_list(out: Path, campaign: str | None, kind: str) -> None:
    _format(out)
    store = bootstrap().store
    _write(out, exports.campaign_list(store, _campaign(store, campaign), kind))


@export_app.command("publicity")
def publicity(out: OutArgument, campaign: CampaignOption = None) -> None:
    """公示名单（最新一版）。"""
    _campaign_list(out, campaign, "publicity")


@export_app.command("commendation")
def commendation(out: OutArgument, campaign: CampaignOption = None) -> None:
    """表彰名单（最新一版表彰决定的附件名单）。"""
    _campaign_list(out, campaign, "commendation")


@export_app.command("honour-roll")
def honour_roll(out: OutArgument,
                year: Annotated[int, typer.Option(help="年度，如 2026")]) -> None:
    """光荣榜：该年度各评选活动受表彰的全部先进。"""
    _format(out)
    _write(out, exports.honour_roll(bootstrap().store, year))
