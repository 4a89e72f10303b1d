"""Nomination handlers through the bus: submission, checks, revision, panel, bus guarantees."""

from __future__ import annotations

from copy import deepcopy
from dataclasses import replace
from datetime import timedelta

import pytest
from flows import ALL_MET, FIVE_MET, REVIEWERS, SECRETARY, SHIMEN, WANLI, Flow

from workflows import commands as c
from workflows.errors import DomainError, Forbidden, InvalidInput, StaleVersion
from workflows.stages import IllegalTransition, Stage


def test_a_submission_passes_the_automatic_check_into_preliminary_review(flow):
    nid = flow.submitted("h-wang")
    assert flow.nomination(nid).stage is Stage.PRELIMINARY_REVIEW
    inbox, email = flow.notes("received", "inbox"), flow.notes("received", "email")
    assert [(n.recipient, n.status) for n in inbox] == [("account:acc-wanli", "delivered")]
    assert [(n.address, n.status) for n in email] == [("wanli@example.cn", "pending")]
    assert "王建国家庭" in inbox[0].text
    assert flow.queue.notification_ids == [email[0].id]


def test_a_household_member_with_a_veto_disqualifies_the_household_on_submission(flow):
    nid = flow.submitted("h-li")
    nomination = flow.nomination(nid)
    assert nomination.stage is Stage.DISQUALIFIED
    assert nomination.stage_reason == "一票否决：李小龙：违法犯罪或违反党纪政纪"
    [note] = flow.notes("disqualified", "inbox")
    assert "李小龙：违法犯罪或违反党纪政纪" in note.text


def test_a_returned_nomination_tells_the_village_why(flow):
    nid = flow.submitted()
    flow.run(c.ReturnForRevision(nid, SECRETARY, reason="缺少村民代表会议记录"))
    assert flow.nomination(nid).stage is Stage.RETURNED
    [note] = flow.notes("returned", "inbox")
    assert note.recipient == "account:acc-wanli"
    assert "缺少村民代表会议记录" in note.text


def test_a_return_without_a_reason_is_refused_and_nothing_changes(flow):
    nid = flow.submitted()
    before = deepcopy(flow.rows)
    with pytest.raises(IllegalTransition, match="必须写明理由"):
        flow.run(c.ReturnForRevision(nid, SECRETARY, reason="  "))
    assert flow.rows == before


def test_a_resubmitted_nomination_counts_the_round_and_is_back_in_preliminary_review(flow):
    nid = flow.submitted()
    flow.run(c.ReturnForRevision(nid, SECRETARY, reason="缺少村民代表会议记录"))
    flow.run(c.ResubmitNomination(nid, WANLI))
    nomination = flow.nomination(nid)
    assert (nomination.stage, nomination.revision_round) == (Stage.PRELIMINARY_REVIEW, 1)
    assert len(flow.notes("received", "inbox")) == 2


def test_a_village_cannot_move_another_villages_nomination(flow):
    nid = flow.create("h-wang", WANLI)
    before = deepcopy(flow.rows)
    with pytest.raises(Forbidden, match="村两委只能办理本村的申报"):
        flow.run(c.SubmitNomination(nid, SHIMEN))
    assert flow.rows == before
    assert flow.nomination(nid).stage is Stage.DRAFT


def test_a_village_cannot_nominate_another_villages_household(flow):
    with pytest.raises(Forbidden, match="只有被推荐对象所在村的村两委可以填报申报"):
        flow.create("h-wang", SHIMEN)
    assert flow.rows.nominations == {}


def test_a_move_made_on_an_outdated_page_is_refused(flow):
    nid = flow.create()
    flow.run(c.SubmitNomination(nid, WANLI))
    with pytest.raises(StaleVersion, match="已被他人修改（版本 4，您看到的是 1）"):
        flow.run(c.WithdrawNomination(nid, WANLI, expected_version=1))
    assert flow.nomination(nid).stage is Stage.PRELIMINARY_REVIEW


