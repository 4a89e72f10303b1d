"""API tokens for the test logins, and a client that sends one."""

from __future__ import annotations

from fastapi.testclient import TestClient
from staff_logins import create_logins

from models.store import Store
from sanchuang.accounts import Logins
from sanchuang.bootstrap import System
from sanchuang.web.app import create_app

API = "/api/v1"


def tokens(store: Store) -> dict[str, str]:
    """Every test login, created, with a token each (by username)."""
    logins = Logins(store)
    now = store.clock.now()
    return {username: logins.new_token(username, "test", now)
            for username in create_logins(store)}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def api_client(system: System, token: str) -> TestClient:
    client = TestClient(create_app(system))
    client.headers.update(bearer(token))
    return client
