"""Signing in and out: sessions, disabled logins, API tokens, throttling, safe redirects."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from staff_logins import PASSWORD, create_logins, form_token_of, sign_in
from web_scenario import Township

from sanchuang.accounts import Logins
from sanchuang.web.app import create_app
from sanchuang.web.signin import safe_next


@pytest.fixture
def site(town: Township) -> TestClient:
    create_logins(town.store)
    return TestClient(create_app(town.system))


def test_a_staff_page_sends_a_visitor_to_the_login_and_back(site: TestClient) -> None:
    response = site.get("/desk", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/desk"
    token = form_token_of(site, "/login?next=/desk")
    response = site.post("/login", data={"csrf_token": token, "username": "Wenming ",
                                         "password": PASSWORD, "next": "/desk"},
                         follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/desk"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    desk = site.get("/desk")
    assert desk.status_code == 200
    assert "工作台" in desk.text
    assert "镇文明办" in desk.text


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(
        site: TestClient) -> None:
    for username in ("wenming", "nobody"):
        token = form_token_of(site)
        response = site.post("/login", data={"csrf_token": token, "username": username,
                                             "password": "wrong-password"})
        assert response.status_code == 400
        assert "登录名或密码不正确" in response.text
    assert site.get("/desk", follow_redirects=False).status_code == 303


def test_a_login_form_without_its_token_is_refused(site: TestClient) -> None:
    response = site.post("/login", data={"username": "wenming", "password": PASSWORD})
    assert response.status_code == 403
    assert site.get("/desk", follow_redirects=False).status_code == 303


def test_disabling_a_login_ends_its_session_at_once(site: TestClient, town: Township) -> None:
    sign_in(site, "clerk")
    assert site.get("/desk").status_code == 200
    Logins(town.store).disable("clerk")
    assert site.get("/desk", follow_redirects=False).status_code == 303


def test_logging_out_ends_the_session(site: TestClient) -> None:
    sign_in(site, "dangwei")
    token = form_token_of(site, "/desk")
    assert site.post("/logout", data={"csrf_token": token},
                     follow_redirects=False).status_code == 303
    assert site.get("/desk", follow_redirects=False).status_code == 303


def test_an_api_token_identifies_its_login_until_the_login_is_disabled(
        site: TestClient, town: Township) -> None:
    logins = Logins(town.store)
    token = logins.new_token("police", "对接系统", town.store.clock.now())
    me = site.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200
    assert me.json()["department"] == "公安派出所"
    forged = token[:-3] + "AAA"
    assert site.get("/api/v1/me", headers={"Authorization": f"Bearer {forged}"}
                    ).status_code == 401
    logins.disable("police")
    assert site.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}
                    ).status_code == 401


def test_repeated_login_attempts_are_throttled(site: TestClient) -> None:
    statuses = []
    for _ in range(12):
        token = form_token_of(site)
        statuses.append(site.post("/login", data={"csrf_token": token, "username": "admin",
                                                  "password": "guess-guess"}).status_code)
    assert statuses[:10] == [400] * 10
    assert statuses[10:] == [429, 429]


@pytest.mark.parametrize("hostile", ["//evil.example/x", "https://evil.example", "/\\evil",
                                     "javascript:alert(1)", "/ok\r\nSet-Cookie: x=1"])
def test_login_never_redirects_off_the_site(hostile: str) -> None:
    assert safe_next(hostile) == "/desk"
    assert safe_next("/village/nominations") == "/village/nominations"


def test_an_empty_web_secret_is_no_secret(town: Township) -> None:
    from pydantic import SecretStr

    from sanchuang.web.csrf import site_secret

    empty = town.system.settings.model_copy(update={"web_secret": SecretStr("")})
    assert len(site_secret(empty)) >= 32


def test_a_login_can_carry_the_accounts_phone_for_sms(town: Township) -> None:
    from sqlalchemy import select

    from models import tables as t
    from sanchuang.accounts import NewUser, StaffRole
    from workflows.errors import InvalidInput

    logins = Logins(town.store)
    logins.create(NewUser("clerk9", StaffRole.VILLAGE, "湾里村", PASSWORD, "430522100201",
                          phone="138 1234 5678"), town.store.clock.now())
    with town.store.sessions() as session:
        phone = session.scalar(select(t.AccountRow.phone).where(
            t.AccountRow.id == "village-430522100201"))
    assert phone == "13812345678"
    with pytest.raises(InvalidInput, match="手机号"):
        logins.create(NewUser("wenming9", StaffRole.SECRETARIAT, "镇文明办", PASSWORD,
                              phone="12345"), town.store.clock.now())
    assert logins.find("wenming9") is None


@pytest.mark.parametrize("name", ["", "\u200b\u200b", " \t ", "镇" * 500])
def test_a_login_without_a_readable_name_is_refused_and_nothing_made(town: Township,
                                                                   name: str) -> None:
    from sanchuang.accounts import NewUser, StaffRole
    from workflows.errors import InvalidInput

    logins = Logins(town.store)
    with pytest.raises(InvalidInput):
        logins.create(NewUser("wenming8", StaffRole.SECRETARIAT, name, PASSWORD),
                      town.store.clock.now())
    assert logins.find("wenming8") is None


def test_invisible_characters_are_dropped_from_a_logins_name(town: Township) -> None:
    from sanchuang.accounts import NewUser, StaffRole

    user = Logins(town.store).create(NewUser("wenming7", StaffRole.SECRETARIAT,
                                             "镇\u200b文明办\u202e", PASSWORD),
                                     town.store.clock.now())
    assert user.name == "镇文明办"