def test_the_panel_waits_for_a_quorum_of_reviews(flow):
    nid = flow.in_panel()
    flow.review(nid, ALL_MET, *REVIEWERS[:2])
    assert flow.nomination(nid).stage is Stage.PANEL_REVIEW
    assert flow.nomination(nid).star_level == ""


def test_the_quorum_th_passing_review_moves_it_to_final_approval_with_its_star_level(flow):
    nid = flow.in_panel()
    flow.review(nid, ALL_MET, *REVIEWERS[:3])
    nomination = flow.nomination(nid)
    assert (nomination.stage, nomination.star_level, nomination.points) == (
        Stage.FINAL_APPROVAL, "金星", 10)
    assert len(flow.notes("stage_passed", "inbox")) == 2  # accepted, then passed the panel


def test_failing_marks_reject_it_with_the_score_in_the_reason(flow):
    nid = flow.in_panel()
    flow.review(nid, FIVE_MET, *REVIEWERS[:3])
    nomination = flow.nomination(nid)
    assert nomination.stage is Stage.REJECTED
    assert nomination.stage_reason == "评审得分 5（铜星），未达到评定标准"
    [note] = flow.notes("rejected", "inbox")
    assert "评审得分 5（铜星）" in note.text


def test_a_reviewer_cannot_score_the_same_nomination_twice(flow):
    nid = flow.in_panel()
    flow.review(nid, ALL_MET, REVIEWERS[0])
    with pytest.raises(InvalidInput, match="评审委员 评委1 已为王建国家庭打过分"):
        flow.review(nid, FIVE_MET, REVIEWERS[0])
    assert [r.reviewer_id for r in flow.rows.reviews] == ["rev-1"]


def test_a_mark_out_of_range_is_refused_and_no_review_is_stored(flow):
    nid = flow.in_panel()
    with pytest.raises(InvalidInput, match="“孝老爱亲”的分数 3 超出范围（0–1）"):
        flow.review(nid, {**ALL_MET, "filial": 3}, REVIEWERS[0])
    assert flow.rows.reviews == []


def test_only_reviewers_may_score(flow):
    nid = flow.in_panel()
    with pytest.raises(Forbidden, match="只有评审委员可以打分"):
        flow.review(nid, ALL_MET, SECRETARY)
    assert flow.rows.reviews == []


def test_the_same_event_handled_twice_has_one_effect(flow):
    nid = flow.create()
    flow.bus.handle(c.SubmitNomination(nid, WANLI))
    [event_id] = flow.queue.take()
    assert flow.bus.handle_events([event_id, event_id]) == 1
    assert flow.bus.handle_events([event_id]) == 0
    flow.drain()
    assert len(flow.notes("received", "inbox")) == 1
    assert len(flow.notes("received", "email")) == 1
    moves = [a for a in flow.rows.audit if a.subject_id == nid and a.action == "start_review"]
    assert len(moves) == 1
    assert flow.nomination(nid).stage is Stage.PRELIMINARY_REVIEW


def test_a_lost_doorbell_loses_nothing_the_sweeper_finds_the_event(flow, monkeypatch):
    nid = flow.create()

    def broker_down(event_ids):
        raise ConnectionError("redis is down")

    monkeypatch.setattr(flow.queue, "publish_events", broker_down)
    flow.bus.handle(c.SubmitNomination(nid, WANLI))
    assert flow.nomination(nid).stage is Stage.SUBMITTED  # committed all the same
    with flow.uow as uow:
        stale = uow.outbox.stale(flow.clock.now() + timedelta(minutes=5))
    assert len(stale) == 1
    monkeypatch.undo()
    flow.bus.handle_events(stale)
    flow.drain()
    assert flow.nomination(nid).stage is Stage.PRELIMINARY_REVIEW
    assert len(flow.notes("received", "inbox")) == 1


