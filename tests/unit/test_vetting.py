"""Department vetting (联合审查) through the bus: one request per department, answers, vetoes,
overdue requests, and the panel waiting for every department."""

from __future__ import annotations

from copy import deepcopy
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest
from flows import ALL_MET, FIVE_MET, REVIEWERS, SECRETARY, WANLI

from workflows import commands as c
from workflows.calendar import WorkCalendar
from workflows.errors import Forbidden, InvalidInput, NotFound
from workflows.events import StageChanged
from workflows.handlers.vetting import open_vetting, overdue_vetting
from workflows.ports import StoredEvent
from workflows.stages import Stage
from workflows.vetting import DEFAULT_DEPARTMENTS, VettingPolicy, due_at, vetting_policy

#: 2026-11-20 is a Friday; five working days from the next day end on Friday 2026-11-27.
DUE = datetime(2026, 11, 27, 16, 0, tzinfo=UTC)  # the end of 2026-11-27 in Shanghai


def accepted(flow, household: str = "h-wang") -> str:
    """In panel review with every vetting request still unanswered."""
    nomination_id = flow.submitted(household)
    flow.run(c.AcceptNomination(nomination_id, SECRETARY))
    return nomination_id


def requests(flow, nomination_id: str) -> dict:
    return {r.department: r for r in flow.rows.panel.vetting.values()
            if r.nomination_id == nomination_id}


def answer(flow, nomination_id: str, department: str, outcome: str = "clear",
           note: str = "") -> None:
    request = requests(flow, nomination_id)[department]
    flow.run(c.AnswerVetting(request.id, SECRETARY, outcome, note))


def test_accepting_a_nomination_opens_one_request_per_department_due_in_five_working_days(flow):
    nid = accepted(flow)
    asked = requests(flow, nid)
    assert sorted(asked) == sorted(DEFAULT_DEPARTMENTS)
    assert {(r.outcome, r.due_at) for r in asked.values()} == {("pending", DUE)}
    sent = [row.event for row in flow.rows.outbox.values() if row.event.name == "VettingRequested"]
    assert sorted(e.department for e in sent) == sorted(DEFAULT_DEPARTMENTS)


def test_a_repeated_acceptance_event_never_opens_a_second_request_per_department(flow):
    nid = accepted(flow)
    [event] = [row.event for row in flow.rows.outbox.values()
               if isinstance(row.event, StageChanged) and row.event.action == "accept"]
    with flow.uow as uow:
        open_vetting([StoredEvent(999, event)], uow, flow.bus.deps)
        uow.commit()
    assert len(requests(flow, nid)) == len(DEFAULT_DEPARTMENTS)


def test_the_panel_does_not_pass_a_nomination_while_a_department_has_not_answered(flow):
    nid = accepted(flow)
    flow.review(nid, ALL_MET, *REVIEWERS[:3])
    for department in DEFAULT_DEPARTMENTS[:-1]:
        answer(flow, nid, department)
    assert flow.nomination(nid).stage is Stage.PANEL_REVIEW
    assert flow.rows.panel.results == {}


def test_the_last_clear_answer_after_the_scores_concludes_the_panel(flow):
    nid = accepted(flow)
    flow.review(nid, ALL_MET, *REVIEWERS[:3])
    for department in DEFAULT_DEPARTMENTS:
        answer(flow, nid, department)
    assert flow.nomination(nid).stage is Stage.FINAL_APPROVAL
    assert flow.rows.panel.results[nid].verdict.level == "金星"


def test_scores_handled_before_the_requests_are_opened_do_not_pass_the_panel(flow):
    nid = flow.submitted()
    flow.bus.handle(c.AcceptNomination(nid, SECRETARY))
    accepted_events = flow.queue.take()
    for reviewer in REVIEWERS[:3]:
        flow.bus.handle(c.RecordReview(nid, reviewer, ALL_MET))
    flow.bus.handle_events(flow.queue.take())  # a worker reaches the scores first
    assert flow.nomination(nid).stage is Stage.PANEL_REVIEW
    flow.bus.handle_events(accepted_events)
    flow.drain()
    assert len(requests(flow, nid)) == len(DEFAULT_DEPARTMENTS)
    for department in DEFAULT_DEPARTMENTS:
        answer(flow, nid, department)
    assert flow.nomination(nid).stage is Stage.FINAL_APPROVAL


def test_a_failing_score_rejects_without_waiting_for_vetting(flow):
    nid = accepted(flow)
    flow.review(nid, FIVE_MET, *REVIEWERS[:3])
    assert flow.nomination(nid).stage is Stage.REJECTED
    assert overdue_in(flow, DUE) == []  # a rejected nomination is no longer chased


def test_a_veto_from_vetting_disqualifies_with_the_department_and_its_note(flow):
    nid = accepted(flow)
    answer(flow, nid, "公安派出所", "veto", "该户成员 2025 年因赌博被行政拘留")
    nomination = flow.nomination(nid)
    assert nomination.stage is Stage.DISQUALIFIED
    assert nomination.stage_reason == "联合审查（公安派出所）：该户成员 2025 年因赌博被行政拘留"
    [note] = flow.notes("disqualified", "inbox")
    assert "因赌博被行政拘留" in note.text
    assert requests(flow, nid)["公安派出所"].outcome == "veto"


