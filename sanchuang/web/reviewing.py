"""The reviewer's pages: their queue, the scoring (or voting) form of one nomination, and
recusal. The scope ``own_panel`` (permissions.py) keeps a reviewer to their panels' nominations."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from models import reviewer_queries
from models.reviewer_queries import ReviewItem
from sanchuang.web import csrf, signin
from sanchuang.web.deps import PagesDep, SystemDep
from workflows.calendar import local_date
from workflows.command import Command
from workflows.commands import RecordReview
from workflows.errors import DomainError, InvalidInput
from workflows.review_commands import DeclareConflict, RecordVote

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


def marks_of(item: ReviewItem, fields: dict[str, str]) -> dict[str, float]:
    """The entered marks, one per criterion of the rubric; a blank or a non-number refused."""
    marks = {}
    for criterion in item.criteria:
        raw = fields.get(MARK_PREFIX + criterion.key, "").strip()
        try:
            marks[criterion.key] = float(raw)
        except ValueError:
            raise InvalidInput(f"“{criterion.name}”的分数须为数字（0 至 "
                               f"{criterion.max_points:g} 分）") from None
    return marks


@router.post("/reviewing/{nomination_id}/score", name="reviewing_score")
async def reviewing_score(request: Request, nomination_id: str, system: SystemDep,
                          pages: PagesDep) -> Response:
    fields = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    csrf.check(request, fields.get("csrf_token", ""))
    user = signin.signed_in(request)
    item = await run_in_threadpool(reviewer_queries.item, system.store, user.account_id,
                                   nomination_id)
    try:
        marks = marks_of(item, fields)
    except InvalidInput as refusal:
        return await run_in_threadpool(_form, request, system, pages, nomination_id, 400,
                                       str(refusal), fields)
    return await _submit(request, system, pages, nomination_id,
                         RecordReview(nomination_id, user.actor(), marks), fields)


@router.post("/reviewing/{nomination_id}/vote", name="reviewing_vote")
async def reviewing_vote(request: Request, nomination_id: str, system: SystemDep,
                         pages: PagesDep, csrf_token: Annotated[str, Form()] = "",
                         vote: Annotated[str, Form()] = "") -> Response:
    csrf.check(request, csrf_token)
    user = signin.signed_in(request)
    if vote not in ("for", "against"):
        return await run_in_threadpool(_form, request, system, pages, nomination_id, 400,
                                       "请选择赞成或反对")
    return await _submit(request, system, pages, nomination_id,
                         RecordVote(nomination_id, user.actor(), vote == "for"), {})


@router.post("/reviewing/{nomination_id}/recuse", name="reviewing_recuse")
async def reviewing_recuse(request: Request, nomination_id: str, system: SystemDep,
                           pages: PagesDep, csrf_token: Annotated[str, Form()] = "",
                           reason: Annotated[str, Form()] = "") -> Response:
    csrf.check(request, csrf_token)
    user = signin.signed_in(request)
    return await _submit(request, system, pages, nomination_id,
                         DeclareConflict(nomination_id, user.actor(), reason),
                         {"reason": reason})
