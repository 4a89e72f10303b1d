"""The public pages: open publicity notices, objections with a receipt, the honour roll and
the check of a published document's hash. No login; routes parse, call the bus, render."""

from __future__ import annotations

import re
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from models import objection_queries, public_queries
from sanchuang.web import csrf, i18n, views
from sanchuang.web.actions import objections
from sanchuang.web.deps import BusDep, NoticeDep, PagesDep, StoreDep, SystemDep
from workflows.errors import DomainError

router = APIRouter()


@router.get("/", name="home", response_class=HTMLResponse)
def home(pages: PagesDep) -> HTMLResponse:
    return pages.render("home.html")


@router.get("/language", name="language")
def language(request: Request, to: str = "") -> Response:
    """Switch the language of the pages and go back to the page the link was on."""
    back = urlsplit(request.headers.get("referer", ""))
    same_site = back.netloc == request.url.netloc and back.path.startswith("/")
    target = back.path + (f"?{back.query}" if back.query else "") if same_site else "/"
    response = RedirectResponse(target if not target.startswith("//") else "/", 303)
    if to in i18n.LANGUAGES:
        response.set_cookie(i18n.COOKIE, to, max_age=365 * 86400, samesite="lax")
    return response


@router.get("/publicity", name="publicity_list", response_class=HTMLResponse)
def publicity_list(system: SystemDep, pages: PagesDep) -> HTMLResponse:
    now = system.bus.deps.clock.now()
    notices = [views.notice_summary(n, now)
               for n in public_queries.open_notices(system.store, now)]
    return pages.render("publicity_list.html", notices=notices)


def _notice_response(request: Request, system: SystemDep, pages: PagesDep, found: NoticeDep,
                     status_code: int = 200, **form: Any) -> HTMLResponse:
    nonce, token = csrf.issue(request)
    page = views.notice_page(found, system.bus.deps.clock.now())
    changes = objection_queries.notice_changes(system.store, found.notice)
    response = pages.render("notice.html", status_code, notice=page, csrf_token=token,
                            error=form.pop("error", ""), form=form, changes=changes)
    csrf.set_cookie(response, nonce)
    return response


@router.get("/publicity/{window_id}", name="publicity_notice", response_class=HTMLResponse)
def publicity_notice(request: Request, system: SystemDep, pages: PagesDep,
                     found: NoticeDep) -> HTMLResponse:
    return _notice_response(request, system, pages, found)


@router.post("/publicity/{window_id}/objections", name="file_objection")
def file_objection(request: Request, system: SystemDep, bus: BusDep, pages: PagesDep,
                   found: NoticeDep, csrf_token: Annotated[str, Form()] = "",
                   nomination_id: Annotated[str, Form()] = "",
                   name: Annotated[str, Form()] = "", contact: Annotated[str, Form()] = "",
                   content: Annotated[str, Form()] = "") -> Response:
    csrf.check(request, csrf_token)
    objections.throttle(request)
    form = {"nomination_id": nomination_id, "name": name, "contact": contact,
            "content": content}
    try:
        code = objections.file_objection(bus, found, **form)
    except DomainError as refusal:
        return _notice_response(request, system, pages, found, 400, error=str(refusal), **form)
    return RedirectResponse(request.url_for("objection_receipt", code=code), status_code=303)


@router.get("/objections/receipt", name="objection_lookup", response_class=HTMLResponse)
def objection_lookup(request: Request, pages: PagesDep, code: str = "") -> Response:
    """Look a case up by the receipt number the complainant was given."""
    wanted = code.strip().upper()[:40]
    if re.fullmatch(r"[0-9A-F]{8}", wanted):
        return RedirectResponse(request.url_for("objection_receipt", code=wanted), 303)
    error = i18n.N_("回执编号是8位数字或字母（A–F），请核对后再查") if wanted else ""
    return pages.render("receipt_lookup.html", 400 if wanted else 200, code=wanted,
                        error=error)


@router.get("/objections/receipt/{code}", name="objection_receipt",
            response_class=HTMLResponse)
def objection_receipt(code: str, store: StoreDep, pages: PagesDep) -> HTMLResponse:
    status = public_queries.objection_status(store, code)
    if status is None:
        raise HTTPException(404, i18n.N_("找不到这个回执编号"))
    return pages.render("receipt.html", code=code.upper(), status=status,
                        status_name=views.STATUS_NAMES_ZH.get(status.status, status.status))


@router.get("/honours", name="honours", response_class=HTMLResponse)
def honours(store: StoreDep, pages: PagesDep) -> HTMLResponse:
    roll = views.honour_roll(public_queries.latest_decision(store))
    return pages.render("honours.html", roll=roll)


@router.get("/verify", name="verify", response_class=HTMLResponse)
def verify(store: StoreDep, pages: PagesDep, hash: str = "") -> HTMLResponse:
    wanted = hash.strip()
    found = public_queries.document_by_hash(store, wanted) if wanted else None
    return pages.render("verify.html", wanted=wanted,
                        found=views.verified(found) if found else None)
