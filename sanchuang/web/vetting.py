"""The department officer's pages: their department's pending vetting requests and the
answer form. The scope ``own_department`` (permissions.py) keeps them to their own requests."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from models import department_queries
from sanchuang.web import csrf, signin
from sanchuang.web.actions.vetting import answer
from sanchuang.web.deps import PagesDep, SystemDep
from sanchuang.web.i18n import N_
from workflows.errors import DomainError

router = APIRouter()


@router.get("/vetting", name="vetting_list", response_class=HTMLResponse)
def vetting_list(request: Request, system: SystemDep, pages: PagesDep) -> HTMLResponse:
    user = signin.signed_in(request)
    items = department_queries.pending(system.store, user.department or "")
    return pages.page(request, "vetting/list.html", items=items,
                      now=system.bus.deps.clock.now())


def _form(request: Request, system: SystemDep, pages: PagesDep, request_id: str,
          status_code: int = 200, error: str = "", outcome: str = "",
          note: str = "") -> HTMLResponse:
    item = department_queries.request(system.store, request_id)
    if item is None:
        raise HTTPException(404, N_("找不到这个页面"))
    return pages.page(request, "vetting/form.html", status_code, item=item, error=error,
                      outcome=outcome, note=note, now=system.bus.deps.clock.now())


@router.get("/vetting/{request_id}", name="vetting_form", response_class=HTMLResponse)
def vetting_form(request: Request, request_id: str, system: SystemDep,
                 pages: PagesDep) -> HTMLResponse:
    return _form(request, system, pages, request_id)


@router.post("/vetting/{request_id}", name="vetting_answer")
def vetting_answer(request: Request, request_id: str, system: SystemDep, pages: PagesDep,
                   csrf_token: Annotated[str, Form()] = "",
                   outcome: Annotated[str, Form()] = "",
                   note: Annotated[str, Form()] = "") -> Response:
    csrf.check(request, csrf_token)
    user = signin.signed_in(request)
    try:
        answer(system.bus, request_id, user, outcome, note)
    except DomainError as refusal:
        return _form(request, system, pages, request_id, 400, str(refusal), outcome, note)
    return RedirectResponse(request.url_for("vetting_form", request_id=request_id), 303)
