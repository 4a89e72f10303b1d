"""镇文明办的初审和评审组: accept, return or reject what the villages submitted; choose
each programme's reviewers and rank what passed the panel. Mirrors ``sanchuang review
accept|return|reject|panel assign|rank``, with the signed-in user as the actor."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from models import township_queries as tq
from models.store import Store
from sanchuang.web import csrf, signin
from sanchuang.web import township_common as tc
from sanchuang.web.actions.review import review_command
from sanchuang.web.deps import BusDep, PagesDep, StoreDep
from sanchuang.web.i18n import N_, gettext
from workflows import commands as c
from workflows.errors import DomainError

router = APIRouter()
QUEUE = ["submitted", "preliminary_review"]
DONE_ZH = {"accept": N_("初审通过，进入评审"), "return": N_("已退回补充材料"),
           "reject": N_("已不予通过")}


def _review_page(request: Request, store: Store, pages: PagesDep, status: int = 200,
                 error: str = "", done: str = "") -> HTMLResponse:
    items = tq.nominations_in(store, tc.campaign_id(store), QUEUE)
    return pages.page(request, "township/review.html", status, items=items, error=error,
                      done=tc.done_text(done), **tc.names())


@router.get("/township/review", name="township_review", response_class=HTMLResponse)
def review(request: Request, store: StoreDep, pages: PagesDep, done: str = "") -> HTMLResponse:
    return _review_page(request, store, pages, done=done)


@router.post("/township/review/{nomination_id}", name="township_review_act")
def review_act(request: Request, nomination_id: str, store: StoreDep, bus: BusDep,
               pages: PagesDep, csrf_token: Annotated[str, Form()] = "",
               action: Annotated[str, Form()] = "",
               reason: Annotated[str, Form()] = "") -> Response:
    csrf.check(request, csrf_token)
    try:
        bus.handle(review_command(action, nomination_id, signin.signed_in(request).actor(),
                                  reason))
    except DomainError as refusal:
        return _review_page(request, store, pages, 400, str(refusal))
    message = gettext(DONE_ZH[action])
    note = tq.stage_reason(store, nomination_id) if action == "accept" else ""
    return tc.done("/township/review", f"{message}{'；' + note if note else ''}")


def _panel_page(request: Request, store: Store, pages: PagesDep, status: int = 200,
                error: str = "", done: str = "") -> HTMLResponse:
    campaign_id = tc.campaign_id(store)
    ranked = tq.nominations_in(store, campaign_id, ["final_approval"])
    return pages.page(request, "township/panel.html", status, panels=tq.panels(store, campaign_id),
                      reviewers=tq.reviewers(store), ranked=ranked, error=error,
                      done=tc.done_text(done), **tc.names())


@router.get("/township/panel", name="township_panel", response_class=HTMLResponse)
def panel(request: Request, store: StoreDep, pages: PagesDep, done: str = "") -> HTMLResponse:
    return _panel_page(request, store, pages, done=done)


@router.post("/township/panel/assign", name="township_panel_assign")
def panel_assign(request: Request, store: StoreDep, bus: BusDep, pages: PagesDep,
                 csrf_token: Annotated[str, Form()] = "",
                 programme: Annotated[str, Form()] = "",
                 reviewer_ids: Annotated[list[str] | None, Form()] = None) -> Response:
    csrf.check(request, csrf_token)
    if not reviewer_ids:
        return _panel_page(request, store, pages, 400, gettext("请至少选择一位评审委员"))
    command = c.AssignReviewers(tc.campaign_id(store), programme, tuple(reviewer_ids),
                                signin.signed_in(request).actor())
    try:
        added = bus.handle(command)
    except DomainError as refusal:
        return _panel_page(request, store, pages, 400, str(refusal))
    return tc.done("/township/panel", gettext("%(programme)s新增评委 %(n)s 位")
                   % {"programme": gettext(tc.programme_name(programme)), "n": added})


@router.post("/township/panel/rank", name="township_panel_rank")
def panel_rank(request: Request, store: StoreDep, bus: BusDep, pages: PagesDep,
               csrf_token: Annotated[str, Form()] = "",
               programme: Annotated[str, Form()] = "") -> Response:
    csrf.check(request, csrf_token)
    command = c.RankPanel(tc.campaign_id(store), programme, signin.signed_in(request).actor())
    try:
        placed: list[Any] = bus.handle(command)
    except DomainError as refusal:
        return _panel_page(request, store, pages, 400, str(refusal))
    warnings = "；".join(p.warning for p in placed if p.warning)
    message = gettext("%(programme)s已排名 %(n)s 件") % {
        "programme": gettext(tc.programme_name(programme)), "n": len(placed)}
    return tc.done("/township/panel", message + (f"；{warnings}" if warnings else ""))
