"""The stage table is the only way to change a stage: every pair of it, allowed or not."""

from __future__ import annotations

import itertools
import re

import pytest

from workflows.stages import (
    STAGE_TABLE,
    TERMINAL,
    Action,
    IllegalTransition,
    Role,
    Stage,
    mermaid,
    transition,
)

CHINESE = re.compile(r"[\u4e00-\u9fff]")
EVERY_COMBINATION = list(itertools.product(Stage, Action, Role))


def _id(combo: tuple[Stage, Action, Role]) -> str:
    return "-".join(part.value for part in combo)


@pytest.mark.parametrize(("stage", "action", "role"), EVERY_COMBINATION,
                         ids=map(_id, EVERY_COMBINATION))
def test_a_move_is_allowed_exactly_when_the_table_lets_this_role_take_it(stage, action, role):
    move = STAGE_TABLE.get((stage, action))
    if move is not None and role in move.roles:
        reason = "材料不全，请补充" if move.needs_reason else ""
        taken = transition(stage, action, role, reason=reason)
        assert taken.target is move.target
        assert (taken.source, taken.action) == (stage, action)
    else:
        with pytest.raises(IllegalTransition) as refusal:
            transition(stage, action, role, reason="有理由")
        assert CHINESE.search(str(refusal.value)), str(refusal.value)
        assert action.value in str(refusal.value)


def test_the_table_covers_a_real_share_of_the_combinations():
    allowed = [combo for combo in EVERY_COMBINATION
               if combo[:2] in STAGE_TABLE and combo[2] in STAGE_TABLE[combo[:2]].roles]
    assert 25 <= len(allowed) < len(EVERY_COMBINATION)


def test_an_unknown_move_names_the_stage_in_chinese_and_what_is_possible():
    message = "不能在“已表彰”阶段执行 submit（此阶段可执行：revoke）"
    with pytest.raises(IllegalTransition, match=message):
        transition(Stage.COMMENDED, Action.SUBMIT, Role.VILLAGE)


def test_a_role_without_the_right_is_told_who_may_act():
    message = "角色 village_committee 无权执行 accept（允许：secretariat）"
    with pytest.raises(IllegalTransition, match=message):
        transition(Stage.PRELIMINARY_REVIEW, Action.ACCEPT, Role.VILLAGE)


NEEDS_REASON = [m for m in STAGE_TABLE.values() if m.needs_reason]


@pytest.mark.parametrize("move", NEEDS_REASON, ids=[f"{m.source}-{m.action}" for m in NEEDS_REASON])
@pytest.mark.parametrize("reason", ["", "   \n"])
def test_a_move_that_declares_a_reason_refuses_to_go_without_one(move, reason):
    role = sorted(move.roles)[0]
    with pytest.raises(IllegalTransition, match=f"执行 {move.action.value} 必须写明理由"):
        transition(move.source, move.action, role, reason=reason)


def test_rejections_vetoes_returns_disqualifications_and_revocations_all_need_a_reason():
    kinds = {Action.REJECT, Action.VETO, Action.RETURN_FOR_REVISION, Action.DISQUALIFY,
             Action.REVOKE}
    for move in STAGE_TABLE.values():
        assert move.needs_reason == (move.action in kinds), move


@pytest.mark.parametrize("stage", sorted(TERMINAL))
def test_a_terminal_stage_has_no_way_out(stage):
    assert [key for key in STAGE_TABLE if key[0] is stage] == []
    for action, role in itertools.product(Action, Role):
        with pytest.raises(IllegalTransition, match="此阶段可执行：无"):
            transition(stage, action, role, reason="理由")


def test_every_non_terminal_stage_is_reachable_from_draft():
    reached, frontier = {Stage.DRAFT}, [Stage.DRAFT]
    while frontier:
        stage = frontier.pop()
        for (source, _), move in STAGE_TABLE.items():
            if source is stage and move.target not in reached:
                reached.add(move.target)
                frontier.append(move.target)
    assert set(Stage) - TERMINAL <= reached
    assert reached == set(Stage)


def test_every_non_terminal_stage_but_commended_has_a_way_on():
    sources = {source for source, _ in STAGE_TABLE}
    assert set(Stage) - TERMINAL - {Stage.COMMENDED} <= sources


@pytest.mark.parametrize("move", list(STAGE_TABLE.values()),
                         ids=[f"{m.source}-{m.action}" for m in STAGE_TABLE.values()])
def test_the_diagram_shows_every_row_with_its_roles(move):
    roles = "/".join(sorted(r.value for r in move.roles))
    line = f"    {move.source.value} --> {move.target.value}: {move.action.value} ({roles})"
    assert line in mermaid().splitlines()


def test_the_diagram_starts_at_draft_and_ends_at_every_final_stage():
    lines = mermaid().splitlines()
    assert lines[:2] == ["stateDiagram-v2", "    [*] --> draft"]
    for stage in TERMINAL | {Stage.COMMENDED}:
        assert f"    {stage.value} --> [*]" in lines
    assert len(lines) == 2 + len(STAGE_TABLE) + len(TERMINAL) + 1