def test_a_veto_for_a_nomination_already_rejected_is_kept_on_record_only(flow):
    nid = accepted(flow)
    flow.review(nid, FIVE_MET, *REVIEWERS[:3])
    answer(flow, nid, "纪委", "veto", "受到党内警告处分")
    assert flow.nomination(nid).stage is Stage.REJECTED
    assert requests(flow, nid)["纪委"].outcome == "veto"


@pytest.mark.parametrize(("outcome", "note", "message"), [
    ("veto", "  ", "公安派出所反馈一票否决，必须写明具体情况"),
    ("maybe", "", "联审结果“maybe”无法识别"),
])
def test_an_unclear_answer_is_refused_and_changes_nothing(flow, outcome, note, message):
    nid = accepted(flow)
    before = deepcopy(flow.rows)
    with pytest.raises(InvalidInput, match=message):
        answer(flow, nid, "公安派出所", outcome, note)
    assert flow.rows == before


def test_a_department_answers_once(flow):
    nid = accepted(flow)
    answer(flow, nid, "司法所")
    refusal = "司法所的联审意见已于 2026-11-20 录入（无不良记录），不能重复录入"
    with pytest.raises(InvalidInput, match=refusal):
        answer(flow, nid, "司法所", "veto", "社区矫正对象")
    assert flow.nomination(nid).stage is Stage.PANEL_REVIEW


def test_only_the_secretariat_records_a_departments_answer(flow):
    nid = accepted(flow)
    request = requests(flow, nid)["信访办"]
    with pytest.raises(Forbidden, match="联审部门的书面意见由镇文明办录入"):
        flow.run(c.AnswerVetting(request.id, WANLI, "clear"))
    assert requests(flow, nid)["信访办"].outcome == "pending"


def test_an_unknown_request_is_refused(flow):
    with pytest.raises(NotFound, match="找不到联审请求 no-such"):
        flow.run(c.AnswerVetting("no-such", SECRETARY, "clear"))


def overdue_in(flow, now: datetime) -> list[tuple[str, str]]:
    with flow.uow as uow:
        return [(r.nomination_id, r.department) for r in overdue_vetting(uow, now)]


def test_a_request_is_overdue_once_unanswered_past_its_due_date(flow):
    nid = accepted(flow)
    answer(flow, nid, "纪委")
    assert overdue_in(flow, DUE - timedelta(seconds=1)) == []
    assert sorted(overdue_in(flow, DUE)) == sorted(
        (nid, d) for d in DEFAULT_DEPARTMENTS if d != "纪委")


def test_a_department_clears_a_whole_list_in_one_reply(flow):
    first, second = accepted(flow, "h-wang"), accepted(flow, "h-chen")
    for department in DEFAULT_DEPARTMENTS:
        flow.run(c.ClearVettingList(department, (first, second), SECRETARY, "经查无不良记录"))
    flow.review(first, ALL_MET, *REVIEWERS[:3])
    assert flow.nomination(first).stage is Stage.FINAL_APPROVAL
    assert {r.note for r in requests(flow, second).values()} == {"经查无不良记录"}


def test_a_reply_entered_before_the_requests_were_opened_opens_them_once(flow):
    nid = flow.submitted()
    flow.bus.handle(c.AcceptNomination(nid, SECRETARY))
    accepted_events = flow.queue.take()  # no worker has opened the requests yet
    flow.run(c.ClearVettingList("纪委", (nid,), SECRETARY))
    flow.bus.handle_events(accepted_events)
    asked = requests(flow, nid)
    assert len(asked) == len(DEFAULT_DEPARTMENTS)
    assert {d: r.outcome for d, r in asked.items() if r.answered} == {"纪委": "clear"}


def test_a_list_with_one_nomination_already_answered_is_refused_whole(flow):
    first, second = accepted(flow, "h-wang"), accepted(flow, "h-chen")
    answer(flow, second, "司法所")
    before = deepcopy(flow.rows)
    with pytest.raises(InvalidInput, match="司法所的联审意见已于"):
        flow.run(c.ClearVettingList("司法所", (first, second), SECRETARY))
    assert flow.rows == before


def test_a_list_naming_a_department_never_asked_is_refused(flow):
    nid = accepted(flow)
    with pytest.raises(NotFound, match="没有就王建国家庭向妇联发出联审请求"):
        flow.run(c.ClearVettingList("妇联", (nid,), SECRETARY))


def test_the_due_date_skips_holidays_and_counts_make_up_workdays():
    calendar = WorkCalendar.of([date(2026, 10, d) for d in range(1, 8)], [date(2026, 10, 10)])
    requested = datetime(2026, 9, 30, 2, tzinfo=UTC)  # Wednesday 10:00 in Shanghai
    # Oct 8, 9, 10 (make-up Saturday), 12, 13: the fifth working day is Oct 13.
    assert due_at(calendar, requested, VettingPolicy()) == datetime(2026, 10, 13, 16, tzinfo=UTC)


def test_a_campaign_can_name_its_own_departments_and_days():
    policy = SimpleNamespace(extra={"vetting": {"departments": ["公安派出所", "妇联"], "days": 3}})
    assert vetting_policy(policy) == VettingPolicy(("公安派出所", "妇联"), 3)  # type: ignore[arg-type]
    assert vetting_policy(SimpleNamespace()) == VettingPolicy()  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="部门不能重复"):
        vetting_policy(SimpleNamespace(extra={"vetting": {"departments": ["纪委", "纪委"]}}))
