"""One nomination as the secretariat sees it: its details and the course of its review
from the audit chain; a commended nomination's title can be revoked here, with a reason
(``RevokeTitle``: the title is ended on the roll of titles)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from models import township_queries as tq
from models.store import Store
from sanchuang.web import csrf, signin
from sanchuang.web import township_common as tc
from sanchuang.web.deps import BusDep, PagesDep, StoreDep
from sanchuang.web.i18n import N_, gettext
from workflows import commands as c
from workflows.errors import DomainError

router = APIRouter()


def _page(request: Request, store: Store, pages: PagesDep, nomination_id: str,
          status: int = 200, error: str = "", done: str = "") -> HTMLResponse:
    found = tq.nomination(store, nomination_id) if nomination_id.isalnum() else None
    if found is None:
        raise HTTPException(404, N_("找不到这件申报"))
    return pages.page(request, "township/nomination.html", status, nomination=found,
                      history=tq.history(store, nomination_id), error=error,
                      done=tc.done_text(done), **tc.names())


@router.get("/township/nominations/{nomination_id}", name="township_nomination",
            response_class=HTMLResponse)
def nomination(request: Request, nomination_id: str, store: StoreDep, pages: PagesDep,
               done: str = "") -> HTMLResponse:
    return _page(request, store, pages, nomination_id, done=done)


@router.post("/township/nominations/{nomination_id}/revoke", name="township_revoke")
def revoke(request: Request, nomination_id: str, store: StoreDep, bus: BusDep,
           pages: PagesDep, csrf_token: Annotated[str, Form()] = "",
           reason: Annotated[str, Form()] = "",
           version: Annotated[int | None, Form()] = None) -> Response:
    csrf.check(request, csrf_token)
    if not reason.strip():
        return _page(request, store, pages, nomination_id, 400,
                     gettext("撤销称号须写明理由"))
    command = c.RevokeTitle(nomination_id, signin.signed_in(request).actor(), reason,
                            expected_version=version)
    try:
        bus.handle(command)
    except DomainError as refusal:
        return _page(request, store, pages, nomination_id, 400, str(refusal))
    return tc.done(f"/township/nominations/{nomination_id}", gettext("称号已撤销"))
