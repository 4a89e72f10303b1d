"""The benchmark's figures: one flat dict, printed as a table and written as JSON."""

from __future__ import annotations

import json
import math
import platform
import subprocess
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.table import Table

from sanchuang.bench.baseline import BaselineFigures
from sanchuang.bench.pipeline import PipelineFigures
from sanchuang.runtime.urls import safe_url
from sanchuang.settings import Settings

#: Below this the pipeline is slower than half of a bare one-message-per-transition task.
MIN_RATIO = 0.5
CLOSING = "CloseDuePublicity 由基准进程经消息总线直接执行（未启动 beat）"


def percentile(ordered: Sequence[float], p: float) -> float:
    """Nearest-rank percentile of an already sorted sequence."""
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


def git_commit() -> str:
    try:
        found = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True,
                               cwd=Path(__file__).parent, timeout=5, check=False)
    except OSError:
        return ""
    return found.stdout.strip() if found.returncode == 0 else ""


def figures(settings: Settings, workers: int, nominations: int, pipeline: PipelineFigures,
            baseline: BaselineFigures, started_at: datetime) -> dict[str, Any]:
    per_s = pipeline.transitions / pipeline.span_s
    base_per_s = baseline.messages / baseline.span_s
    return {
        "nominations": nominations,
        "transitions": pipeline.transitions,
        "span_s": round(pipeline.span_s, 3),
        "transitions_per_s": round(per_s, 1),
        "events": len(pipeline.latencies_ms),
        "latency_p50_ms": round(percentile(pipeline.latencies_ms, 50), 1),
        "latency_p99_ms": round(percentile(pipeline.latencies_ms, 99), 1),
        "phases_s": pipeline.phases_s,
        "baseline_messages": baseline.messages,
        "baseline_span_s": round(baseline.span_s, 3),
        "baseline_per_s": round(base_per_s, 1),
        "ratio": round(per_s / base_per_s, 3),
        **context(settings, workers, started_at),
    }


def context(settings: Settings, workers: int, started_at: datetime) -> dict[str, Any]:
    """What the figures were measured on."""
    return {
        "workers": workers,
        "concurrency": settings.worker_concurrency,
        "event_batch": settings.event_batch,
        "email_enabled": False,
        "publicity_closed_by": "bus",
        "database": safe_url(settings.db_url).rsplit("/", 1)[0],
        "scratch_database": settings.db_url.rsplit("/", 1)[1].split("?", 1)[0],
        "broker": safe_url(settings.broker),
        "started_at": started_at.isoformat(timespec="seconds"),
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "git_commit": git_commit(),
        "python": platform.python_version(),
    }


ROWS = (
    ("申报件数 nominations", "nominations", "{}"),
    ("阶段变更 transitions", "transitions", "{}"),
    ("用时 span", "span_s", "{:.2f} s"),
    ("吞吐 transitions/s", "transitions_per_s", "{:.1f}"),
    ("事件→生效 p50", "latency_p50_ms", "{:.1f} ms"),
    ("事件→生效 p99", "latency_p99_ms", "{:.1f} ms"),
    ("基线消息 baseline msgs", "baseline_messages", "{}"),
    ("基线用时 baseline span", "baseline_span_s", "{:.2f} s"),
    ("基线吞吐 baseline/s", "baseline_per_s", "{:.1f}"),
    ("比值 ratio", "ratio", "{:.2f}"),
)


def table(result: dict[str, Any]) -> Table:
    title = (f"流水线基准：{result['workers']} 个 worker 进程 × 并发 {result['concurrency']}，"
             f"PostgreSQL + Redis")
    out = Table(title=title)
    out.add_column("指标")
    out.add_column("数值", justify="right")
    for label, key, form in ROWS:
        style = "red" if key == "ratio" and result[key] < MIN_RATIO else ""
        out.add_row(label, f"[{style}]{form.format(result[key])}[/{style}]" if style
                    else form.format(result[key]))
    return out


def notes(result: dict[str, Any]) -> list[str]:
    lines = ["电子邮件通道已关闭（只写站内通知）", CLOSING,
             "基线：每条消息一个裸任务，在一个事务里 UPDATE 一行 + INSERT 一行，同一批 worker 进程"]
    if result["ratio"] < MIN_RATIO:
        lines.append(f"[red]比值 {result['ratio']:.2f} 低于 {MIN_RATIO}："
                     "流水线还不到裸任务吞吐的一半[/red]")
    return lines


def write_json(path: Path, result: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
