"""The benchmark's broker side: making sure the queues are the bench's own, warming the
workers up, and the bare one-message-per-transition baseline."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from models import bench as db
from models.store import Store
from sanchuang.bench.pipeline import Waiter
from sanchuang.runtime.broker_claim import CLAIM_TTL_S, claimants
from sanchuang.runtime.celeryconfig import EVENTS, NOTIFICATIONS, SWEEPS
from sanchuang.runtime.queue import CeleryQueue
from sanchuang.runtime.urls import safe_url

QUEUES = (EVENTS, NOTIFICATIONS, SWEEPS)
BARE = "sanchuang.bench_bare"


@dataclass
class BaselineFigures:
    messages: int
    span_s: float


class BenchBroker(CeleryQueue):
    """The producer side on the bench's broker, plus the checks that it is not shared."""

    def backlog(self) -> dict[str, int]:
        """Messages waiting in each of the queues the workers consume."""
        with self.app.connection_for_write() as conn:
            channel = conn.default_channel
            return {queue: int(channel.queue_declare(queue).message_count) for queue in QUEUES}

    def other_workers(self) -> list[str]:
        """Names of workers already consuming from this broker (they must not be there)."""
        replies = self.app.control.ping(timeout=1.0) or []
        return sorted(name for reply in replies for name in reply)

    def reachable(self) -> bool:
        try:
            with self.app.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1, timeout=3)
        except Exception:  # any failure to connect means "not reachable"
            return False
        return True

    def refusal(self) -> str | None:
        """Why this broker cannot be used for a benchmark, or None."""
        if not self.reachable():
            return f"连不上 Redis：{safe_url(self.settings.broker)}"
        others, waiting = self.other_workers(), {q: n for q, n in self.backlog().items() if n}
        where = "请用 --broker-url 指定一个没有其他 worker 的 Redis 库（如 redis://127.0.0.1:6379/7）"
        if others:
            return f"已有 worker 在消费这个 broker：{', '.join(others)}。{where}"
        if stores := claimants(self.settings.broker):
            return (f"这个 broker 已被数据库（存储标识 {', '.join(sorted(stores))}）的 worker 占用"
                    f"（worker 停止 {CLAIM_TTL_S} 秒后失效）。{where}")
        if waiting:
            return f"broker 队列中已有消息 {waiting}，不是本次基准测试的。{where}"
        return None

    def purge(self) -> None:
        """Drop what is left in the queues (only called on queues found empty and unconsumed
        when the bench began, so whatever is there is the bench's own)."""
        with self.app.connection_for_write() as conn:
            for queue in QUEUES:
                conn.default_channel.queue_purge(queue)

    def send_bare(self, item_ids: Iterable[int]) -> None:
        with self.app.producer_or_acquire() as producer:
            for item_id in item_ids:
                self.app.send_task(BARE, args=[item_id], queue=EVENTS, producer=producer)


def warm_up(store: Store, broker: BenchBroker, waiter: Waiter, items: int, rounds: int) -> None:
    """Create the baseline's items and make a first round trip through every worker child,
    so that each one has built its system before anything is timed."""
    db.create_items(store, items)
    broker.send_bare(range(1, rounds + 1))
    waiter.until(lambda: db.logged(store) >= rounds, "worker 首次响应",
                 lambda: "：请查看 worker 日志")


def run_baseline(store: Store, broker: BenchBroker, waiter: Waiter, items: int,
                 messages: int, tick: Callable[[int], None]) -> BaselineFigures:
    """Send ``messages`` bare tasks (item ids in turn) and time until every log row exists."""
    before = db.logged(store)
    started = time.monotonic()
    broker.send_bare((i % items) + 1 for i in range(messages))

    def done() -> bool:
        count = db.logged(store) - before
        tick(count)
        return count >= messages

    waiter.until(done, "裸任务基线完成", lambda: f"：已完成 {db.logged(store) - before}/{messages}")
    return BaselineFigures(messages, time.monotonic() - started)
