"""Workers that stay up: through Redis restarts, and with an honest exit status when not."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import redis
from campaigns import settings_for
from services import OwnRedis
from smtp_sink import free_port
from sqlalchemy import select

from models import bench
from models.store import Store
from sanchuang.bench.baseline import BARE
from sanchuang.runtime.audit_key import audit_signer
from sanchuang.runtime.celeryconfig import EVENTS
from sanchuang.runtime.processes import (
    ensure_running,
    running,
    settings_env,
    start,
    stop,
    wait_for,
)
from sanchuang.runtime.queue import CeleryQueue

HERE = Path(__file__).parent


def touched(store: Store, item_id: int) -> bool:
    with store.engine.connect() as conn:
        return conn.scalar(select(bench.LOG.c.id).where(bench.LOG.c.item_id == item_id)
                           .limit(1)) is not None


def test_a_worker_holding_unacknowledged_messages_still_consumes_after_three_redis_restarts(
        tmp_path: Path, pg_url: str) -> None:
    own = OwnRedis(free_port(), str(tmp_path))
    own.start()
    settings = settings_for(tmp_path, pg_url, own.url)
    store = Store(settings.db_url, signer=audit_signer(settings))
    store.migrate()
    bench.create_items(store, 4)
    queue, broker = CeleryQueue(settings), redis.Redis.from_url(own.url)
    worker = start(settings, "worker")
    try:
        for item_id in (1, 2, 3):
            # A task waiting for its countdown: taken by the worker, not yet acknowledged.
            queue.app.send_task(BARE, args=[item_id], queue=EVENTS, countdown=300)
            assert wait_for(lambda: broker.hlen("unacked") > 0, 30), \
                f"the worker did not take the message before restart {item_id}"
            own.kill()
            own.start()
        queue.app.send_task(BARE, args=[4], queue=EVENTS)
        assert wait_for(lambda: touched(store, 4), 60), "the new task was not consumed"
        assert worker.poll() is None
    finally:
        stop(worker, settings, "worker")
        own.kill()
        store.dispose()


def test_a_worker_that_stops_on_an_unrecoverable_error_exits_non_zero(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    env = {**os.environ, **settings_env(settings)}
    done = subprocess.run([sys.executable, str(HERE / "broken_worker.py")], env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    assert "Unrecoverable error" in done.stdout + done.stderr
    assert done.returncode != 0


def test_a_worker_that_dies_while_the_demo_waits_is_started_again(tmp_path: Path,
                                                                   pg_url: str) -> None:
    settings = settings_for(tmp_path, pg_url)
    store = Store(settings.db_url, signer=audit_signer(settings))
    store.migrate()
    bench.create_items(store, 1)
    said: list[str] = []
    try:
        with ensure_running(settings, said.append):
            assert wait_for(lambda: running(settings, "worker"), 10)
            [first] = running(settings, "worker")
            os.killpg(first, signal.SIGKILL)
            assert wait_for(lambda: running(settings, "worker") not in ([], [first]), 30), \
                "no worker was started in place of the dead one"
            CeleryQueue(settings).app.send_task(BARE, args=[1], queue=EVENTS)
            assert wait_for(lambda: touched(store, 1), 60), "the new worker consumed nothing"
    finally:
        store.dispose()
    assert any("重新启动" in line for line in said)
