"""An objection to a listed nomination, filed by anyone during publicity: limited per address
and answered with a receipt code to follow it by."""

from __future__ import annotations

from fastapi import HTTPException, Request

from models import public_queries
from models.public_queries import PublicNotice
from sanchuang.web import views
from sanchuang.web.i18n import N_
from workflows.bus import MessageBus
from workflows.commands import FileObjection
from workflows.errors import InvalidInput


def throttle(request: Request) -> None:
    """429 when this address has sent too many objections lately."""
    address = request.client.host if request.client else "unknown"
    if not request.app.state.throttle.allow(address):
        raise HTTPException(429, N_("提交过于频繁，请十分钟后再试"))


def file_objection(bus: MessageBus, notice: PublicNotice, nomination_id: str, name: str,
                   contact: str, content: str) -> str:
    """The receipt code of the filed objection; InvalidInput (or another DomainError) when
    refused, with nothing filed."""
    if not views.listed(notice, nomination_id):
        raise InvalidInput(N_("请从公示名单中选择异议对象"))
    objection_id = bus.handle(FileObjection(nomination_id, name, contact, content))
    return public_queries.receipt_code(str(objection_id))
