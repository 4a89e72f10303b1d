"""The nomination form of each programme: nominee from the village's roster, deeds, the
self-assessment against the campaign's rubric, the assembly record, one attachment."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from models import village_queries as q
from sanchuang.web import csrf, signin
from sanchuang.web import village_views as views
from sanchuang.web.deps import BusDep, PagesDep, StoreDep
from sanchuang.web.i18n import N_
from sanchuang.web.village import BASE, detail, village_of
from sanchuang.web.village_submission import LeftAsDraft, NominationForm, submit_new
from workflows.attachments import PURPOSE_NAMES_ZH, Purpose
from workflows.calendar import local_date
from workflows.campaign import Campaign
from workflows.errors import DomainError
from workflows.policy import PROGRAMME_NAMES_ZH, Programme

router = APIRouter()
HELD_BACK = ("content", "filename", "programme")  # the file is chosen again; the rest re-shown
PURPOSES = [(p.value, PURPOSE_NAMES_ZH[p]) for p in (Purpose.MINUTES, Purpose.DEEDS)]


def current_campaign(store: StoreDep, village_id: str) -> Campaign:
    campaigns = q.current_campaigns(store, village_id)
    if not campaigns:
        raise HTTPException(404, N_("本镇目前没有进行中的评选活动"))
    return q.campaign(store, campaigns[0]["id"])


def form_page(request: Request, store: StoreDep, pages: PagesDep, programme: str,
              status_code: int = 200, error: str = "", **entered: Any) -> HTMLResponse:
    village_id = village_of(request)
    if programme not in {p.value for p in Programme}:
        return pages.page(request, "village/choose.html", status_code, error=error,
                          programmes=list(PROGRAMME_NAMES_ZH.items()))
    campaign = current_campaign(store, village_id)
    chosen = Programme(programme)
    policy = campaign.policy.programme(chosen)
    return pages.page(
        request, "village/new.html", status_code, error=error, campaign=campaign,
        programme=chosen.value, programme_name=views.programme_name(chosen.value),
        criteria=campaign.rubric(chosen).criteria, categories=policy.categories,
        nominees=q.nominees(store, village_id), village_id=village_id,
        village_name=q.village_name(store, village_id), purposes=PURPOSES, form=entered)


@router.get(BASE + "/new", name="village_new", response_class=HTMLResponse)
def new(request: Request, store: StoreDep, pages: PagesDep, programme: str = "") -> HTMLResponse:
    return form_page(request, store, pages, programme)


async def upload(file: UploadFile | None, limit: int) -> tuple[str, bytes]:
    """(name, bytes) of the chosen file, read no further than one byte past the limit."""
    if file is None or not file.filename:
        return "", b""
    return file.filename, await file.read(limit + 1)


@router.post(BASE + "/new", name="village_create")
async def create(
    request: Request, store: StoreDep, bus: BusDep, pages: PagesDep,
    csrf_token: Annotated[str, Form()] = "", programme: Annotated[str, Form()] = "",
    subject_id: Annotated[str, Form()] = "", category: Annotated[str, Form()] = "",
    deeds: Annotated[str, Form()] = "", marks: Annotated[list[str] | None, Form()] = None,
    held_on: Annotated[str, Form()] = "", members_required: Annotated[str, Form()] = "",
    members_present: Annotated[str, Form()] = "", votes_for: Annotated[str, Form()] = "",
    votes_against: Annotated[str, Form()] = "", abstentions: Annotated[str, Form()] = "",
    purpose: Annotated[str, Form()] = "minutes",
    attachment: Annotated[UploadFile | None, File()] = None,
) -> Response:
    csrf.check(request, csrf_token)
    limit = bus.deps.blobs.max_bytes if bus.deps.blobs else 0
    filename, content = await upload(attachment, limit)
    form = NominationForm(programme, subject_id.strip(), category, deeds, tuple(marks or ()),
                          held_on, members_required, members_present, votes_for,
                          votes_against, abstentions, purpose, filename, content)
    return await run_in_threadpool(submitted, request, store, bus, pages, form)


def submit_for_village(request: Request, store: StoreDep, bus: BusDep,
                       form: NominationForm) -> str:
    """The signed-in clerk's nomination, created and submitted in the village's current
    campaign (see ``submit_new`` for the refusals)."""
    user = signin.signed_in(request)
    campaign = current_campaign(store, village_of(request))
    return submit_new(bus, campaign, user.actor(), form, local_date(bus.deps.clock.now()))


def submitted(request: Request, store: StoreDep, bus: BusDep, pages: PagesDep,
              form: NominationForm) -> Response:
    """Create and submit (blocking work, off the event loop); the page the clerk sees next."""
    try:
        nomination_id = submit_for_village(request, store, bus, form)
    except LeftAsDraft as draft:
        return detail(request, store, pages, draft.nomination_id, 400,
                      error=draft.message, draft_kept=True)
    except DomainError as refusal:
        entered = {k: v for k, v in vars(form).items() if k not in HELD_BACK}
        return form_page(request, store, pages, form.programme, 400, str(refusal), **entered)
    return RedirectResponse(f"{BASE}/{nomination_id}?done=submitted", status_code=303)

