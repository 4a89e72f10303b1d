"""Fixtures: migrated stores on SQLite and PostgreSQL, worker processes, the demo scenario."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from services import fresh_postgres, redis_database

from models.store import Store
from sanchuang.bootstrap import System, bootstrap
from sanchuang.settings import Settings, get_settings
from workflows.audit_seal import HmacSigner

TEST_SIGNER = HmacSigner(b"integration-test-audit-key")


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    store = Store(f"sqlite:///{tmp_path / 'test.db'}", signer=TEST_SIGNER)
    store.migrate()
    yield store
    store.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    with fresh_postgres() as url:
        yield url


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[Store]:
    store = Store(pg_url, signer=TEST_SIGNER)
    store.migrate()
    yield store
    store.dispose()


@pytest.fixture(params=["sqlite", "pg"])
def store(request: pytest.FixtureRequest) -> Store:
    """The same test on both databases."""
    return request.getfixturevalue(f"{request.param}_store")


@pytest.fixture
def redis_url() -> Iterator[str]:
    with redis_database() as url:
        yield url


@pytest.fixture
def cli_system(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[System]:
    """A migrated SQLite store in a data folder that the CLI, run in-process, also uses."""
    monkeypatch.setenv("SANCHUANG_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    system = bootstrap(Settings(data_dir=tmp_path / "data"))
    system.store.migrate()
    yield system
    system.store.dispose()
    get_settings.cache_clear()
