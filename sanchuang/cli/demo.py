"""``sanchuang demo``: one whole campaign, headless, with its course printed as it goes."""

from __future__ import annotations

import time
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from models import queries
from sanchuang.bootstrap import System
from sanchuang.cli.printing import load_sample_with_progress, review_table, summary_table
from sanchuang.documents.files import write_campaign
from sanchuang.runtime.processes import ensure_running
from sanchuang.sample.demo import DemoRun, output_folder, problems, unfinished
from workflows.stages import Stage


def run_steps(run: DemoRun, console: Console) -> None:
    for step in run.steps():
        began = time.monotonic()
        with console.status(step.__doc__ or step.__name__):
            step()
        console.print(f"    [dim]{step.__doc__}：{time.monotonic() - began:.1f} 秒[/dim]")


def run_demo(system: System, seed: int, out: Path | None, timeout: float,
             console: Console, new: bool = False) -> int:
    system.store.migrate()
    load_sample_with_progress(system, 2026, None, console)
    waiting = None if new else unfinished(system)
    if waiting:
        typer.echo(waiting, err=True)
        return 2
    run = DemoRun(system, seed, lambda text: console.print(f"  · {text}"), timeout)
    with ensure_running(system.settings, console.print):
        try:
            run_steps(run, console)
        except TimeoutError as error:
            console.print(f"[red]{error}（日志：{system.settings.data_dir / 'logs'}）[/red]")
    console.print(review_table(system, run.campaign_id))
    console.print(summary_table(system, run.campaign_id))
    commended = queries.nominations(system.store, run.campaign_id, Stage.COMMENDED.value)
    console.print("表彰名单：" + "、".join(escape(r["display_name"]) for r in commended))
    folder = output_folder(out, system, run.campaign_id)
    written = write_campaign(system.store, system.documents, run.campaign_id, folder)
    certificates = [p for p in written if p.parent.name == "certificates"]
    for path in written:
        if path not in certificates:
            console.print(f"已生成：{escape(str(path.resolve()))}")
    if certificates:
        console.print(f"已生成荣誉证书 {len(certificates)} 份："
                      f"{escape(str(certificates[0].parent.resolve()))}")
    found = problems(system, run.campaign_id)
    for problem in found:
        console.print(f"[red]问题：{escape(problem)}[/red]")
    return 1 if found else 0
