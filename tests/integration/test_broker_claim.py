"""One store per broker: a worker refuses a Redis database that another store's workers use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import redis
from campaigns import settings_for

from models.store import Store
from models.store_identity import store_id
from sanchuang.bench.baseline import BenchBroker
from sanchuang.runtime.audit_key import audit_signer
from sanchuang.runtime.broker_claim import CLAIM_TTL_S, claim, claim_key
from sanchuang.runtime.processes import ensure_running, settings_env, start, stop, wait_for
from sanchuang.settings import Settings


def initialised(settings: Settings) -> str:
    store = Store(settings.db_url, signer=audit_signer(settings))
    store.migrate()
    try:
        return store_id(store)
    finally:
        store.dispose()


def claimed_by(url: str) -> set[str]:
    client = redis.Redis.from_url(url)
    return {client.get(key).decode() for key in client.scan_iter(match="sanchuang:claim:*")}


def test_a_second_stores_worker_refuses_a_broker_claimed_by_another_store(
        tmp_path: Path, pg_url: str, redis_url: str) -> None:
    first = settings_for(tmp_path / "first", pg_url, redis_url)
    second = settings_for(tmp_path / "second", "", redis_url)
    first_id, second_id = initialised(first), initialised(second)
    worker = start(first, "worker")
    try:
        assert wait_for(lambda: claimed_by(redis_url) == {first_id}, 30)
        refused = subprocess.run(
            [sys.executable, "-m", "workers", "worker"], capture_output=True, text=True,
            env={**os.environ, **settings_env(second)}, timeout=60, check=False)
        assert worker.poll() is None
    finally:
        stop(worker, first, "worker")
    assert refused.returncode != 0
    assert "拒绝启动" in refused.stderr
    assert first_id in refused.stderr
    assert second_id in refused.stderr
    assert "SANCHUANG_BROKER_URL" in refused.stderr
    assert claimed_by(redis_url) == set()  # the stopped worker gave its claim up


def test_a_claim_names_the_other_store_until_it_lapses(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    assert claim(redis_url, "store-a", "host:1") is None
    assert claim(redis_url, "store-b", "host:2") == "store-a"
    key = claim_key("store-a", "host:1")
    assert 0 < client.ttl(key) <= CLAIM_TTL_S
    client.expire(key, 1)  # a killed worker: nobody refreshes the claim...
    assert wait_for(lambda: claim(redis_url, "store-b", "host:2") is None, 10)  # ...it lapses
    assert claimed_by(redis_url) == {"store-b"}


def test_a_refreshed_claim_gets_its_whole_ttl_back(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    claim(redis_url, "store-a", "host:1")
    key = claim_key("store-a", "host:1")
    client.expire(key, 5)
    assert claim(redis_url, "store-a", "host:1") is None
    assert client.ttl(key) > 5


def test_the_demo_says_why_its_worker_refused_the_broker_and_does_not_start_it_again(
        tmp_path: Path, redis_url: str) -> None:
    assert claim(redis_url, "another-store", "elsewhere:1") is None
    settings = settings_for(tmp_path, "", redis_url)
    initialised(settings)
    said: list[str] = []
    with ensure_running(settings, said.append):
        assert wait_for(lambda: any("不再重启" in line for line in said), 60)
    assert any("another-store" in line and "拒绝启动" in line for line in said)
    assert not any("重新启动" in line for line in said)


def test_the_bench_refuses_a_broker_that_a_store_claimed(redis_url: str) -> None:
    assert BenchBroker(Settings(broker_url=redis_url)).refusal() is None
    claim(redis_url, "another-store", "elsewhere:1")
    refusal = BenchBroker(Settings(broker_url=redis_url)).refusal()
    assert refusal is not None
    assert "another-store" in refusal
