"""The JSON API (under /api/v1): the same public data as the public pages, read-only."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from models import public_queries
from sanchuang.web import views
from sanchuang.web.deps import NoticeDep, StoreDep, SystemDep

router = APIRouter(tags=["公开信息"])


@router.get("/publicity", name="api_publicity_list")
def api_publicity_list(system: SystemDep) -> list[dict[str, Any]]:
    """正在公示的名单（每份公示一行）。"""
    now = system.bus.deps.clock.now()
    return [views.notice_summary(n, now) for n in public_queries.open_notices(system.store, now)]


@router.get("/publicity/{window_id}", name="api_publicity_notice")
def api_publicity_notice(system: SystemDep, found: NoticeDep) -> dict[str, Any]:
    """一份公示及其名单（仅公开字段）。"""
    return views.notice_page(found, system.bus.deps.clock.now())


@router.get("/honours", name="api_honours")
def api_honours(store: StoreDep) -> dict[str, Any] | None:
    """最近一次表彰决定的受表彰名单。"""
    return views.honour_roll(public_queries.latest_decision(store))


@router.get("/verify/{content_hash}", name="api_verify")
def api_verify(content_hash: str, store: StoreDep) -> dict[str, Any]:
    """核验已公开文件的内容摘要（SHA-256）。"""
    found = public_queries.document_by_hash(store, content_hash)
    if found is None:
        raise HTTPException(404, "没有与此摘要一致的已公开文件")
    return views.verified(found)
