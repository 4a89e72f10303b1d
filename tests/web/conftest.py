"""Fixtures: a township in publicity on a migrated SQLite store, and a client for its site."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).parent))

from web_scenario import Township, in_publicity

from models.store import Store
from sanchuang.web.app import create_app
from workflows.audit_seal import HmacSigner


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    store = Store(f"sqlite:///{tmp_path / 'web.db'}", signer=HmacSigner(b"web-test-key"))
    store.migrate()
    yield store
    store.dispose()


@pytest.fixture
def town(sqlite_store: Store, tmp_path: Path) -> Township:
    return in_publicity(sqlite_store, tmp_path)


@pytest.fixture
def client(town: Township) -> TestClient:
    return TestClient(create_app(town.system))

