"""Fixtures: migrated stores on SQLite and PostgreSQL, worker processes, the demo scenario."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from services import fresh_postgres, fresh_redis

from models.store import Store


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    store = Store(f"sqlite:///{tmp_path / 'test.db'}")
    store.migrate()
    yield store
    store.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    with fresh_postgres() as url:
        yield url


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[Store]:
    store = Store(pg_url)
    store.migrate()
    yield store
    store.dispose()


@pytest.fixture(params=["sqlite", "pg"])
def store(request: pytest.FixtureRequest) -> Store:
    """The same test on both databases."""
    return request.getfixturevalue(f"{request.param}_store")


@pytest.fixture
def redis_url() -> str:
    return fresh_redis()
