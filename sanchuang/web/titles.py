"""称号管理: the titles after the award, one title's record and the form for its next step
(the revocation case, plaques, re-rating, cancellation; the forms are in title_forms.py),
and the revocation notice as a printable page once the party committee has decided.
Mirrors ``sanchuang review title list`` and ``… notice``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from models import title_queries as tq
from models import township_queries as township
from models.store import Store
from sanchuang.documents import title_documents as td
from sanchuang.web import signin
from sanchuang.web import township_common as tc
from sanchuang.web.deps import PagesDep, StoreDep
from sanchuang.web.i18n import N_
from workflows.calendar import local_date
from workflows.errors import DomainError
from workflows.rerating import OUTCOME_NAMES_ZH
from workflows.title_record import (
    CANCEL_REASONS,
    CASE_NAMES_ZH,
    PLAQUE_STEPS,
    REVOCATION_REASONS,
    STATUS_NAMES_ZH,
)

router = APIRouter()
NAMES: dict[str, Any] = {"status_names": STATUS_NAMES_ZH, "case_names": CASE_NAMES_ZH,
                         "reasons": REVOCATION_REASONS, "plaque_steps": PLAQUE_STEPS,
                         "cancel_reasons": CANCEL_REASONS, "outcomes": OUTCOME_NAMES_ZH}


def title_view(store: Store, nomination_id: str) -> tq.TitleView:
    found = tq.title_of(store, nomination_id) if nomination_id.isalnum() else None
    if found is None:
        raise HTTPException(404, N_("找不到这个称号"))
    return found


def title_page(request: Request, store: Store, pages: PagesDep, nomination_id: str,
               status: int = 200, error: str = "", done: str = "") -> HTMLResponse:
    """The title's record and the forms its step and the user's role allow."""
    view = title_view(store, nomination_id)
    record = view.record
    return pages.page(request, "titles/title.html", status, view=view, t=record,
                      role=signin.signed_in(request).role.value,
                      criteria=tq.pinned_rubric(store, nomination_id).criteria,
                      history=township.history(store, nomination_id),
                      noticeable=record.status == "revoked"
                      and record.case_stage in ("decided", "noticed"),
                      error=error, done=tc.done_text(done), **NAMES, **tc.names())


@router.get("/titles", name="titles_list", response_class=HTMLResponse)
def titles(request: Request, store: StoreDep, pages: PagesDep,
           status: str = "") -> HTMLResponse:
    chosen = status if status in STATUS_NAMES_ZH else ""
    return pages.page(request, "titles/list.html", 200, views=tq.title_roll(store, "", chosen),
                      status=chosen, **NAMES, **tc.names())


@router.get("/titles/{nomination_id}", name="titles_title", response_class=HTMLResponse)
def title(request: Request, nomination_id: str, store: StoreDep, pages: PagesDep,
          done: str = "") -> HTMLResponse:
    return title_page(request, store, pages, nomination_id, done=done)


@router.get("/titles/{nomination_id}/notice", name="titles_notice_page",
            response_class=HTMLResponse)
def notice(nomination_id: str, store: StoreDep) -> HTMLResponse:
    """The revocation notice, printable, once the party committee decided to revoke."""
    view = title_view(store, nomination_id)
    try:
        text = td.revocation_notice(store, view, local_date(store.clock.now()))
    except DomainError as refusal:
        raise HTTPException(404, str(refusal)) from None
    return HTMLResponse(text)
