"""镇党委审定: the ranked list is approved as a whole and its publicity opens; the items
ticked as exceptions are not approved, each with its reason, in the same decision.
Mirrors ``sanchuang review approve --except ID --reason TEXT``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from models import township_queries as tq
from models.store import Store
from sanchuang.web import csrf, signin
from sanchuang.web import township_common as tc
from sanchuang.web.deps import BusDep, PagesDep, StoreDep
from sanchuang.web.i18n import gettext
from workflows import commands as c
from workflows.errors import DomainError, InvalidInput

router = APIRouter()
WAITING = ["final_approval"]


def _page(request: Request, store: Store, pages: PagesDep, status: int = 200,
          error: str = "", done: str = "") -> HTMLResponse:
    items = tq.nominations_in(store, tc.campaign_id(store), WAITING)
    return pages.page(request, "township/approval.html", status, items=items, error=error,
                      done=tc.done_text(done), **tc.names())


@router.get("/approval", name="approval", response_class=HTMLResponse)
def approval(request: Request, store: StoreDep, pages: PagesDep, done: str = "") -> HTMLResponse:
    return _page(request, store, pages, done=done)


def exceptions(listed: list[str], excluded: list[str], reasons: list[str],
               waiting: list[str]) -> dict[str, str]:
    """The exceptions with their reasons, checked against the list as it stands now."""
    if not waiting:
        raise InvalidInput(gettext("没有待审定的申报：评审排名后再审定"))
    if sorted(listed) != sorted(waiting) or len(reasons) != len(listed):
        raise InvalidInput(gettext("待审定名单已有变化，请核对刷新后的名单再审定"))
    if not set(excluded) <= set(waiting):
        raise InvalidInput(gettext("勾选的申报不在待审定名单中，请刷新后重试"))
    given = dict(zip(listed, reasons, strict=True))
    if any(not given[n].strip() for n in excluded):
        raise InvalidInput(gettext("每一件不予审定的申报都要写明理由"))
    return {n: given[n].strip() for n in excluded}


@router.post("/approval", name="approval_approve")
def approve(request: Request, store: StoreDep, bus: BusDep, pages: PagesDep,
            csrf_token: Annotated[str, Form()] = "",
            listed: Annotated[list[str] | None, Form()] = None,
            excluded: Annotated[list[str] | None, Form()] = None,
            reasons: Annotated[list[str] | None, Form()] = None) -> Response:
    csrf.check(request, csrf_token)
    campaign_id = tc.campaign_id(store)
    waiting = [n["id"] for n in tq.nominations_in(store, campaign_id, WAITING)]
    try:
        excepted = exceptions(listed or [], excluded or [], reasons or [], waiting)
        opened = tuple(n for n in waiting if n not in excepted)
        bus.handle(c.OpenPublicity(campaign_id, opened, signin.signed_in(request).actor(),
                                   exceptions=excepted))
    except DomainError as refusal:
        return _page(request, store, pages, 400, str(refusal))
    return tc.done("/approval", gettext("审定通过 %(n)s 件，进入公示；不予审定 %(m)s 件")
                   % {"n": len(opened), "m": len(excepted)})
