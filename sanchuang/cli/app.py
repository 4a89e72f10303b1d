"""The operators' command line: ``sanchuang --help``. Each command group lives in its own
module of this package; this one wires them together and runs the store-level commands."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from models.store_identity import store_id
from sanchuang.bench.run import BenchOptions, run_bench
from sanchuang.bootstrap import bootstrap
from sanchuang.cli import printing
from sanchuang.cli.attach import attach
from sanchuang.cli.calendar import calendar_app
from sanchuang.cli.clock import clock_app
from sanchuang.cli.demo import run_demo
from sanchuang.cli.export import export_app
from sanchuang.cli.failures import report_failure
from sanchuang.cli.paper import paper_app
from sanchuang.cli.refusals import file_refusal, refusals, refuse
from sanchuang.cli.review.commands import review_app
from sanchuang.cli.roster import roster_app
from sanchuang.cli.rubric import rubric_app
from sanchuang.cli.up import up
from sanchuang.cli.user import user_app
from sanchuang.cli.verify import verify
from sanchuang.cli.web import web
from sanchuang.runtime.audit_key import create_key_file
from sanchuang.runtime.logs import configure_logging
from sanchuang.runtime.urls import safe_url
from sanchuang.settings import get_settings
from workflows.errors import DomainError, InvalidInput
from workflows.stages import mermaid

app = typer.Typer(help="三创评选工作流：星级文明村、道德模范户、道德标兵", no_args_is_help=True)
app.add_typer(clock_app, name="clock")
app.add_typer(calendar_app, name="calendar")
app.add_typer(paper_app, name="paper")
app.add_typer(export_app, name="export")
app.command("attach")(attach)
app.add_typer(review_app, name="review")
app.add_typer(roster_app, name="roster")
app.add_typer(rubric_app, name="rubric")
app.add_typer(user_app, name="user")
app.command("verify")(verify)
app.command("web")(web)
app.command("up")(up)
console = Console()


@app.command()
def init() -> None:
    """建库：应用全部数据库迁移（首次建库时生成本库的存储标识，worker 凭它占用 broker）。"""
    system = bootstrap()
    system.store.migrate()
    if create_key_file(system.settings):
        console.print("已生成审计密钥文件 audit.key（仅本用户可读；其他进程须用同一密钥）")
    console.print(f"数据库已就绪：{safe_url(system.settings.db_url)}"
                  f"（存储标识 {store_id(system.store)}）")


@app.command("load-sample")
@refusals
def load_sample(
    seed: int = 2026,
    households_per_village: Annotated[
        int | None, typer.Option(help="每村户数（默认按人口）")] = None,
) -> None:
    """载入样例乡镇：47 个村 + 2 个居委会，及其农户、人员和账号。"""
    if households_per_village is not None and not 1 <= households_per_village <= 999:
        raise InvalidInput(f"每村户数应在 1 到 999 之间（收到 {households_per_village}）")
    system = bootstrap()
    system.store.migrate()
    printing.load_sample_with_progress(system, seed, households_per_village, console)


@app.command()
def worker(
    args: Annotated[list[str] | None, typer.Argument(help="传给 celery worker 的参数")] = None,
) -> None:
    """启动一个 worker 进程（可在多台机器上启动任意多个）。"""
    os.execv(sys.executable, [sys.executable, "-m", "workers", "worker", *(args or [])])  # noqa: S606


@app.command()
def beat() -> None:
    """启动定时调度（全系统只能有一个）。"""
    os.execv(sys.executable, [sys.executable, "-m", "workers", "beat"])  # noqa: S606


@app.command()
def status(campaign: Annotated[str | None, typer.Option(help="评选活动 id（默认最新）")] = None
           ) -> None:
    """各阶段申报数、通知送达情况和待处理事件。"""
    printing.print_status(bootstrap(), campaign, console)


@app.command()
def demo(
    seed: int = 1,
    out: Annotated[Path | None, typer.Option(help="公示和表彰决定的输出目录")] = None,
    timeout: float = 90.0,
    new: Annotated[bool, typer.Option(
        "--new", help="上一次评选未完成时也另起一次（旧活动原样保留）")] = False,
) -> None:
    """无人值守地跑完一次完整评选（自动启动 worker 和 beat）。"""
    started = time.monotonic()
    if create_key_file(get_settings()):  # the demo's own workers read the same file
        console.print("已生成审计密钥文件 audit.key（仅本用户可读；其他进程须用同一密钥）")
    code = run_demo(bootstrap(), seed, out, timeout, console, new)
    console.print(f"用时 {time.monotonic() - started:.1f} 秒")
    raise typer.Exit(code)


@app.command()
def bench(
    nominations: Annotated[int, typer.Option(help="申报件数（默认约 2 分钟跑完）")] = 3000,
    workers: Annotated[int, typer.Option(help="worker 进程数（每个按配置的并发数）")] = 1,
    database_url: Annotated[str, typer.Option(
        help="PostgreSQL 服务器（默认 SANCHUANG_DATABASE_URL）；在其上建临时库，用完即删")] = "",
    broker_url: Annotated[str, typer.Option(
        help="Redis（默认 SANCHUANG_BROKER_URL）；不能有其他 worker 在消费")] = "",
    json_path: Annotated[Path | None, typer.Option("--json", help="把结果写入此 JSON 文件")] = None,
    timeout: Annotated[float, typer.Option(help="每个阶段最长等待秒数")] = 600.0,
) -> None:
    """性能基准：N 件申报走完整条流水线，并与同一批 worker 上的裸任务基线对比。"""
    options = BenchOptions(nominations, workers, database_url, broker_url, json_path, timeout)
    raise typer.Exit(run_bench(options, console))


@app.command()
def inbox(
    account: Annotated[str, typer.Argument(help="账号 id，如 village-430522100201、secretariat")],
    limit: int = 20,
) -> None:
    """站内消息：某个账号收到的最新通知。"""
    printing.print_inbox(bootstrap(), account, limit, console)


@app.command()
def stages() -> None:
    """打印阶段表（Mermaid 状态图，README 中的图由此生成）。"""
    print(mermaid())


def main() -> None:
    configure_logging(os.environ.get("SANCHUANG_LOG_LEVEL", "WARNING"))
    try:
        app()
    except DomainError as refusal:
        sys.exit(refuse(refusal).exit_code)
    except OSError as error:
        if error.filename is None:  # not a file the user named: a failure like any other
            sys.exit(report_failure(error, get_settings(), console))
        sys.exit(file_refusal(error).exit_code)
    except Exception as error:
        sys.exit(report_failure(error, get_settings(), console))
