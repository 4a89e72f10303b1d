"""The administrator's pages: the logins, creating one, disabling and enabling (through
``sanchuang.accounts.Logins``; a refusal is shown on the form)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from sanchuang.accounts import ROLE_NAMES_ZH, Logins, NewUser, StaffRole
from sanchuang.web import csrf, signin
from sanchuang.web.deps import PagesDep, SystemDep
from workflows.errors import InvalidInput

router = APIRouter()


def _logins(request: Request) -> Logins:
    logins: Logins = request.app.state.logins
    return logins


def _page(request: Request, pages: PagesDep, status_code: int = 200, error: str = "",
          form: dict[str, str] | None = None) -> HTMLResponse:
    return pages.page(request, "admin/users.html", status_code, logins=_logins(request).all(),
                      roles=ROLE_NAMES_ZH, error=error, form=form or {})


@router.get("/admin/users", name="admin_users", response_class=HTMLResponse)
def admin_users(request: Request, pages: PagesDep) -> HTMLResponse:
    return _page(request, pages)


def _role(value: str) -> StaffRole:
    try:
        return StaffRole(value)
    except ValueError:
        raise InvalidInput("请选择账号角色") from None


@router.post("/admin/users", name="admin_create_user")
def admin_create_user(request: Request, system: SystemDep, pages: PagesDep,
                      csrf_token: Annotated[str, Form()] = "",
                      username: Annotated[str, Form()] = "", role: Annotated[str, Form()] = "",
                      name: Annotated[str, Form()] = "", village: Annotated[str, Form()] = "",
                      department: Annotated[str, Form()] = "",
                      password: Annotated[str, Form()] = "") -> Response:
    csrf.check(request, csrf_token)
    form = {"username": username, "role": role, "name": name, "village": village,
            "department": department}
    try:
        new = NewUser(username, _role(role), name, password, village.strip() or None,
                      department.strip() or None)
        _logins(request).create(new, system.bus.deps.clock.now())
    except InvalidInput as refusal:
        return _page(request, pages, 400, str(refusal), form)
    return RedirectResponse(request.url_for("admin_users"), status_code=303)


def _switch(request: Request, pages: PagesDep, username: str, csrf_token: str,
            enable: bool) -> Response:
    csrf.check(request, csrf_token)
    try:
        if username == signin.signed_in(request).username:
            raise InvalidInput("不能停用或启用自己正在使用的登录")
        if enable:
            _logins(request).enable(username)
        else:
            _logins(request).disable(username)
    except InvalidInput as refusal:
        return _page(request, pages, 400, str(refusal))
    return RedirectResponse(request.url_for("admin_users"), status_code=303)


@router.post("/admin/users/{username}/disable", name="admin_disable_user")
def admin_disable_user(request: Request, username: str, pages: PagesDep,
                       csrf_token: Annotated[str, Form()] = "") -> Response:
    return _switch(request, pages, username, csrf_token, enable=False)


@router.post("/admin/users/{username}/enable", name="admin_enable_user")
def admin_enable_user(request: Request, username: str, pages: PagesDep,
                      csrf_token: Annotated[str, Form()] = "") -> Response:
    return _switch(request, pages, username, csrf_token, enable=True)