def test_a_refused_event_handler_is_undone_alone_and_the_rest_of_the_batch_applies(flow):
    gone, kept = flow.create("h-wang"), flow.create("h-chen", SHIMEN)
    flow.bus.handle(c.SubmitNomination(gone, WANLI))
    flow.bus.handle(c.SubmitNomination(kept, SHIMEN))
    del flow.uow.committed.subjects["household", "h-wang"]  # removed from the roster meanwhile
    flow.bus.handle_events(flow.queue.take())
    assert flow.nomination(gone).stage is Stage.SUBMITTED  # its check was refused (NotFound)
    assert flow.nomination(kept).stage is Stage.PRELIMINARY_REVIEW
    received = {n.recipient for n in flow.notes("received", "inbox")}
    assert received == {"account:acc-wanli", "account:acc-shimen"}


def test_a_refused_event_handler_leaves_none_of_its_partial_writes(flow, monkeypatch, caplog):
    ids = (flow.in_final("h-chen", SHIMEN), flow.in_final("h-wang"))
    original = flow.renderer.render

    def refuse_wanli(kind, context):  # 石门村 (v-shimen) is notified first, then this refuses
        if kind == "publicity_opened" and context["recipient"]["name"] == "湾里村村两委":
            raise InvalidInput("模板缺少字段")
        return original(kind, context)

    monkeypatch.setattr(flow.renderer, "render", refuse_wanli)
    flow.run(c.OpenPublicity("c-2026", ids, SECRETARY))
    kind, context = flow.renderer.calls[-1]
    assert (kind, context["recipient"]["name"]) == ("publicity_opened", "石门村村两委")
    assert flow.notes("publicity_opened") == []  # 石门村's rows were written, then undone
    assert {flow.nomination(i).stage for i in ids} == {Stage.PUBLICITY}
    assert "event handler refused" in caplog.text


def test_a_command_that_fails_midway_leaves_the_store_unchanged(flow):
    nid = flow.in_final()
    campaign = flow.rows.campaigns["c-2026"]  # a stored campaign with a mistyped day kind
    flow.uow.committed.campaigns["c-2026"] = replace(
        campaign, policy=replace(campaign.policy, publicity_day_kind="workdays"))
    before = deepcopy(flow.rows)
    with pytest.raises(ValueError, match="未知的天数计算方式 workdays"):
        flow.run(c.OpenPublicity("c-2026", (nid,), SECRETARY))
    assert flow.rows == before
    assert flow.rows.documents == {}
    assert flow.rows.windows == {}
    assert flow.nomination(nid).stage is Stage.FINAL_APPROVAL


def test_an_illegal_move_is_a_domain_refusal(flow):
    nid = flow.submitted()
    with pytest.raises(DomainError):
        flow.run(c.SubmitNomination(nid, WANLI))



def test_a_late_stage_notice_names_the_stage_the_event_moved_to(flow: Flow) -> None:
    nomination_id = flow.submitted()
    flow.bus.handle(c.AcceptNomination(nomination_id, SECRETARY))
    flow.bus.handle(c.RejectNomination(nomination_id, SECRETARY, "材料经核查与实际不符"))
    flow.drain()  # the acceptance is handled only after the rejection
    passed = flow.notes("stage_passed", "inbox")
    assert len(passed) == 1
    assert "评审中" in passed[0].text
    assert "未通过" not in passed[0].text


def test_a_score_sheet_with_one_bad_mark_is_refused_whole(flow: Flow) -> None:
    first, second = flow.in_panel("h-wang"), flow.in_panel("h-chen")
    sheet = {first: ALL_MET, second: {**ALL_MET, "filial": 3}}
    with pytest.raises(InvalidInput, match="孝老爱亲"):
        flow.run(c.RecordReviews(REVIEWERS[0], sheet))
    assert flow.rows.reviews == []


def test_a_village_submits_its_list_at_once(flow: Flow) -> None:
    ids = (flow.create("h-wang"), flow.create("h-liu"))
    assert flow.run(c.SubmitNominations(ids, WANLI)) == 2
    assert {flow.nomination(i).stage for i in ids} == {Stage.PRELIMINARY_REVIEW}
    assert flow.run(c.AcceptNominations(ids, SECRETARY)) == 2
    assert {flow.nomination(i).stage for i in ids} == {Stage.PANEL_REVIEW}
