"""The village clerk's endpoints of the JSON API: the village's nominations, one with its
timeline, a new nomination submitted in one request (as the form does), resubmitting a
returned one. The same functions as the pages build the domain commands."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from models import village_queries as q
from sanchuang.web import signin
from sanchuang.web import village_views as views
from sanchuang.web.api_common import STAFF_READ, STAFF_READ_ONE, STAFF_WRITE, moved, refusals
from sanchuang.web.api_staff_models import (
    AttachmentInfo,
    Moved,
    NewNomination,
    NominationDetail,
    NominationSummary,
    Refused,
    Resubmission,
    Step,
)
from sanchuang.web.deps import BusDep, StoreDep
from sanchuang.web.i18n import N_
from sanchuang.web.village import village_of
from sanchuang.web.village_forms import current_campaign, submit_for_village
from sanchuang.web.village_submission import LeftAsDraft, NominationForm, marks_in_order
from workflows import commands as c
from workflows.errors import InvalidInput

router = APIRouter(tags=["村（居）委会"])


def summary(found: dict[str, Any]) -> dict[str, Any]:
    shown = views.row(found)
    return {**shown, "nomination_id": shown["id"]}


@router.get("/nominations", name="api_nominations", responses=STAFF_READ)
def api_nominations(request: Request, store: StoreDep) -> list[NominationSummary]:
    """本村在当前评选活动中的申报（退回补充的在前）。"""
    village_id = village_of(request)
    campaigns = [x["id"] for x in q.current_campaigns(store, village_id)]
    return [NominationSummary(**summary(n))
            for n in views.listing(q.village_nominations(store, village_id, campaigns))]


@router.get("/nominations/{nomination_id}", name="api_nomination", responses=STAFF_READ_ONE)
def api_nomination(store: StoreDep, nomination_id: str) -> NominationDetail:
    """一份申报及其办理时间线和附件。"""
    found = q.nomination(store, nomination_id)
    if found is None:
        raise HTTPException(404, N_("找不到这份申报"))
    return NominationDetail(
        **summary(found), timeline=[Step(**views.step(s)) for s in q.timeline(
            store, nomination_id)],
        attachments=[AttachmentInfo(**a) for a in q.attachments(store, nomination_id)])


def form_of(request: Request, store: StoreDep, body: NewNomination) -> NominationForm:
    """The body as the form would have posted it."""
    campaign_marks: tuple[str, ...] = ()
    if body.marks:
        campaign_marks = marks_in_order(current_campaign(store, village_of(request)),
                                        body.programme, body.marks)
    meeting = body.assembly.model_dump(mode="json") if body.assembly else {}
    entered = {k: str(v) for k, v in meeting.items()}
    filename, content, purpose = "", b"", "minutes"
    if body.attachment is not None:
        filename, purpose = body.attachment.filename, body.attachment.purpose
        try:
            content = base64.b64decode(body.attachment.content_base64, validate=True)
        except (binascii.Error, ValueError):
            raise InvalidInput("附件内容不是有效的 Base64") from None
    return NominationForm(body.programme, body.subject_id.strip(), body.category, body.deeds,
                          campaign_marks, purpose=purpose, filename=filename, content=content,
                          **entered)


def create(request: Request, store: StoreDep, bus: BusDep, body: NewNomination) -> Any:
    try:
        with refusals():
            nomination_id = submit_for_village(request, store, bus,
                                               form_of(request, store, body))
    except LeftAsDraft as draft:
        kept = Refused(detail=draft.message, nomination_id=draft.nomination_id)
        return JSONResponse(kept.model_dump(), status_code=400)
    return moved(store, nomination_id)


@router.post("/nominations", name="api_create_nomination", status_code=201,
             responses=STAFF_WRITE)
async def api_create_nomination(request: Request, store: StoreDep, bus: BusDep,
                                body: NewNomination) -> Moved:
    """新建申报、登记村民代表会议表决、上传附件并提交（与申报页面相同）。如提交被拒绝，
    申报保存为草稿，400 的回答中给出其 nomination_id。"""
    result: Moved = await run_in_threadpool(create, request, store, bus, body)
    return result


@router.post("/nominations/{nomination_id}/resubmit", name="api_resubmit",
             responses=STAFF_WRITE)
def api_resubmit(request: Request, store: StoreDep, bus: BusDep, nomination_id: str,
                 body: Resubmission) -> Moved:
    """补充后重新提交一份被退回的申报。"""
    actor = signin.signed_in(request).actor()
    with refusals():
        bus.handle(c.ResubmitNomination(nomination_id, actor, reason=body.note))
    return moved(store, nomination_id)
