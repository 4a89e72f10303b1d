"""Refusals as the visitor sees them: a Chinese page for pages, JSON for the API."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from sanchuang.web.i18n import N_
from sanchuang.web.pages import Pages
from sanchuang.web.permissions import SignInRequired, login_url

MESSAGES = {404: N_("找不到这个页面"), 405: N_("不支持这种请求方式")}
FAILED = N_("请求未能完成")


def install(app: FastAPI, api_prefix: str) -> None:
    pages: Pages = app.state.pages

    @app.exception_handler(SignInRequired)
    async def sign_in(request: Request, exc: SignInRequired) -> Response:
        return RedirectResponse(login_url(exc.next_path), status_code=303)

    @app.exception_handler(HTTPException)
    async def refused(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) and exc.detail not in (
            "Not Found", "Method Not Allowed") else MESSAGES.get(exc.status_code, FAILED)
        if request.url.path.startswith(api_prefix):
            return JSONResponse({"detail": message}, exc.status_code, headers=exc.headers)
        return pages.render("error.html", exc.status_code, message=message)
