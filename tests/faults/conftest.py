"""The fault suite: whole campaigns on a PostgreSQL cluster and a Redis server of the
session's own (so restarting them disturbs nobody else on the machine), real worker
processes, and one undisturbed run of the same seed to compare every faulted run with.

Puts this folder and tests/integration (campaigns, services, the SMTP sink) on sys.path."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).parent
for folder in (HERE, HERE.parent / "integration"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

pytest.register_assert_rewrite("faulted")

import redis  # noqa: E402
from campaigns import Outcome, run_undisturbed, settings_for  # noqa: E402
from faulted import SEED  # noqa: E402
from own_postgres import OwnPostgres  # noqa: E402
from services import OwnRedis  # noqa: E402
from smtp_sink import Mailboxes, free_port, start_smtp  # noqa: E402

_databases = itertools.count(1)


@pytest.fixture(scope="session")
def own_pg() -> Iterator[OwnPostgres]:
    cluster = OwnPostgres(free_port())
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def own_redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OwnRedis]:
    """One server for the tests that do not restart Redis, a database of its own each."""
    server = OwnRedis(free_port(), str(tmp_path_factory.mktemp("redis")))
    server.start()
    yield server
    server.kill()


@pytest.fixture
def pg_url(own_pg: OwnPostgres) -> str:
    return own_pg.database()


@pytest.fixture
def broker_url(own_redis: OwnRedis) -> str:
    url = own_redis.db_url(next(_databases))
    redis.Redis.from_url(url).flushdb()
    return url


@pytest.fixture
def smtp() -> Iterator[tuple[int, Mailboxes]]:
    controller, boxes = start_smtp()
    yield controller.port, boxes
    controller.stop()


@pytest.fixture(scope="session")
def undisturbed(tmp_path_factory: pytest.TempPathFactory, own_pg: OwnPostgres,
                own_redis: OwnRedis) -> Outcome:
    """The campaign of ``SEED`` with nothing disturbed, on PostgreSQL and Redis."""
    folder = tmp_path_factory.mktemp("undisturbed")
    calm = run_undisturbed(settings_for(folder, own_pg.database(), own_redis.db_url(0)), SEED)
    assert calm.problems == [], calm.problems
    assert calm.commended, "the undisturbed campaign commended nobody: nothing to compare"
    return calm
