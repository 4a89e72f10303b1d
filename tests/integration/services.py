"""Real PostgreSQL and Redis for the integration tests.

When a service is unreachable the tests that need it are skipped on a developer's machine,
and FAIL when CI (or SANCHUANG_REQUIRE_SERVICES=1) says the services must be there."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
import redis

from sanchuang.runtime.processes import wait_for

PG_ADMIN = os.environ.get("SANCHUANG_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("SANCHUANG_TEST_REDIS", "redis://127.0.0.1:6379")


def required() -> bool:
    return os.environ.get("CI", "").lower() == "true" or os.environ.get(
        "SANCHUANG_REQUIRE_SERVICES") == "1"


def unavailable(what: str, error: Exception) -> None:
    message = f"{what} is not reachable ({error}); start it (see .ci/run) and run again"
    if required():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def sqlalchemy_url(dbname: str) -> str:
    base = PG_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    return f"{base}/{dbname}"


@contextmanager
def fresh_postgres() -> Iterator[str]:
    """A new, empty database for one test (or module); dropped afterwards."""
    name = f"sanchuang_test_{uuid.uuid4().hex[:10]}"
    try:
        admin = psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        unavailable("PostgreSQL", error)
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield sqlalchemy_url(name)
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


OWNER_KEY = "sanchuang-test-owner"


@contextmanager
def redis_database(first: int | None = None) -> Iterator[str]:
    """A database of the shared Redis that is empty, for this test alone: the first empty one
    from SANCHUANG_TEST_REDIS_DB (default 9), claimed with an owner key. Nothing else of the
    server is touched; afterwards the keys this test made there (the database was empty
    before) are deleted, the owner key last."""
    if first is None:
        first = int(os.environ.get("SANCHUANG_TEST_REDIS_DB", "9"))
    owner = uuid.uuid4().hex
    try:
        for db in [*range(first, 16), *range(1, first)]:
            client = redis.Redis.from_url(f"{REDIS_URL}/{db}", socket_connect_timeout=3)
            if client.dbsize() == 0 and client.set(OWNER_KEY, owner, nx=True):
                break
        else:
            pytest.fail("no empty Redis database (1-15) to run in: every one holds keys",
                        pytrace=False)
    except redis.RedisError as error:
        unavailable("Redis", error)
    try:
        yield f"{REDIS_URL}/{db}"
    finally:
        made = [key for key in client.scan_iter(count=1000) if key != OWNER_KEY.encode()]
        for start in range(0, len(made), 1000):
            client.delete(*made[start:start + 1000])
        if client.get(OWNER_KEY) == owner.encode():
            client.delete(OWNER_KEY)


def _pings(port: int) -> bool:
    try:
        return bool(redis.Redis(port=port, socket_connect_timeout=0.2).ping())
    except redis.ConnectionError:
        return False


class OwnRedis:
    """A Redis server of the test's own on a free port, so the test may kill and restart it
    without touching the shared one. By default it keeps nothing on disk: a restart loses
    every message; with ``keep`` every write is in an append-only file (fsync always) in
    ``folder``, and a restart on the same folder has them all again."""

    def __init__(self, port: int, folder: str, keep: bool = False):
        self.port, self.folder, self.keep = port, folder, keep
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return self.db_url(0)

    def db_url(self, db: int) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            unavailable("redis-server", FileNotFoundError("redis-server is not on PATH"))
        self.proc = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--dir", self.folder, "--databases", "64",
             *(["--appendonly", "yes", "--appendfsync", "always"] if self.keep
               else ["--appendonly", "no"])],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not wait_for(lambda: _pings(self.port), 10):
            raise RuntimeError(f"redis-server on port {self.port} did not start")

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
