"""One repository contract, three stores: every test here runs on the in-memory fakes,
on SQLite and on PostgreSQL. Puts tests/unit (the fakes) and tests/integration (the
PostgreSQL helper) on sys.path, and this folder for ``backends`` and ``aggregates``.

Each SQLite test gets a copy of one file migrated and seeded once per session; the
PostgreSQL tests share one fresh database of the session's own, emptied and seeded again
before each test (creating a database per test took seconds each)."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).parent
for folder in (HERE, HERE.parent / "unit", HERE.parent / "integration"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from backends import Backend, fake_backend, seed_roster, sql_backend  # noqa: E402
from services import fresh_postgres  # noqa: E402

from models.store import Store  # noqa: E402
from models.table_base import TableModel  # noqa: E402
from workflows.audit_seal import HmacSigner  # noqa: E402

TEST_SIGNER = HmacSigner(b"contract-test-audit-key")

#: Every table but the shared clock, children before parents: what a test may have written.
CONTENT = [table for table in reversed(TableModel.metadata.sorted_tables)
           if table.name != "clock"]


def _prepared(url: str) -> None:
    store = Store(url, signer=TEST_SIGNER)
    store.migrate()
    seed_roster(store)
    store.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("contract") / "template.db"
    _prepared(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def pg_store() -> Iterator[Store]:
    """One migrated database for the session; fails (or skips) like every PostgreSQL test
    when the server is unreachable."""
    with fresh_postgres() as url:
        store = Store(url, signer=TEST_SIGNER)
        store.migrate()
        yield store
        store.dispose()


def _sqlite(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    path = tmp_path / "contract.db"
    shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
    store = Store(f"sqlite:///{path}", signer=TEST_SIGNER)
    yield sql_backend("sqlite", store)
    store.dispose()


def _postgres(request: pytest.FixtureRequest) -> Backend:
    """The session's database, emptied and seeded again: it is this session's own."""
    store: Store = request.getfixturevalue("pg_store")
    with store.engine.begin() as connection:
        for table in CONTENT:
            connection.execute(table.delete())
    seed_roster(store)
    return sql_backend("postgres", store)


@pytest.fixture(params=["fake", "sqlite", "postgres"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    """The store under contract. PostgreSQL skips when unreachable, and fails instead when
    SANCHUANG_REQUIRE_SERVICES=1 (``services.unavailable``)."""
    if request.param == "fake":
        yield fake_backend()
    elif request.param == "sqlite":
        yield from _sqlite(request, tmp_path)
    else:
        yield _postgres(request)
