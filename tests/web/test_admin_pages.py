"""The administrator's pages: the logins, creating one (refusals on the form), disabling
(the user's session ends) and enabling."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from staff_logins import PASSWORD, create_logins, form_token_of, sign_in
from web_scenario import Township

from sanchuang.accounts import Logins
from sanchuang.web.app import create_app

NEW = {"username": "sifa", "role": "department", "name": "<b>司法所</b>", "village": "",
       "department": "司法所", "password": "a-long-password"}


@pytest.fixture
def site(town: Township) -> TestClient:
    create_logins(town.store)
    return TestClient(create_app(town.system))


@pytest.fixture
def admin(site: TestClient) -> TestClient:
    sign_in(site, "admin")
    return site


def create(client: TestClient, **changes: str):
    token = form_token_of(client, "/admin/users")
    return client.post("/admin/users", data={"csrf_token": token, **NEW, **changes},
                       follow_redirects=False)


def test_the_list_shows_every_login_and_the_desk_links_it(admin):
    page = admin.get("/admin/users")
    assert page.status_code == 200
    for username in ("clerk", "wenming", "reviewer", "police", "dangwei"):
        assert f"<td>{username}</td>" in page.text
    assert 'href="/admin/users"' in admin.get("/desk").text


def test_admin_creates_a_login_that_can_sign_in(town, admin):
    assert create(admin).status_code == 303
    page = admin.get("/admin/users")
    assert "<td>sifa</td>" in page.text
    assert "&lt;b&gt;司法所&lt;/b&gt;" in page.text
    found = Logins(town.store).find("sifa")
    assert found is not None
    assert found.department == "司法所"
    fresh = TestClient(create_app(town.system))
    sign_in(fresh, "sifa", "a-long-password")
    assert fresh.get("/vetting").status_code == 200


@pytest.mark.parametrize(("changes", "reason"), [
    ({"username": "clerk"}, "登录名 clerk 已被使用"),
    ({"password": "short"}, "密码须为 10–256 个字符"),
    ({"department": ""}, "联审部门账号须指定部门"),
    ({"role": "village_committee", "department": "", "village": "999"}, "村（居）代码 999 不存在"),
    ({"role": "emperor"}, "请选择账号角色"),
])
def test_refusals_are_shown_on_the_form_and_nothing_is_created(town, admin, changes, reason):
    answer = create(admin, **{**changes, "username": changes.get("username", "sifa")})
    assert answer.status_code == 400
    assert reason in answer.text
    assert 'value="&lt;b&gt;司法所&lt;/b&gt;"' in answer.text
    assert Logins(town.store).find("sifa") is None


def test_disabling_a_login_ends_its_session_and_enabling_restores_sign_in(town, admin):
    reviewer = TestClient(create_app(town.system))
    sign_in(reviewer, "reviewer")
    assert reviewer.get("/desk").status_code == 200
    token = form_token_of(admin, "/admin/users")
    disabled = admin.post("/admin/users/reviewer/disable", data={"csrf_token": token},
                          follow_redirects=False)
    assert disabled.status_code == 303
    assert reviewer.get("/desk", follow_redirects=False).status_code == 303
    assert "已停用" in admin.get("/admin/users").text
    admin.post("/admin/users/reviewer/enable", data={"csrf_token": token})
    sign_in(reviewer, "reviewer", PASSWORD)
    assert reviewer.get("/desk").status_code == 200


def test_other_roles_are_refused(site):
    sign_in(site, "wenming")
    assert site.get("/admin/users").status_code == 403


def test_posts_without_a_form_token_are_refused_with_nothing_changed(town, admin):
    assert admin.post("/admin/users", data=NEW).status_code == 403
    assert admin.post("/admin/users/reviewer/disable").status_code == 403
    assert Logins(town.store).find("sifa") is None
    assert Logins(town.store).find("reviewer") is not None
