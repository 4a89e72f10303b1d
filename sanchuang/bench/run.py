"""``sanchuang bench``: N nominations through the whole pipeline on PostgreSQL + Redis with real
worker processes, against a bare one-message-per-transition task in the same run.

Everything happens in a database created for the run (and dropped after it) and a temporary
data folder; on Redis nothing but the bench's own queues is touched."""

from __future__ import annotations

import os
import secrets
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from pydantic import SecretStr
from rich.console import Console
from rich.progress import Progress

from models import bench as db
from sanchuang.bench import report
from sanchuang.bench.baseline import BenchBroker, run_baseline, warm_up
from sanchuang.bench.pipeline import BenchError, PipelineRun, Waiter, prepare
from sanchuang.bootstrap import System, bootstrap
from sanchuang.runtime import processes
from sanchuang.settings import Settings, get_settings

NEEDS = ("sanchuang bench 需要 PostgreSQL 和 Redis：请设置 SANCHUANG_DATABASE_URL"
         "（如 postgresql+psycopg://postgres@127.0.0.1:5432/postgres）和 SANCHUANG_BROKER_URL"
         "（如 redis://127.0.0.1:6379/7），或用 --database-url / --broker-url 指定")
MAX_NOMINATIONS = 48_000  # the sample township has at most 999 households in each of 49 villages


@dataclass(frozen=True)
class BenchOptions:
    nominations: int = 3000
    workers: int = 1
    database_url: str = ""
    broker_url: str = ""
    json_path: Path | None = None
    timeout: float = 600.0


def refusal(options: BenchOptions) -> str | None:
    """Why these options cannot run a benchmark, or None."""
    if not options.database_url or not db.is_postgres(options.database_url):
        return f"数据库不是 PostgreSQL。{NEEDS}"
    if not options.broker_url.startswith(("redis://", "rediss://")):
        return f"broker 不是 Redis。{NEEDS}"
    if not 1 <= options.nominations <= MAX_NOMINATIONS:
        return f"--nominations 应在 1 到 {MAX_NOMINATIONS} 之间"
    if options.workers < 1:
        return "--workers 至少为 1"
    return None


def with_defaults(options: BenchOptions) -> BenchOptions:
    settings = get_settings()
    return replace(options, database_url=options.database_url or settings.database_url,
                   broker_url=options.broker_url or settings.broker_url)


def run_bench(options: BenchOptions, console: Console) -> int:
    """Run, print and (optionally) write the figures; the exit code for the CLI."""
    options = with_defaults(options)
    problem = refusal(options)
    broker = BenchBroker(get_settings().model_copy(update={"broker_url": options.broker_url}))
    problem = problem or broker.refusal()
    if problem:
        console.print(f"[red]{problem}[/red]")
        return 2
    try:
        result = measure(options, broker, Console(stderr=True))
    except db.ScratchDatabaseError as error:
        console.print(f"[red]{error}。{NEEDS}[/red]")
        return 2
    except BenchError as error:
        console.print(f"[red]基准测试未完成：{error}[/red]")
        return 1
    console.print(report.table(result))
    for line in report.notes(result):
        console.print(f"  · {line}")
    if options.json_path:
        report.write_json(options.json_path, result)
        console.print(f"结果已写入 {options.json_path}")
    return 0


def measure(options: BenchOptions, broker: BenchBroker, console: Console) -> dict[str, Any]:
    started_at = datetime.now(UTC)
    with db.scratch_database(options.database_url) as url, \
            TemporaryDirectory(prefix="sanchuang-bench-") as folder:
        settings = get_settings().model_copy(update={
            "data_dir": Path(folder), "database_url": url, "broker_url": options.broker_url,
            "email_enabled": False,
            # a throw-away database gets a throw-away audit key, handed to its workers
            "audit_key": SecretStr(secrets.token_hex(32))})
        system = bootstrap(settings)
        try:
            with Progress(console=console, transient=True) as progress:
                result = Measurement(system, options, broker, phases(progress)).run()
        finally:
            system.store.dispose()
            broker.purge()
    return report.figures(settings, options.workers, options.nominations,
                          result["pipeline"], result["baseline"], started_at)


def phases(progress: Progress) -> Callable[[str, int], Callable[[int], None]]:
    """A progress bar per phase; the returned function sets how much of it is done."""

    def phase(label: str, total: int) -> Callable[[int], None]:
        task = progress.add_task(label, total=total)
        return lambda done: progress.update(task, completed=done)

    return phase


@dataclass
class Measurement:
    system: System
    options: BenchOptions
    broker: BenchBroker
    phase: Callable[[str, int], Callable[[int], None]]

    def run(self) -> dict[str, Any]:
        store, n = self.system.store, self.options.nominations
        campaign_id, drafts = prepare(self.system, n, self.phase("准备：创建申报草稿", n))
        with running_workers(self.system.settings, self.options.workers) as workers:
            waiter = Waiter(workers, self.options.timeout)
            rounds = 2 * self.options.workers * self.system.settings.worker_concurrency
            warm_up(store, self.broker, waiter, n, rounds)
            pipeline = PipelineRun(self.system, campaign_id, drafts, waiter, self.phase).run()
            tick = self.phase("裸任务基线", pipeline.transitions)
            baseline = run_baseline(store, self.broker, waiter, n, pipeline.transitions, tick)
        return {"pipeline": pipeline, "baseline": baseline}


@contextmanager
def running_workers(settings: Settings, count: int) -> Iterator[list[subprocess.Popen]]:
    """Start ``count`` worker processes on the bench's database and broker; stop them (warm
    shutdown, then kill) on the way out, whatever happened."""
    started: list[subprocess.Popen] = []
    try:
        with environment(SANCHUANG_EMAIL_ENABLED="false"):
            for number in range(1, count + 1):
                started.append(processes.start(settings, "worker", ["-n", f"bench{number}@%h"]))
        yield started
    except BenchError as error:
        raise BenchError(f"{error}\n{log_tail(settings)}") from error
    finally:
        for proc in started:
            processes.stop(proc, settings, "worker")


@contextmanager
def environment(**values: str) -> Iterator[None]:
    """Set environment variables for the child processes started inside the block."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def log_tail(settings: Settings, lines: int = 15) -> str:
    path = settings.data_dir / "logs" / "worker.log"
    text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
    tail = text.splitlines()[-lines:]
    return ("worker 日志末尾：\n" + "\n".join(tail)) if tail else "（worker 日志为空）"
