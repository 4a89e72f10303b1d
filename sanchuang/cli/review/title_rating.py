"""``sanchuang review title rerate|cancel|recommend``: re-rating (动态管理), cancellation
(注销) and the list of honourees three years running for the county."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from models import title_queries as tq
from sanchuang.accounts import SECRETARIAT
from sanchuang.bootstrap import bootstrap
from sanchuang.cli.refusals import refusals
from sanchuang.cli.review import display as rv
from sanchuang.cli.review.common import _handle
from sanchuang.cli.review.titles import TitleId, _day, _id, title_app
from sanchuang.documents import title_documents as td
from workflows import title_commands as tc
from workflows.calendar import local_date
from workflows.rerating import OUTCOME_NAMES_ZH
from workflows.title_record import STATUS_NAMES_ZH


@title_app.command("rerate")
@refusals
def rerate(nomination: TitleId,
           marks: Annotated[str, typer.Option(help="复评逐项分数：key=value,key=value")],
           remediation_due: Annotated[str, typer.Option(
               help="复评不达标时的整改期限，如 2027-03-31")] = "") -> None:
    """复评一个称号：保持、升星、退星，或不达标时限期整改。"""
    system = bootstrap()
    nid = _id(system.store, nomination)
    outcome = _handle(system, tc.ReRateTitle(
        nid, SECRETARIAT, rv.parse_marks(marks),
        _day(remediation_due) if remediation_due else None), "复评")
    view = tq.title_of(system.store, nid)
    level = view.record.star_level if view else ""
    typer.echo(f"复评结果：{OUTCOME_NAMES_ZH[outcome]}（现为 {level or '—'}）")


@title_app.command("cancel")
@refusals
def cancel(nomination: TitleId,
           reason: Annotated[str, typer.Option(help="merge（村居合并）/rename（村居更名）")],
           note: Annotated[str, typer.Option(help="说明，如 并入石门村")] = "") -> None:
    """注销称号（不属处分，不限制再申报），历史记录保留。"""
    system = bootstrap()
    _handle(system, tc.CancelTitle(_id(system.store, nomination), SECRETARIAT, reason, note),
            "注销")
    typer.echo(f"称号{STATUS_NAMES_ZH['cancelled']}")


@title_app.command("recommend")
@refusals
def recommend(programme: Annotated[str, typer.Option(help="项目，如 model_household")],
              year: Annotated[int, typer.Option(help="连续三年的最后一年")],
              out: Annotated[Path, typer.Option(help="推荐名单写到此 HTML 文件")]) -> None:
    """列出连续三年获评的对象，写出上报县级的推荐名单。"""
    store = bootstrap().store
    views = tq.county_recommendations(store, programme, year)
    out.write_text(td.county_recommendation_list(
        store, views, programme, year, local_date(store.clock.now())), encoding="utf-8")
    for view in views:
        typer.echo(f"{view.display_name}（{view.village_name}）")
    typer.echo(f"推荐名单已写到 {out}")
