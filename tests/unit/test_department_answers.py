"""A department officer records their own department's vetting answer; never another's."""

from __future__ import annotations

import pytest
from flows import SECRETARY

from workflows import commands as c
from workflows.errors import Forbidden
from workflows.nomination import Actor
from workflows.stages import Role, Stage

POLICE = Actor("police", Role.DEPARTMENT, "公安派出所", department="公安派出所")


def accepted(flow) -> str:
    nomination_id = flow.submitted("h-wang")
    flow.run(c.AcceptNomination(nomination_id, SECRETARY))
    return nomination_id


def request_of(flow, nomination_id: str, department: str):
    return next(r for r in flow.rows.panel.vetting.values()
                if r.nomination_id == nomination_id and r.department == department)


def test_a_department_officer_answers_their_own_departments_request(flow):
    nid = accepted(flow)
    flow.run(c.AnswerVetting(request_of(flow, nid, "公安派出所").id, POLICE, "clear"))
    answered = request_of(flow, nid, "公安派出所")
    assert (answered.outcome, answered.answered_by) == ("clear", "police")


def test_a_departments_veto_disqualifies_the_nomination_as_a_recorded_consequence(flow):
    nid = accepted(flow)
    flow.run(c.AnswerVetting(request_of(flow, nid, "公安派出所").id, POLICE, "veto", "有违法记录"))
    nomination = flow.nomination(nid)
    assert nomination.stage is Stage.DISQUALIFIED
    assert nomination.stage_reason == "联合审查（公安派出所）：有违法记录"


@pytest.mark.parametrize("officer", [
    POLICE, Actor("nobody", Role.DEPARTMENT, "无部门账号")], ids=["other", "none"])
def test_a_department_officer_cannot_answer_another_departments_request(flow, officer):
    nid = accepted(flow)
    request = request_of(flow, nid, "司法所")
    with pytest.raises(Forbidden, match="联审部门只能答复发给本部门的请求（此请求发给司法所）"):
        flow.run(c.AnswerVetting(request.id, officer, "veto", "捏造"))
    assert request_of(flow, nid, "司法所").outcome == "pending"
    assert flow.nomination(nid).stage is Stage.PANEL_REVIEW


def test_the_secretariat_still_records_any_departments_answer(flow):
    nid = accepted(flow)
    flow.run(c.AnswerVetting(request_of(flow, nid, "司法所").id, SECRETARY, "clear"))
    assert request_of(flow, nid, "司法所").outcome == "clear"
