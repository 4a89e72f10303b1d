"""The village clerk's pages: the village's nominations, one nomination with its live stage
timeline, submitting a draft and resubmitting a returned one, attachments, the roster.
The nomination form is in village_forms.py."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from models import title_queries as tq
from models import village_queries as q
from sanchuang.web import csrf, signin
from sanchuang.web import village_views as views
from sanchuang.web.deps import BusDep, PagesDep, StoreDep, SystemDep
from sanchuang.web.i18n import N_
from workflows import commands as c
from workflows.attachments import Kind
from workflows.errors import DomainError, Forbidden, NotFound
from workflows.handlers.attachments import open_attachment

router = APIRouter()
ROSTER_PAGE = 20
BASE = "/village/nominations"
DONE = {"submitted": N_("申报已提交，等待镇文明办初审"),
        "resubmitted": N_("已重新提交，等待镇文明办初审")}


def village_of(request: Request) -> str:
    user = signin.signed_in(request)
    if not user.village_id:
        raise HTTPException(403, N_("此账号未指定所属村（居）"))
    return user.village_id


@router.get(BASE, name="village_nominations", response_class=HTMLResponse)
def nominations(request: Request, store: StoreDep, pages: PagesDep) -> HTMLResponse:
    village_id = village_of(request)
    campaigns = q.current_campaigns(store, village_id)
    found = q.village_nominations(store, village_id, [x["id"] for x in campaigns])
    return pages.page(request, "village/nominations.html", campaigns=campaigns,
                      nominations=views.listing(found),
                      village_name=q.village_name(store, village_id))


def detail(request: Request, store: StoreDep, pages: PagesDep, nomination_id: str,
           status_code: int = 200, **context: Any) -> HTMLResponse:
    found = q.nomination(store, nomination_id)
    if found is None:
        raise HTTPException(404, N_("找不到这份申报"))
    steps = [views.step(s) for s in q.timeline(store, nomination_id)]
    files = [views.attachment(a) for a in q.attachments(store, nomination_id)]
    context.setdefault("error", "")
    context.setdefault("note", "")
    context.setdefault("done", DONE.get(request.query_params.get("done", ""), ""))
    return pages.page(request, "village/nomination.html", status_code,
                      nomination=views.row(found), steps=steps, attachments=files,
                      plaque_from=tq.plaque_from(store, nomination_id), **context)


@router.get(BASE + "/{nomination_id}", name="village_nomination", response_class=HTMLResponse)
def nomination(request: Request, store: StoreDep, pages: PagesDep,
               nomination_id: str) -> HTMLResponse:
    return detail(request, store, pages, nomination_id)


@router.get(BASE + "/{nomination_id}/timeline", name="village_timeline",
            response_class=HTMLResponse)
def timeline(store: StoreDep, pages: PagesDep, nomination_id: str) -> HTMLResponse:
    """The stage timeline alone: the part of the nomination page that refreshes itself."""
    found = q.nomination(store, nomination_id)
    if found is None:
        raise HTTPException(404, N_("找不到这份申报"))
    steps = [views.step(s) for s in q.timeline(store, nomination_id)]
    return pages.render("village/_timeline.html", nomination=views.row(found), steps=steps)


def stage_move(request: Request, store: StoreDep, bus: BusDep, pages: PagesDep,
               command: c.StageCommand, done: str) -> Response:
    try:
        bus.handle(command)
    except DomainError as refusal:
        return detail(request, store, pages, command.nomination_id, 400, error=str(refusal),
                      note=command.reason)
    return RedirectResponse(f"{BASE}/{command.nomination_id}?done={quote(done)}", 303)


@router.post(BASE + "/{nomination_id}/submit", name="village_submit")
def submit(request: Request, store: StoreDep, bus: BusDep, pages: PagesDep, nomination_id: str,
           csrf_token: Annotated[str, Form()] = "") -> Response:
    csrf.check(request, csrf_token)
    actor = signin.signed_in(request).actor()
    return stage_move(request, store, bus, pages, c.SubmitNomination(nomination_id, actor),
                      "submitted")


@router.post(BASE + "/{nomination_id}/resubmit", name="village_resubmit")
def resubmit(request: Request, store: StoreDep, bus: BusDep, pages: PagesDep,
             nomination_id: str, csrf_token: Annotated[str, Form()] = "",
             note: Annotated[str, Form()] = "") -> Response:
    csrf.check(request, csrf_token)
    actor = signin.signed_in(request).actor()
    return stage_move(request, store, bus, pages,
                      c.ResubmitNomination(nomination_id, actor, reason=note), "resubmitted")


@router.get(BASE + "/{nomination_id}/attachments/{attachment_id}", name="village_attachment")
def attachment(request: Request, system: SystemDep, nomination_id: str,
               attachment_id: str) -> Response:
    """The file as a download, to those the attachment rules let read it."""
    actor = signin.signed_in(request).actor()
    if not attachment_id.isalnum() or len(attachment_id) > 32:
        raise HTTPException(404, N_("找不到这个附件"))
    try:
        found, content = open_attachment(system.store.uow(), system.bus.deps.blobs,
                                         attachment_id, actor)
    except NotFound:
        raise HTTPException(404, N_("找不到这个附件")) from None
    except Forbidden as refusal:
        raise HTTPException(403, str(refusal)) from None
    if found.nomination_id != nomination_id:
        raise HTTPException(404, N_("找不到这个附件"))
    fallback = f"{found.id}.{'jpg' if found.kind is Kind.JPEG else found.kind.value}"
    disposition = f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(found.filename)}"
    return Response(content, media_type=views.MEDIA_TYPES[found.kind],
                    headers={"Content-Disposition": disposition,
                             "X-Content-Type-Options": "nosniff",
                             "Cache-Control": "private, no-store"})


@router.get("/village/roster", name="village_roster", response_class=HTMLResponse)
def roster(request: Request, store: StoreDep, pages: PagesDep, page: int = 1) -> HTMLResponse:
    village_id = village_of(request)
    total, households = q.roster_page(store, village_id, max(page, 1), ROSTER_PAGE)
    last = max((total + ROSTER_PAGE - 1) // ROSTER_PAGE, 1)
    if page < 1 or page > last:
        raise HTTPException(404, N_("没有这一页"))
    shown = [{"id": h["id"], "head_name": h["head_name"],
              "members": [views.member(m) for m in h["members"]]} for h in households]
    return pages.page(request, "village/roster.html", households=shown, total=total,
                      page=page, last=last, village_name=q.village_name(store, village_id))
