"""The nomination stage graph, declared once.

Every stage change in the system goes through :func:`transition`, which looks the
move up in :data:`STAGE_TABLE`. There is no other way to set a stage.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from workflows.errors import DomainError


class Stage(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    PRELIMINARY_REVIEW = "preliminary_review"
    RETURNED = "returned_for_revision"
    PANEL_REVIEW = "panel_review"
    FINAL_APPROVAL = "final_approval"
    PUBLICITY = "publicity"
    APPROVED = "approved"
    COMMENDED = "commended"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    DISQUALIFIED = "disqualified"
    REVOKED = "revoked"


class Role(StrEnum):
    VILLAGE = "village_committee"
    SECRETARIAT = "secretariat"
    REVIEWER = "reviewer"
    APPROVER = "approver"
    DEPARTMENT = "department"
    SYSTEM = "system"


class Action(StrEnum):
    SUBMIT = "submit"
    WITHDRAW = "withdraw"
    START_REVIEW = "start_review"
    RETURN_FOR_REVISION = "return_for_revision"
    RESUBMIT = "resubmit"
    ACCEPT = "accept"
    REJECT = "reject"
    PASS_PANEL = "pass_panel"  # noqa: S105 - an action name, not a password
    VETO = "veto"
    OPEN_PUBLICITY = "open_publicity"
    CLOSE_PUBLICITY = "close_publicity"
    DISQUALIFY = "disqualify"
    COMMEND = "commend"
    REVOKE = "revoke"


TERMINAL = frozenset({Stage.REJECTED, Stage.WITHDRAWN, Stage.DISQUALIFIED, Stage.REVOKED})

STAGE_NAMES_ZH = {
    Stage.DRAFT: "草稿",
    Stage.SUBMITTED: "已申报",
    Stage.PRELIMINARY_REVIEW: "初审中",
    Stage.RETURNED: "退回补充",
    Stage.PANEL_REVIEW: "评审中",
    Stage.FINAL_APPROVAL: "待审定",
    Stage.PUBLICITY: "公示中",
    Stage.APPROVED: "公示通过",
    Stage.COMMENDED: "已表彰",
    Stage.REJECTED: "未通过",
    Stage.WITHDRAWN: "已撤回",
    Stage.DISQUALIFIED: "取消资格",
    Stage.REVOKED: "已撤销",
}


@dataclass(frozen=True)
class Move:
    source: Stage
    action: Action
    target: Stage
    roles: frozenset[Role]
    needs_reason: bool = False


def _move(source: Stage, action: Action, target: Stage, *roles: Role, reason: bool = False) -> Move:
    return Move(source, action, target, frozenset(roles), reason)


S, A, R = Stage, Action, Role

#: (source stage, action) -> target stage and the roles allowed to take it.
STAGE_TABLE: dict[tuple[Stage, Action], Move] = {
    (m.source, m.action): m
    for m in (
        _move(S.DRAFT, A.SUBMIT, S.SUBMITTED, R.VILLAGE),
        _move(S.DRAFT, A.WITHDRAW, S.WITHDRAWN, R.VILLAGE),
        _move(S.SUBMITTED, A.START_REVIEW, S.PRELIMINARY_REVIEW, R.SYSTEM),
        _move(S.SUBMITTED, A.REJECT, S.REJECTED, R.SYSTEM, reason=True),
        _move(S.SUBMITTED, A.VETO, S.DISQUALIFIED, R.SYSTEM, R.SECRETARIAT, reason=True),
        _move(S.PRELIMINARY_REVIEW, A.RETURN_FOR_REVISION, S.RETURNED, R.SECRETARIAT, reason=True),
        _move(S.PRELIMINARY_REVIEW, A.ACCEPT, S.PANEL_REVIEW, R.SECRETARIAT),
        _move(S.PRELIMINARY_REVIEW, A.REJECT, S.REJECTED, R.SECRETARIAT, reason=True),
        _move(S.PRELIMINARY_REVIEW, A.WITHDRAW, S.WITHDRAWN, R.VILLAGE),
        _move(S.PRELIMINARY_REVIEW, A.VETO, S.DISQUALIFIED, R.SECRETARIAT, reason=True),
        _move(S.RETURNED, A.RESUBMIT, S.SUBMITTED, R.VILLAGE),
        _move(S.RETURNED, A.WITHDRAW, S.WITHDRAWN, R.VILLAGE),
        _move(S.PANEL_REVIEW, A.PASS_PANEL, S.FINAL_APPROVAL, R.SYSTEM),
        _move(S.PANEL_REVIEW, A.REJECT, S.REJECTED, R.SYSTEM, R.SECRETARIAT, reason=True),
        _move(S.PANEL_REVIEW, A.VETO, S.DISQUALIFIED, R.SYSTEM, R.SECRETARIAT, reason=True),
        _move(S.FINAL_APPROVAL, A.OPEN_PUBLICITY, S.PUBLICITY, R.APPROVER, R.SECRETARIAT),
        _move(S.FINAL_APPROVAL, A.REJECT, S.REJECTED, R.APPROVER, reason=True),
        _move(S.FINAL_APPROVAL, A.VETO, S.DISQUALIFIED, R.SECRETARIAT, reason=True),
        _move(S.PUBLICITY, A.CLOSE_PUBLICITY, S.APPROVED, R.SYSTEM),
        _move(S.PUBLICITY, A.DISQUALIFY, S.DISQUALIFIED, R.SYSTEM, R.SECRETARIAT, reason=True),
        _move(S.PUBLICITY, A.VETO, S.DISQUALIFIED, R.SECRETARIAT, reason=True),
        _move(S.APPROVED, A.COMMEND, S.COMMENDED, R.SECRETARIAT, R.APPROVER),
        _move(S.APPROVED, A.DISQUALIFY, S.DISQUALIFIED, R.SYSTEM, R.SECRETARIAT, reason=True),
        _move(S.APPROVED, A.VETO, S.DISQUALIFIED, R.SECRETARIAT, reason=True),
        _move(S.COMMENDED, A.REVOKE, S.REVOKED, R.SECRETARIAT, R.APPROVER, reason=True),
    )
}


class IllegalTransition(DomainError):
    """The stage table has no such move, or the role may not take it."""


def transition(stage: Stage, action: Action, role: Role, reason: str = "") -> Move:
    """Return the move for ``action`` from ``stage`` taken by ``role``, or raise."""
    move = STAGE_TABLE.get((stage, action))
    if move is None:
        allowed = sorted(a.value for (s, a) in STAGE_TABLE if s == stage)
        raise IllegalTransition(
            f"不能在“{STAGE_NAMES_ZH[stage]}”阶段执行 {action.value}"
            f"（此阶段可执行：{', '.join(allowed) or '无'}）"
        )
    if role not in move.roles:
        names = ", ".join(sorted(r.value for r in move.roles))
        raise IllegalTransition(f"角色 {role.value} 无权执行 {action.value}（允许：{names}）")
    if move.needs_reason and not reason.strip():
        raise IllegalTransition(f"执行 {action.value} 必须写明理由")
    return move


def mermaid() -> str:
    """The stage graph as a Mermaid diagram, for the README."""
    lines = ["stateDiagram-v2", f"    [*] --> {Stage.DRAFT.value}"]
    for move in STAGE_TABLE.values():
        roles = "/".join(sorted(r.value for r in move.roles))
        edge = f"{move.source.value} --> {move.target.value}"
        lines.append(f"    {edge}: {move.action.value} ({roles})")
    lines.extend(f"    {s.value} --> [*]" for s in sorted(TERMINAL | {Stage.COMMENDED}))
    return "\n".join(lines)
