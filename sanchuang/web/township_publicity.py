"""镇文明办的公示、异议和表彰: open publicity for the list waiting for it, follow the open
windows, resolve the objections received (the complainant is shown here only), and publish
the commendation decision once publicity is over."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from models import objection_queries as oq
from models import township_queries as tq
from models.store import Store
from sanchuang.web import csrf, signin
from sanchuang.web import township_common as tc
from sanchuang.web.deps import BusDep, PagesDep, StoreDep
from sanchuang.web.i18n import gettext
from workflows import commands as c
from workflows.errors import DomainError, InvalidInput

router = APIRouter()


def _publicity(request: Request, store: Store, pages: PagesDep, status: int = 200,
               error: str = "", done: str = "") -> HTMLResponse:
    campaign_id = tc.campaign_id(store)
    return pages.page(request, "township/publicity.html", status, error=error,
                      done=tc.done_text(done), windows=tq.windows(store, campaign_id),
                      waiting=tq.nominations_in(store, campaign_id, ["final_approval"]),
                      versions=oq.notice_versions(store, campaign_id),
                      **tc.names())


@router.get("/township/publicity", name="township_publicity", response_class=HTMLResponse)
def publicity(request: Request, store: StoreDep, pages: PagesDep,
              done: str = "") -> HTMLResponse:
    return _publicity(request, store, pages, done=done)


def start_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text.strip() else None
    except ValueError as bad:
        raise InvalidInput(gettext("公示开始日期“%(text)s”无法识别，应为 2026-12-01 的格式")
                           % {"text": text[:20]}) from bad


@router.post("/township/publicity", name="township_publicity_open")
def publicity_open(request: Request, store: StoreDep, bus: BusDep, pages: PagesDep,
                   csrf_token: Annotated[str, Form()] = "",
                   starts_on: Annotated[str, Form()] = "") -> Response:
    csrf.check(request, csrf_token)
    campaign_id = tc.campaign_id(store)
    waiting = tuple(n["id"] for n in tq.nominations_in(store, campaign_id, ["final_approval"]))
    try:
        bus.handle(c.OpenPublicity(campaign_id, waiting, signin.signed_in(request).actor(),
                                   starts_on=start_day(starts_on)))
    except DomainError as refusal:
        return _publicity(request, store, pages, 400, str(refusal))
    return tc.done("/township/publicity", gettext("已开始公示，共 %(n)s 件") % {"n": len(waiting)})


def _commendation(request: Request, store: Store, pages: PagesDep, status: int = 200,
                  error: str = "", done: str = "", number: str = "") -> HTMLResponse:
    campaign_id = tc.campaign_id(store)
    return pages.page(request, "township/commendation.html", status, error=error,
                      done=tc.done_text(done), number=number,
                      decisions=tq.decisions(store, campaign_id),
                      approved=tq.nominations_in(store, campaign_id, ["approved"]),
                      commended=tq.nominations_in(store, campaign_id, ["commended", "revoked"]),
                      **tc.names())


@router.get("/township/commendation", name="township_commendation",
            response_class=HTMLResponse)
def commendation(request: Request, store: StoreDep, pages: PagesDep,
                 done: str = "") -> HTMLResponse:
    return _commendation(request, store, pages, done=done)


@router.post("/township/commendation", name="township_commendation_publish")
def commendation_publish(request: Request, store: StoreDep, bus: BusDep, pages: PagesDep,
                         csrf_token: Annotated[str, Form()] = "",
                         number: Annotated[str, Form()] = "") -> Response:
    csrf.check(request, csrf_token)
    command = c.PublishCommendation(tc.campaign_id(store), signin.signed_in(request).actor(),
                                    number)
    try:
        bus.handle(command)
    except DomainError as refusal:
        return _commendation(request, store, pages, 400, str(refusal), number=number)
    return tc.done("/township/commendation", gettext("表彰决定已发布"))
