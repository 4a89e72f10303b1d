"""Liveness and readiness for whoever runs the process."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from models.public_queries import database_reachable
from sanchuang.web.deps import StoreDep

router = APIRouter()


@router.get("/healthz", name="healthz")
def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/readyz", name="readyz")
def readyz(store: StoreDep) -> JSONResponse:
    """The database answers a trivial query."""
    if not database_reachable(store):
        return JSONResponse({"status": "unavailable", "reason": "数据库无法连接"},
                            status_code=503)
    return JSONResponse({"status": "ok"})
