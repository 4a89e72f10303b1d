"""The operators' command line: ``sanchuang --help``."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from models.errors import STORE_UNREACHABLE
from sanchuang import calendar_views, views
from sanchuang.attach_cli import attach
from sanchuang.bench import BenchOptions, run_bench
from sanchuang.bootstrap import bootstrap
from sanchuang.logs import configure_logging
from sanchuang.paper_cli import paper_app
from sanchuang.review_cli import review_app
from sanchuang.rubric_views import check_files, write_samples
from sanchuang.settings import get_settings
from workflows.errors import DomainError
from workflows.stages import mermaid

app = typer.Typer(help="三创评选工作流：星级文明村、道德模范户、道德标兵", no_args_is_help=True)
clock_app = typer.Typer(help="共享时钟（所有进程读取同一时间）", no_args_is_help=True)
app.add_typer(clock_app, name="clock")
calendar_app = typer.Typer(help="工作日日历：法定节假日、调休上班日", no_args_is_help=True)
app.add_typer(calendar_app, name="calendar")
app.add_typer(paper_app, name="paper")
app.command("attach")(attach)
app.add_typer(review_app, name="review")
rubric_app = typer.Typer(help="评分细则文件：生成样例、检查错误", no_args_is_help=True)
app.add_typer(rubric_app, name="rubric")
console = Console()


@app.command()
def init() -> None:
    """建库：应用全部数据库迁移。"""
    system = bootstrap()
    system.store.migrate()
    console.print(f"数据库已就绪：{views.safe_url(system.settings.db_url)}")


@app.command("load-sample")
def load_sample(
    seed: int = 2026,
    households_per_village: Annotated[
        int | None, typer.Option(help="每村户数（默认按人口）")] = None,
) -> None:
    """载入样例乡镇：47 个村 + 2 个居委会，及其农户、人员和账号。"""
    system = bootstrap()
    system.store.migrate()
    views.load_sample_with_progress(system, seed, households_per_village, console)


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
    views.print_status(bootstrap(), campaign, console)


@app.command()
def demo(
    seed: int = 1,
    out: Annotated[Path | None, typer.Option(help="公示和表彰决定的输出目录")] = None,
    timeout: float = 90.0,
) -> None:
    """无人值守地跑完一次完整评选（自动启动 worker 和 beat）。"""
    started = time.monotonic()
    code = views.run_demo(bootstrap(), seed, out, timeout, console)
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
    views.print_inbox(bootstrap(), account, limit, console)


@app.command()
def stages() -> None:
    """打印阶段表（Mermaid 状态图，README 中的图由此生成）。"""
    print(mermaid())


@clock_app.command("show")
def clock_show() -> None:
    """显示共享时钟的当前时间。"""
    system = bootstrap()
    console.print(views.clock_line(system.store.clock))


@clock_app.command("advance")
def clock_advance(duration: Annotated[str, typer.Argument(help="如 7d、36h、90m")]) -> None:
    """把共享时钟向前拨（演示和测试用）。"""
    system = bootstrap()
    system.store.clock.advance(views.parse_duration(duration))
    console.print(views.clock_line(system.store.clock))


@calendar_app.command("end")
def calendar_end(
    start: Annotated[str, typer.Argument(
        metavar="START", help="开始日期 YYYY-MM-DD，当天算第 1 天")],
    days: Annotated[int | None, typer.Option("--days", help="按自然日计的天数")] = None,
    working_days: Annotated[int | None, typer.Option(
        "--working-days", help="按工作日计的天数（跳过节假日，计入调休上班日）")] = None,
    overrides: Annotated[Path | None, typer.Option(help="乡镇节假日调整文件（TOML）")] = None,
) -> None:
    """窗口的最后一天：从 START 起数 N 个自然日或工作日。"""
    try:
        lines = calendar_views.window_end(start, days, working_days, overrides)
    except DomainError as refusal:
        typer.echo(f"未执行：{refusal}", err=True)
        raise typer.Exit(2) from None
    for line in lines:
        typer.echo(line)


@rubric_app.command("samples")
def rubric_samples(
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="写入的目录（不存在则新建）")],
    force: Annotated[bool, typer.Option(help="覆盖已有的同名文件")] = False,
) -> None:
    """把系统自带的评选方案样例（含评分细则）写入 DIR，供本镇修改。"""
    try:
        written = write_samples(directory, force)
    except DomainError as refusal:
        typer.echo(f"未执行：{refusal}", err=True)
        raise typer.Exit(2) from None
    for path in written:
        typer.echo(f"已写入 {path}")


@rubric_app.command("check")
def rubric_check(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="要检查的方案文件")],
) -> None:
    """检查评选方案文件：列出每一处错误的文件和行号，有错误时退出码为 1。"""
    raise typer.Exit(check_files(files, typer.echo))


def main() -> None:
    configure_logging(os.environ.get("SANCHUANG_LOG_LEVEL", "WARNING"))
    try:
        app()
    except DomainError as refusal:
        console.print(f"[red]未执行：{refusal}[/red]（未做任何修改）")
        sys.exit(2)
    except STORE_UNREACHABLE as error:
        url = views.safe_url(get_settings().db_url)
        console.print(f"[red]无法使用数据库 {url}：{str(error).splitlines()[0]}[/red]\n"
                      "请检查 SANCHUANG_DATABASE_URL，并先运行 sanchuang init")
        sys.exit(2)
