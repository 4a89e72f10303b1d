"""Every signed-in user's inbox: the notifications the workers wrote for their account."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from models import inbox_queries as q
from sanchuang.web import signin
from sanchuang.web.deps import PagesDep, StoreDep
from sanchuang.web.i18n import N_

router = APIRouter()
PAGE = 20


@router.get("/inbox", name="inbox", response_class=HTMLResponse)
def inbox(request: Request, store: StoreDep, pages: PagesDep, page: int = 1) -> HTMLResponse:
    user = signin.signed_in(request)
    messages, total = q.inbox(store, user.account_id, max(page, 1), PAGE)
    last = max((total + PAGE - 1) // PAGE, 1)
    if not 1 <= page <= last:
        raise HTTPException(404, N_("没有这一页"))
    return pages.page(request, "inbox/list.html", messages=messages, total=total, page=page,
                      last=last)


@router.get("/inbox/{message_id}", name="inbox_message", response_class=HTMLResponse)
def message(request: Request, store: StoreDep, pages: PagesDep, message_id: int) -> HTMLResponse:
    user = signin.signed_in(request)
    found = q.message(store, user.account_id, message_id) if 0 < message_id < 2**62 else None
    if found is None:
        raise HTTPException(404, N_("找不到这条消息"))
    return pages.page(request, "inbox/message.html", message=found)
