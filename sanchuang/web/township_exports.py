"""镇文明办的名单下载: the publicity list, the commendation list and the year's honour roll
as XLSX or CSV (UTF-8 with a BOM), masked as public output (documents/exports.py)."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

from sanchuang.documents import exports
from sanchuang.web import township_common as tc
from sanchuang.web.deps import StoreDep

router = APIRouter()
MEDIA = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         "csv": "text/csv; charset=utf-8"}


def _download(export: exports.ListExport, fmt: str) -> Response:
    name = f"{export.title}.{fmt}"
    disposition = (f"attachment; filename=\"{export.filename}.{fmt}\"; "
                   f"filename*=UTF-8''{quote(name)}")
    return Response(exports.encode(export, fmt), media_type=MEDIA[fmt],
                    headers={"Content-Disposition": disposition})


@router.get("/township/exports/{kind}.{fmt}", name="township_export")
def export_list(kind: str, fmt: str, store: StoreDep) -> Response:
    """The current campaign's list (``honour-roll``: of the campaign's year)."""
    if fmt not in exports.FORMATS or kind not in exports.KINDS:
        raise HTTPException(404)
    return _download(exports.for_campaign(store, tc.campaign_id(store), kind), fmt)
