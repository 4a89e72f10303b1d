"""The reviewer's pages: their queue, the scoring (or voting) form of one nomination, and
recusal. The scope ``own_panel`` (permissions.py) keeps a reviewer to their panels' nominations."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from models import reviewer_queries
from sanchuang.web import csrf, signin
from sanchuang.web.actions.scoring import score_command, vote_command
from sanchuang.web.deps import PagesDep, SystemDep
from workflows.calendar import local_date
from workflows.command import Command
from workflows.errors import DomainError, InvalidInput
from workflows.review_commands import DeclareConflict

router = APIRouter()
MARK_PREFIX = "mark_"


@router.get("/reviewing", name="reviewing_queue", response_class=HTMLResponse)
def reviewing_queue(request: Request, system: SystemDep, pages: PagesDep) -> HTMLResponse:
    user = signin.signed_in(request)
    items = reviewer_queries.queue(system.store, user.account_id)
    return pages.page(request, "reviewing/queue.html", items=items, today=_today(system))


def _today(system: SystemDep) -> date:
    return local_date(system.bus.deps.clock.now())


def _form(request: Request, system: SystemDep, pages: PagesDep, nomination_id: str,
          status_code: int = 200, error: str = "",
          form: dict[str, Any] | None = None) -> HTMLResponse:
    user = signin.signed_in(request)
    item = reviewer_queries.item(system.store, user.account_id, nomination_id)
    return pages.page(request, "reviewing/form.html", status_code, item=item, error=error,
                      form=form or {}, today=_today(system))


@router.get("/reviewing/{nomination_id}", name="reviewing_form", response_class=HTMLResponse)
def reviewing_form(request: Request, nomination_id: str, system: SystemDep,
                   pages: PagesDep) -> HTMLResponse:
    return _form(request, system, pages, nomination_id)


async def _submit(request: Request, system: SystemDep, pages: PagesDep, nomination_id: str,
                  command: Command, form: dict[str, Any]) -> Response:
    try:
        await run_in_threadpool(system.bus.handle, command)
    except DomainError as refusal:
        return await run_in_threadpool(_form, request, system, pages, nomination_id, 400,
                                       str(refusal), form)
    return RedirectResponse(request.url_for("reviewing_form", nomination_id=nomination_id),
                            status_code=303)


@router.post("/reviewing/{nomination_id}/score", name="reviewing_score")
async def reviewing_score(request: Request, nomination_id: str, system: SystemDep,
                          pages: PagesDep) -> Response:
    fields = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    csrf.check(request, fields.get("csrf_token", ""))
    user = signin.signed_in(request)
    item = await run_in_threadpool(reviewer_queries.item, system.store, user.account_id,
                                   nomination_id)
    entered = {k.removeprefix(MARK_PREFIX): v for k, v in fields.items()
               if k.startswith(MARK_PREFIX)}
    try:
        command = score_command(item, user.actor(), entered)
    except InvalidInput as refusal:
        return await run_in_threadpool(_form, request, system, pages, nomination_id, 400,
                                       str(refusal), fields)
    return await _submit(request, system, pages, nomination_id, command, fields)


@router.post("/reviewing/{nomination_id}/vote", name="reviewing_vote")
async def reviewing_vote(request: Request, nomination_id: str, system: SystemDep,
                         pages: PagesDep, csrf_token: Annotated[str, Form()] = "",
                         vote: Annotated[str, Form()] = "") -> Response:
    csrf.check(request, csrf_token)
    user = signin.signed_in(request)
    try:
        command = vote_command(nomination_id, user.actor(), vote)
    except InvalidInput as refusal:
        return await run_in_threadpool(_form, request, system, pages, nomination_id, 400,
                                       str(refusal))
    return await _submit(request, system, pages, nomination_id, command, {})


@router.post("/reviewing/{nomination_id}/recuse", name="reviewing_recuse")
async def reviewing_recuse(request: Request, nomination_id: str, system: SystemDep,
                           pages: PagesDep, csrf_token: Annotated[str, Form()] = "",
                           reason: Annotated[str, Form()] = "") -> Response:
    csrf.check(request, csrf_token)
    user = signin.signed_in(request)
    return await _submit(request, system, pages, nomination_id,
                         DeclareConflict(nomination_id, user.actor(), reason),
                         {"reason": reason})
