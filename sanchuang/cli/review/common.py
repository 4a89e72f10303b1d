"""Shared pieces of the ``sanchuang review`` commands: the apps, options and id look-ups."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console

from sanchuang.bootstrap import System
from sanchuang.cli.review import display as rv
from workflows import commands as c

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


def _ids(system: System, campaign: str | None, given: list[str]) -> tuple[str, list[str]]:
    campaign_id = rv.campaign_id(system.store, campaign)
    return campaign_id, rv.resolve(system.store, campaign_id, given)


def _handle(system: System, command: c.Command, what: str) -> Any:
    with console.status(f"正在{what}…"):
        return system.bus.handle(command)
