"""One login per staff role on a test store, and signing a test client in as one of them."""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from models.store import Store
from sanchuang.accounts import Logins, NewUser, StaffRole, User

PASSWORD = "test-password-1"
#: cheap Argon2 parameters for tests (the app verifies with the parameters in the hash)
FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
VILLAGE, OTHER_VILLAGE = "430522100201", "430522100202"
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')

LOGINS = (
    NewUser("clerk", StaffRole.VILLAGE, "湾里村村两委", PASSWORD, VILLAGE),
    NewUser("clerk2", StaffRole.VILLAGE, "邻村村两委", PASSWORD, OTHER_VILLAGE),
    NewUser("wenming", StaffRole.SECRETARIAT, "镇文明办", PASSWORD),
    NewUser("reviewer", StaffRole.REVIEWER, "刘志明", PASSWORD, account_id="reviewer-1"),
    NewUser("police", StaffRole.DEPARTMENT, "公安派出所", PASSWORD, department="公安派出所"),
    NewUser("dangwei", StaffRole.APPROVER, "镇党委", PASSWORD),
    NewUser("admin", StaffRole.ADMIN, "系统管理员", PASSWORD),
)


def create_logins(store: Store) -> dict[str, User]:
    """Every login of LOGINS, by username."""
    logins = Logins(store, FAST)
    now = store.clock.now()
    return {new.username: logins.create(new, now) for new in LOGINS}


def form_token_of(client: TestClient, path: str = "/login") -> str:
    page = client.get(path)
    found = TOKEN.search(page.text)
    assert found, f"{path} has no form"
    return found.group(1)


def sign_in(client: TestClient, username: str, password: str = PASSWORD) -> None:
    response = client.post("/login", data={"csrf_token": form_token_of(client),
                                           "username": username, "password": password,
                                           "next": "/desk"}, follow_redirects=False)
    assert response.status_code == 303, response.text
