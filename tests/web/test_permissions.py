"""Every route is declared in the permission table; the one dependency enforces the table."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from sanchuang.accounts import StaffRole
from sanchuang.bootstrap import bootstrap
from sanchuang.settings import Settings
from sanchuang.web import permissions
from sanchuang.web.app import create_app


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    return create_app(bootstrap(Settings(data_dir=tmp_path)))


def test_every_route_of_the_app_is_declared_in_the_permission_table(app: FastAPI) -> None:
    routes = [getattr(r, "name", None) for r in permissions.each_route(app.routes)]
    assert {"publicity_notice", "file_objection", "api_verify", "static"} <= set(routes)
    assert permissions.undeclared(app.routes) == []


def test_a_route_missing_from_the_table_is_noticed_and_refused(app: FastAPI) -> None:
    @app.get("/undeclared", name="undeclared_page")
    def undeclared_page() -> dict[str, str]:
        return {"secret": "data"}

    assert permissions.undeclared(app.routes) == ["undeclared_page"]
    response = TestClient(app).get("/undeclared")
    assert response.status_code == 403
    assert "secret" not in response.text


def test_a_route_for_roles_is_refused_to_a_visitor_without_a_login(
        app: FastAPI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(permissions.PERMISSIONS, "review_desk",
                        permissions.staff(StaffRole.SECRETARIAT))

    @app.get("/review", name="review_desk")
    def review_desk() -> dict[str, str]:
        return {"work": "list"}

    response = TestClient(app).get("/review", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/review"
    assert "list" not in response.text
