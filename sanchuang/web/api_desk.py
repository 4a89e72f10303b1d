"""The township's staff endpoints of the JSON API: the secretariat's preliminary review, a
reviewer's score or vote, a department's vetting requests and answers. The commands are
built by the same functions as the pages' (sanchuang/web/actions)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel

from models import department_queries, reviewer_queries
from models.department_queries import VettingItem
from sanchuang.web import signin
from sanchuang.web.actions.review import review_command
from sanchuang.web.actions.scoring import score_command, vote_command
from sanchuang.web.actions.vetting import answer
from sanchuang.web.api_common import STAFF_READ, STAFF_WRITE, moved, refusals
from sanchuang.web.api_staff_models import (
    Moved,
    ReviewDecision,
    Scores,
    VettingAnswer,
    VettingRequest,
)
from sanchuang.web.deps import StoreDep, SystemDep
from sanchuang.web.i18n import N_
from workflows.command import Command
from workflows.errors import InvalidInput

router = APIRouter()


@router.post("/nominations/{nomination_id}/review", name="api_review", responses=STAFF_WRITE,
             tags=["镇文明办"])
def api_review(request: Request, system: SystemDep, nomination_id: str,
               body: ReviewDecision) -> Moved:
    """初审：通过（accept）、退回补充（return，须写理由）或不予通过（reject，须写理由）。"""
    actor = signin.signed_in(request).actor()
    with refusals():
        system.bus.handle(review_command(body.action, nomination_id, actor, body.reason))
    return moved(system.store, nomination_id)


def scoring(request: Request, store: StoreDep, nomination_id: str, body: Scores) -> Command:
    user = signin.signed_in(request)
    if (body.marks is None) == (body.vote is None):
        raise InvalidInput("请填写评分（marks）或投票（vote），二者选一")
    if body.vote is not None:
        return vote_command(nomination_id, user.actor(), body.vote)
    item = reviewer_queries.item(store, user.account_id, nomination_id)
    return score_command(item, user.actor(), body.marks or {})


@router.post("/nominations/{nomination_id}/scores", name="api_score", responses=STAFF_WRITE,
             tags=["评审委员会"])
def api_score(request: Request, system: SystemDep, nomination_id: str, body: Scores) -> Moved:
    """评委对本评审组的一份申报评分（按评分细则逐项），或在表决的项目中投票。"""
    with refusals():
        system.bus.handle(scoring(request, system.store, nomination_id, body))
    return moved(system.store, nomination_id)


def vetting_request(item: VettingItem, system: SystemDep) -> BaseModel:
    return VettingRequest(**vars(item),
                          overdue=item.overdue(system.bus.deps.clock.now()))


@router.get("/vetting", name="api_vetting_list", responses=STAFF_READ, tags=["联审部门"],
            response_model=list[VettingRequest])  # type: ignore[valid-type]
def api_vetting_list(request: Request, system: SystemDep) -> list[BaseModel]:
    """本部门待答复的联审请求。"""
    department = signin.signed_in(request).department or ""
    return [vetting_request(item, system)
            for item in department_queries.pending(system.store, department)]


@router.post("/vetting/{request_id}", name="api_vetting_answer", responses=STAFF_WRITE,
             tags=["联审部门"], response_model=VettingRequest)
def api_vetting_answer(request: Request, system: SystemDep, request_id: str,
                       body: VettingAnswer) -> BaseModel:
    """答复一项联审请求：clear（无不良记录）或 veto（一票否决，须写明情况）。"""
    with refusals():
        answer(system.bus, request_id, signin.signed_in(request), body.outcome, body.note)
    item = department_queries.request(system.store, request_id)
    if item is None:
        raise HTTPException(404, N_("找不到这个页面"))
    return vetting_request(item, system)