# Written out by hand from the domain guide, not read from the table: a change to the table
# that lets the wrong role act, or sends a move somewhere else, fails here.
S, A, R = Stage, Action, Role
ALLOWED_BY_HAND = [
    (S.DRAFT, A.SUBMIT, R.VILLAGE, S.SUBMITTED),
    (S.DRAFT, A.WITHDRAW, R.VILLAGE, S.WITHDRAWN),
    (S.SUBMITTED, A.START_REVIEW, R.SYSTEM, S.PRELIMINARY_REVIEW),
    (S.SUBMITTED, A.REJECT, R.SYSTEM, S.REJECTED),
    (S.SUBMITTED, A.VETO, R.SECRETARIAT, S.DISQUALIFIED),
    (S.PRELIMINARY_REVIEW, A.RETURN_FOR_REVISION, R.SECRETARIAT, S.RETURNED),
    (S.PRELIMINARY_REVIEW, A.ACCEPT, R.SECRETARIAT, S.PANEL_REVIEW),
    (S.PRELIMINARY_REVIEW, A.WITHDRAW, R.VILLAGE, S.WITHDRAWN),
    (S.RETURNED, A.RESUBMIT, R.VILLAGE, S.SUBMITTED),
    (S.PANEL_REVIEW, A.PASS_PANEL, R.SYSTEM, S.FINAL_APPROVAL),
    (S.PANEL_REVIEW, A.REJECT, R.SECRETARIAT, S.REJECTED),
    (S.FINAL_APPROVAL, A.OPEN_PUBLICITY, R.APPROVER, S.PUBLICITY),
    (S.FINAL_APPROVAL, A.OPEN_PUBLICITY, R.SECRETARIAT, S.PUBLICITY),
    (S.FINAL_APPROVAL, A.REJECT, R.APPROVER, S.REJECTED),
    (S.PUBLICITY, A.CLOSE_PUBLICITY, R.SYSTEM, S.APPROVED),
    (S.PUBLICITY, A.DISQUALIFY, R.SYSTEM, S.DISQUALIFIED),
    (S.APPROVED, A.COMMEND, R.APPROVER, S.COMMENDED),
    (S.APPROVED, A.VETO, R.SECRETARIAT, S.DISQUALIFIED),
    (S.COMMENDED, A.REVOKE, R.SECRETARIAT, S.REVOKED),
    (S.COMMENDED, A.REVOKE, R.APPROVER, S.REVOKED),  # the party committee's decision
]
REFUSED_BY_HAND = [
    (S.DRAFT, A.SUBMIT, R.SECRETARIAT),  # the village submits its own nomination
    (S.DRAFT, A.ACCEPT, R.SECRETARIAT),  # a draft is not yet before the secretariat
    (S.SUBMITTED, A.START_REVIEW, R.SECRETARIAT),  # receipt is the system's
    (S.SUBMITTED, A.WITHDRAW, R.VILLAGE),
    (S.PRELIMINARY_REVIEW, A.ACCEPT, R.VILLAGE),
    (S.PRELIMINARY_REVIEW, A.ACCEPT, R.REVIEWER),
    (S.RETURNED, A.RESUBMIT, R.SECRETARIAT),
    (S.PANEL_REVIEW, A.PASS_PANEL, R.REVIEWER),  # reviewers mark; the panel's close decides
    (S.PANEL_REVIEW, A.PASS_PANEL, R.SECRETARIAT),
    (S.PANEL_REVIEW, A.WITHDRAW, R.VILLAGE),
    (S.PANEL_REVIEW, A.VETO, R.REVIEWER),
    (S.PANEL_REVIEW, A.VETO, R.DEPARTMENT),  # a department's veto is recorded, not a move
    (S.PRELIMINARY_REVIEW, A.ACCEPT, R.DEPARTMENT),
    (S.FINAL_APPROVAL, A.OPEN_PUBLICITY, R.SYSTEM),
    (S.FINAL_APPROVAL, A.OPEN_PUBLICITY, R.REVIEWER),
    (S.FINAL_APPROVAL, A.REJECT, R.SECRETARIAT),  # final approval is the approver's
    (S.FINAL_APPROVAL, A.COMMEND, R.APPROVER),  # not before publicity
    (S.PUBLICITY, A.CLOSE_PUBLICITY, R.SECRETARIAT),  # the window closes by the calendar
    (S.PUBLICITY, A.COMMEND, R.APPROVER),
    (S.APPROVED, A.COMMEND, R.SYSTEM),
    (S.APPROVED, A.COMMEND, R.VILLAGE),
    (S.COMMENDED, A.REVOKE, R.SYSTEM),
    (S.REJECTED, A.RESUBMIT, R.VILLAGE),
    (S.WITHDRAWN, A.SUBMIT, R.VILLAGE),
    (S.DISQUALIFIED, A.COMMEND, R.SECRETARIAT),
    (S.REVOKED, A.COMMEND, R.APPROVER),
]


def test_the_hand_written_cases_cover_every_role():
    assert {case[2] for case in ALLOWED_BY_HAND} | {case[2] for case in REFUSED_BY_HAND} \
        == set(Role)


@pytest.mark.parametrize(("stage", "action", "role", "target"), ALLOWED_BY_HAND,
                         ids=[_id(case[:3]) for case in ALLOWED_BY_HAND])
def test_these_moves_are_allowed_and_land_where_the_guide_says(stage, action, role, target):
    assert transition(stage, action, role, reason="经核实，理由如下").target is target


@pytest.mark.parametrize(("stage", "action", "role"), REFUSED_BY_HAND,
                         ids=[_id(case) for case in REFUSED_BY_HAND])
def test_these_moves_are_refused_whatever_the_reason(stage, action, role):
    with pytest.raises(IllegalTransition):
        transition(stage, action, role, reason="经核实，理由如下")
