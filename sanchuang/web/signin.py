"""Signing in and out, the desk every signed-in user lands on, and who the API caller is."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from sanchuang.accounts import User
from sanchuang.web import csrf
from sanchuang.web.api_models import Me, Problem
from sanchuang.web.deps import PagesDep, SystemDep
from sanchuang.web.i18n import N_

router = APIRouter()
api_router = APIRouter(tags=["账号"])


def safe_next(value: str) -> str:
    """Only a path of this site: never another host (``//x``, ``/\\x``) or a scheme."""
    if (not value.startswith("/") or value.startswith(("//", "/\\"))
            or any(c in value for c in "\r\n\t") or len(value) > 500):
        return "/desk"
    return value


def signed_in(request: Request) -> User:
    user: User | None = getattr(request.state, "user", None)
    if user is None:  # authorise lets only signed-in users reach staff routes
        raise HTTPException(401, "请先登录")
    return user


@router.get("/login", name="login_form", response_class=HTMLResponse)
def login_form(request: Request, pages: PagesDep, next: str = "/desk") -> HTMLResponse:
    return pages.page(request, "login.html", next=safe_next(next), error="", username="")


@router.post("/login", name="login")
def login(request: Request, system: SystemDep, pages: PagesDep,
          csrf_token: Annotated[str, Form()] = "", username: Annotated[str, Form()] = "",
          password: Annotated[str, Form()] = "",
          next: Annotated[str, Form()] = "/desk") -> Response:
    csrf.check(request, csrf_token)
    address = request.client.host if request.client else "unknown"
    throttle = request.app.state.login_throttle
    if not (throttle.allow(f"address:{address}")
            and throttle.allow(f"user:{username.strip().lower()[:64]}")):
        raise HTTPException(429, "登录尝试过于频繁，请十分钟后再试")
    user = request.app.state.logins.authenticate(username, password)
    if user is None:
        return pages.page(request, "login.html", 400, next=safe_next(next),
                          error=N_("登录名或密码不正确，或账号已停用"), username=username[:64])
    response = RedirectResponse(safe_next(next), status_code=303)
    request.app.state.sessions.start(response, user)
    return response


@router.post("/logout", name="logout")
def logout(request: Request, csrf_token: Annotated[str, Form()] = "") -> Response:
    csrf.check(request, csrf_token)
    response = RedirectResponse("/", status_code=303)
    request.app.state.sessions.end(response)
    return response


@router.get("/desk", name="desk", response_class=HTMLResponse)
def desk(request: Request, pages: PagesDep) -> HTMLResponse:
    signed_in(request)
    return pages.page(request, "desk.html")


SIGN_IN_FIRST: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "未登录：请求头 Authorization: Bearer <令牌>"}}


@api_router.get("/me", name="api_me", responses=SIGN_IN_FIRST)
def api_me(request: Request) -> Me:
    """当前登录账号（会话或接口令牌）。"""
    user = signed_in(request)
    return Me(username=user.username, name=user.name, role=user.role.value,
              village_id=user.village_id, department=user.department)
