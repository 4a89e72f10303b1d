"""``sanchuang roster import FILE``: a roster file (XLSX or CSV) checked row by row and,
when clean, imported in one transaction. Any bad row: the report, exit 2, nothing added."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from models.roster import village_codes
from sanchuang.bootstrap import bootstrap
from sanchuang.cli.refusals import REFUSED_EXIT, file_refusal, refusals
from sanchuang.policy.roster_files import TABLE_NAMES, Outcome, import_file
from sanchuang.runtime.tables_file import MAX_BYTES, TableFileError
from workflows.errors import InvalidInput
from workflows.roster_columns import Problem

roster_app = typer.Typer(help="花名册：从 XLSX 或 CSV 文件导入农户和人员", no_args_is_help=True)
console = Console()


@roster_app.command("import")
@refusals
def import_command(
    file: Annotated[Path, typer.Argument(help="花名册文件（.xlsx 或 .csv，列名见网页上的模板）")],
    village: Annotated[str | None, typer.Option(
        help="只许导入这个村（居）的人员（村（居）代码）；不填则可导入本镇任何村（居）")] = None,
) -> None:
    """检查花名册文件的每一行；全部无误才在一个事务中导入，有任何问题则列出问题、不导入。"""
    try:
        with file.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise file_refusal(error) from None
    system = bootstrap()
    if village is not None and village not in village_codes(system.store):
        raise InvalidInput(f"本镇没有村（居）代码 {village}")
    allowed = frozenset({village}) if village is not None else None
    with Progress(console=console, transient=True) as progress:
        tasks: dict[str, Any] = {"check": progress.add_task("检查文件", total=None)}

        def step(table: str, done: int, total: int) -> None:
            if table not in tasks:
                tasks[table] = progress.add_task(f"写入{TABLE_NAMES.get(table, table)}",
                                                 total=total)
            progress.update(tasks[table], completed=done)

        try:
            outcome = import_file(system.store, data, file.name, allowed, step)
        except TableFileError as wrong:
            typer.echo(f"未执行：{wrong}（未做任何修改）", err=True)
            raise typer.Exit(REFUSED_EXIT) from None
    report(outcome)


def report(outcome: Outcome) -> None:
    if outcome.imported:
        console.print(f"已导入：{outcome.rows} 行，新增 {outcome.households} 户、"
                      f"{outcome.persons} 人")
        return
    console.print(problems_table(outcome.problems))
    typer.echo(f"未执行：文件中有 {len(outcome.problems)} 处问题（共 {outcome.rows} 行数据），"
               "未导入任何数据；请改正后重新导入整个文件", err=True)
    raise typer.Exit(REFUSED_EXIT)


def problems_table(problems: list[Problem]) -> Table:
    table = Table(title="花名册检查：有问题的行")
    for header in ("行号", "列", "内容", "问题", "改正方法"):
        table.add_column(header, justify="right" if header == "行号" else "left")
    for p in problems:
        table.add_row(str(p.row), p.column, p.value, p.problem, p.fix)
    return table
