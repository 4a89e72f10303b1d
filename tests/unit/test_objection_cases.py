"""Objection cases as the 文明办 handles them: recorded from a letter or a call, late ones
marked late, an investigator assigned, findings and a written reply, the three outcomes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flows import APPROVER, CAMPAIGN_ID, SECRETARY, WANLI

from workflows import commands as c
from workflows.errors import Forbidden, InvalidInput
from workflows.stages import Stage

COMPLAINT = "该户长期不赡养老人，村里多人知情。"


def letter(nomination_id: str, received_at, **more: str) -> c.RecordObjection:
    fields = {"complainant_name": "孙秀英", "complainant_contact": "13807391234",
              "content": COMPLAINT, "channel": "letter", **more}
    return c.RecordObjection(nomination_id, received_at=received_at, actor=SECRETARY, **fields)


def test_a_letter_received_in_the_window_is_recorded_on_time_and_holds_the_nominee(flow):
    window_id, [nid] = flow.in_publicity("h-wang")
    received = flow.clock.now() + timedelta(days=2)
    flow.clock.advance(days=3)
    case_id = flow.run(letter(nid, received))
    case = flow.rows.objections[case_id]
    assert (case.channel, case.received_at, case.late, case.status) == (
        "letter", received, False, "received")
    flow.clock.advance(days=4)
    flow.run(c.CloseDuePublicity())
    assert flow.nomination(nid).stage is Stage.PUBLICITY
    assert [n.recipient for n in flow.notes("objection_filed", "inbox")] == [
        "account:acc-wanli"]


def test_a_letter_received_after_the_deadline_is_recorded_and_marked_late(flow):
    window_id, [nid] = flow.in_publicity("h-wang")
    flow.clock.advance(days=8)
    flow.run(c.CloseDuePublicity())
    case_id = flow.run(letter(nid, flow.clock.now() - timedelta(hours=1), channel="phone"))
    assert flow.rows.objections[case_id].late is True
    assert flow.rows.objections[case_id].window_id == window_id


def test_a_late_objection_on_the_web_form_is_still_refused(flow):
    _, [nid] = flow.in_publicity("h-wang")
    flow.clock.advance(days=8)
    with pytest.raises(InvalidInput, match="异议受理期已结束"):
        flow.run(c.FileObjection(nid, "孙秀英", "13807391234", COMPLAINT))
    assert flow.rows.objections == {}


@pytest.mark.parametrize(("change", "message"), [
    ({"channel": "web"}, "请选择受理渠道"),
    ({"complainant_name": ""}, "不受理匿名异议"),
])
def test_a_recorded_objection_needs_a_channel_and_a_named_complainant(flow, change, message):
    _, [nid] = flow.in_publicity("h-wang")
    with pytest.raises(InvalidInput, match=message):
        flow.run(letter(nid, flow.clock.now(), **change))
    assert flow.rows.objections == {}


def test_a_received_time_in_the_future_or_before_publicity_is_refused(flow):
    _, [nid] = flow.in_publicity("h-wang")
    with pytest.raises(InvalidInput, match="收到时间不能晚于现在"):
        flow.run(letter(nid, flow.clock.now() + timedelta(hours=1)))
    with pytest.raises(InvalidInput, match="早于 王建国家庭 的公示开始时间"):
        flow.run(letter(nid, flow.clock.now() - timedelta(days=3)))


def test_only_the_secretariat_records_and_assigns(flow):
    _, [nid] = flow.in_publicity("h-wang")
    with pytest.raises(Forbidden):
        flow.run(c.RecordObjection(nid, "孙秀英", "13807391234", COMPLAINT, "letter",
                                   flow.clock.now(), WANLI))
    case_id = flow.run(letter(nid, flow.clock.now()))
    with pytest.raises(Forbidden):
        flow.run(c.AssignInvestigator(case_id, "镇纪委", APPROVER))
    assert flow.rows.objections[case_id].investigator == ""


def test_an_assigned_case_is_investigating_and_still_holds_the_commendation(flow):
    _, [nid] = flow.in_publicity("h-wang")
    case_id = flow.run(letter(nid, flow.clock.now()))
    flow.run(c.AssignInvestigator(case_id, "  镇纪委 李明  ", SECRETARY))
    case = flow.rows.objections[case_id]
    assert (case.status, case.investigator, case.assigned_at) == (
        "investigating", "镇纪委 李明", flow.clock.now())
    flow.clock.advance(days=8)
    flow.run(c.CloseDuePublicity())
    with pytest.raises(InvalidInput, match="还有 1 件异议未办结"):
        flow.run(c.PublishCommendation(CAMPAIGN_ID, APPROVER, "新委发〔2026〕12号"))
    assert flow.nomination(nid).stage is Stage.PUBLICITY


def test_the_complainant_gets_the_written_reply_not_the_findings_on_file(flow):
    _, [nid] = flow.in_publicity("h-wang")
    case_id = flow.run(letter(nid, flow.clock.now()))
    flow.run(c.AssignInvestigator(case_id, "湾里村村委会", SECRETARY))
    flow.run(c.ResolveObjection(case_id, "dismissed", "走访邻居三户，老人由该户赡养（内部）",
                                SECRETARY, reply="经走访核实，该户按月赡养老人，异议不成立。"))
    case = flow.rows.objections[case_id]
    assert (case.status, case.reply) == ("dismissed", "经走访核实，该户按月赡养老人，异议不成立。")
    [note] = flow.notes("objection_outcome")
    assert (note.channel, note.address) == ("letter", "13807391234")
    assert "经走访核实，该户按月赡养老人" in note.text
    assert "内部" not in note.text


def test_a_withdrawn_objection_needs_no_findings_and_releases_the_nominee(flow):
    _, [nid] = flow.in_publicity("h-wang")
    case_id = flow.run(letter(nid, flow.clock.now()))
    flow.clock.advance(days=8)
    flow.run(c.CloseDuePublicity())
    flow.run(c.ResolveObjection(case_id, "withdrawn", "", SECRETARY))
    assert flow.rows.objections[case_id].status == "withdrawn"
    assert flow.nomination(nid).stage is Stage.APPROVED
    with pytest.raises(InvalidInput, match="已处理（已撤回），不能再次处理"):
        flow.run(c.AssignInvestigator(case_id, "镇纪委", SECRETARY))


def test_a_recorded_objection_is_on_file_as_filed_by_the_secretariat(flow):
    _, [nid] = flow.in_publicity("h-wang")
    flow.clock.advance(days=8)
    case_id = flow.run(letter(nid, flow.clock.now() - timedelta(hours=2), channel="visit"))
    [entry] = [e for e in flow.rows.audit if e.subject_id == case_id]
    assert (entry.action, entry.role, entry.actor_id, entry.reason) == (
        "file_objection", "secretariat", SECRETARY.id, "visit（逾期）")
