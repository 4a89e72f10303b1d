"""One nomination as the secretariat sees it: its details and the course of its review
from the audit chain; a commended nomination links to its title's page (称号管理), where a
revocation runs report → verification → the party committee's decision."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from models import township_queries as tq
from models.store import Store
from sanchuang.web import township_common as tc
from sanchuang.web.deps import PagesDep, StoreDep
from sanchuang.web.i18n import N_

router = APIRouter()


def _page(request: Request, store: Store, pages: PagesDep, nomination_id: str,
          done: str = "") -> HTMLResponse:
    found = tq.nomination(store, nomination_id) if nomination_id.isalnum() else None
    if found is None:
        raise HTTPException(404, N_("找不到这件申报"))
    return pages.page(request, "township/nomination.html", 200, nomination=found,
                      history=tq.history(store, nomination_id), error="",
                      done=tc.done_text(done), **tc.names())


@router.get("/township/nominations/{nomination_id}", name="township_nomination",
            response_class=HTMLResponse)
def nomination(request: Request, nomination_id: str, store: StoreDep, pages: PagesDep,
               done: str = "") -> HTMLResponse:
    return _page(request, store, pages, nomination_id, done=done)
