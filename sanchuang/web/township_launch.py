"""镇文明办下载当前评选活动的启动通知 (通知) as a printable HTML file."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter
from fastapi.responses import Response

from sanchuang.documents.launch import launch_notice_html
from sanchuang.web import township_common as tc
from sanchuang.web.deps import StoreDep

router = APIRouter()


@router.get("/township/campaign/launch-notice", name="township_launch_notice")
def launch_notice(store: StoreDep) -> Response:
    disposition = ("attachment; filename=\"launch_notice.html\"; "
                   f"filename*=UTF-8''{quote('启动通知.html')}")
    return Response(launch_notice_html(store, tc.campaign_id(store)),
                    media_type="text/html; charset=utf-8",
                    headers={"Content-Disposition": disposition})
