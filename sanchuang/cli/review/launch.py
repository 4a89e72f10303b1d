"""``sanchuang review campaign launch-notice``: the campaign's launch notice (通知) as a
printable HTML file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sanchuang.bootstrap import bootstrap
from sanchuang.cli.refusals import refusals
from sanchuang.cli.review import display as rv
from sanchuang.cli.review.common import CampaignOption, campaign_app
from sanchuang.documents.launch import launch_notice_html


@campaign_app.command("launch-notice")
@refusals
def launch_notice(
    out: Annotated[Path, typer.Option(help="写入的 HTML 文件，如 通知.html")],
    campaign: CampaignOption = None,
) -> None:
    """把评选活动的启动通知写成可打印的 HTML 文件。"""
    system = bootstrap()
    campaign_id = rv.campaign_id(system.store, campaign)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(launch_notice_html(system.store, campaign_id), encoding="utf-8")
    typer.echo(f"已写入启动通知：{out}")
