"""The JSON API (under /api/v1): the same public data as the public pages, and filing an
objection as the notice page's form does (JSON bodies only: a cross-site HTML form cannot
send one without a CORS preflight, which this site never grants, so no form token is asked).
The staff endpoints are in api_village.py and api_desk.py."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Path, Request

from models import public_queries
from sanchuang.web import views
from sanchuang.web.actions import objections
from sanchuang.web.api_common import answers, refusals
from sanchuang.web.api_models import HonourRoll, Notice, NoticeSummary, Problem, VerifiedDocument
from sanchuang.web.api_staff_models import ObjectionForm, Receipt
from sanchuang.web.deps import BusDep, NoticeDep, StoreDep, SystemDep

router = APIRouter(tags=["公开信息"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "找不到"}}
SHA256 = r"^[0-9A-Fa-f]{64}$"


@router.get("/publicity", name="api_publicity_list")
def api_publicity_list(system: SystemDep) -> list[NoticeSummary]:
    """正在公示的名单（每份公示一行）。"""
    now = system.bus.deps.clock.now()
    return [NoticeSummary(**views.notice_summary(n, now))
            for n in public_queries.open_notices(system.store, now)]


@router.get("/publicity/{window_id}", name="api_publicity_notice", responses=NOT_FOUND)
def api_publicity_notice(system: SystemDep, found: NoticeDep) -> Notice:
    """一份公示及其名单（仅公开字段）。"""
    return Notice(**views.notice_page(found, system.bus.deps.clock.now()))


@router.get("/honours", name="api_honours")
def api_honours(store: StoreDep) -> HonourRoll | None:
    """最近一次表彰决定的受表彰名单（尚未发布时为 null）。"""
    roll = views.honour_roll(public_queries.latest_decision(store))
    return HonourRoll(**roll) if roll else None


@router.get("/verify/{content_hash}", name="api_verify", responses=NOT_FOUND)
def api_verify(store: StoreDep,
               content_hash: str = Path(pattern=SHA256, description="SHA-256，64 位十六进制")
               ) -> VerifiedDocument:
    """核验已公开文件的内容摘要（SHA-256）。"""
    found = public_queries.document_by_hash(store, content_hash)
    if found is None:
        raise HTTPException(404, "没有与此摘要一致的已公开文件")
    return VerifiedDocument(**views.verified(found))


@router.post("/publicity/{window_id}/objections", name="api_file_objection", status_code=201,
             responses=answers(400, 404, 429))
def api_file_objection(request: Request, bus: BusDep, found: NoticeDep,
                       body: ObjectionForm) -> Receipt:
    """对公示名单中的一项提出异议（只接受 application/json）；回答回执编号。"""
    objections.throttle(request)
    with refusals():
        code = objections.file_objection(bus, found, body.nomination_id, body.name,
                                         body.contact, body.content)
    return Receipt(receipt=code)
