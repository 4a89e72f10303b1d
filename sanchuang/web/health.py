"""Liveness and readiness for whoever runs the process."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from models.public_queries import database_reachable
from sanchuang.runtime.broker_health import broker_reachable
from sanchuang.web.deps import SystemDep

router = APIRouter()


@router.get("/healthz", name="healthz")
def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/readyz", name="readyz")
def readyz(system: SystemDep) -> JSONResponse:
    """The database answers a trivial query and the broker can take a message."""
    reasons = []
    if not database_reachable(system.store):
        reasons.append("数据库无法连接")
    if not broker_reachable(system.settings):
        reasons.append("消息队列（broker）无法连接")
    if reasons:
        return JSONResponse({"status": "unavailable", "reason": "；".join(reasons)},
                            status_code=503)
    return JSONResponse({"status": "ok"})
