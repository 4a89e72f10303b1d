"""Deadlines on working days: reminders before, escalation after, one message a day each."""

import json

from flows import SECRETARY, Flow

from workflows import commands as c


def returned(flow: Flow) -> str:
    nid = flow.submitted()
    flow.run(c.ReturnForRevision(nid, SECRETARY, "缺少会议记录"))
    return nid


def reminders(flow: Flow) -> list:
    return flow.notes("deadline_reminder", "inbox")


def test_no_reminder_while_a_deadline_is_far(flow: Flow) -> None:
    returned(flow)
    flow.run(c.RemindOfDeadlines())
    assert reminders(flow) == []


def test_the_village_is_reminded_when_its_resubmission_is_near_due(flow: Flow) -> None:
    returned(flow)  # 5 working days from Friday 20 Nov 2026: due Thursday 26 Nov
    flow.clock.advance(days=4)
    flow.run(c.RemindOfDeadlines())
    (note,) = reminders(flow)
    assert note.recipient == "account:acc-wanli"
    assert "王建国家庭" in note.text
    assert "2026-11-26" in note.text


def test_an_overdue_item_is_escalated_to_the_secretariat(flow: Flow) -> None:
    returned(flow)
    flow.clock.advance(days=8)
    flow.run(c.RemindOfDeadlines())
    assert sorted(n.recipient for n in reminders(flow)) == [
        "account:acc-wanli", f"account:{SECRETARY.id}"]


def test_reminders_go_out_once_a_day_and_list_every_item_in_one_message(flow: Flow) -> None:
    returned(flow)
    second = flow.submitted("h-liu")
    flow.run(c.ReturnForRevision(second, SECRETARY, "缺少事迹材料"))
    flow.clock.advance(days=4)
    assert flow.run(c.RemindOfDeadlines()) == 1
    assert flow.run(c.RemindOfDeadlines()) == 0
    (note,) = reminders(flow)
    assert "王建国家庭" in note.text
    assert "刘桂芳家庭" in note.text


def test_an_overdue_vetting_reply_is_escalated_to_the_secretariat(flow: Flow) -> None:
    nid = flow.submitted()
    flow.run(c.AcceptNomination(nid, SECRETARY))  # the departments are asked to vet it
    flow.clock.advance(days=10)
    flow.run(c.RemindOfDeadlines())
    (note,) = [n for n in reminders(flow) if n.recipient == f"account:{SECRETARY.id}"]
    assert "联合审查：公安派出所未复函" in note.text


def test_the_secretariats_copy_of_an_overdue_item_says_whose_task_it_is(flow: Flow) -> None:
    returned(flow)  # due Thursday 26 Nov 2026
    flow.clock.advance(days=8)  # Saturday 28 Nov: two days overdue
    flow.run(c.RemindOfDeadlines())
    told = {n.recipient: json.loads(n.text) for n in reminders(flow)}
    secretariat, village = told[f"account:{SECRETARY.id}"], told["account:acc-wanli"]
    assert secretariat["escalated"] is True
    assert [(i["acted_by"], i["overdue_days"]) for i in secretariat["overdue"]] == [("湾里村", 2)]
    assert village["escalated"] is False
    assert [(i["acted_by"], i["overdue_days"]) for i in village["overdue"]] == [("", 2)]
    assert village["upcoming"] == []
