"""Publicity, objections and commendation through the bus."""

from __future__ import annotations

from copy import deepcopy
from dataclasses import FrozenInstanceError, replace
from datetime import UTC, datetime

import pytest
from flows import APPROVER, CAMPAIGN_ID, SECRETARY, WANLI

from workflows import commands as c
from workflows.errors import InvalidInput
from workflows.publicity import PUBLIC_FIELDS, content_hash
from workflows.samples import default_policy
from workflows.stages import IllegalTransition, Stage

ZHAO = {"complainant_name": "赵德明", "complainant_contact": "13907391234"}
COMPLAINT = "该户长期不赡养老人，村里多人知情。"


def objection(nomination_id: str, **who: str) -> c.FileObjection:
    return c.FileObjection(nomination_id, content=COMPLAINT, **{**ZHAO, **who})


def close_window(flow) -> None:
    flow.clock.advance(days=7)
    flow.run(c.CloseDuePublicity())


def test_opening_publicity_moves_the_whole_list_under_one_frozen_notice(flow):
    window_id, ids = flow.in_publicity("h-wang", "h-chen")
    assert {flow.nomination(i).stage for i in ids} == {Stage.PUBLICITY}
    assert {flow.nomination(i).window_id for i in ids} == {window_id}
    [notice] = flow.rows.documents.values()
    assert (notice.kind, notice.version, notice.meta["round"]) == ("publicity_notice", 1, 1)
    assert notice.content_hash == content_hash(notice.entries, notice.meta)
    assert {(e["display_name"], e["village_name"]) for e in notice.entries} == {
        ("王建国家庭", "湾里村"), ("陈志强家庭", "石门村")}
    assert all(set(e) == set(PUBLIC_FIELDS) for e in notice.entries)
    with pytest.raises(FrozenInstanceError):
        notice.content_hash = "0" * 64
    window = flow.rows.windows[window_id]
    assert window.notice_id == notice.id
    assert window.opens_at == datetime(2026, 11, 19, 16, tzinfo=UTC)  # 2026-11-20 in Shanghai
    assert window.closes_at == datetime(2026, 11, 26, 16, tzinfo=UTC)  # end of 2026-11-26
    assert len(flow.notes("publicity_opened", "inbox")) == 2  # one per village


def test_a_second_list_is_a_new_notice_version_and_the_first_is_unchanged(flow):
    flow.in_publicity("h-wang")
    first = deepcopy(next(iter(flow.rows.documents.values())))
    flow.in_publicity("h-chen")
    notices = sorted(flow.rows.documents.values(), key=lambda d: d.version)
    assert [(d.version, d.meta["round"]) for d in notices] == [(1, 1), (2, 2)]
    assert notices[0] == first


def test_a_list_with_one_nomination_not_in_final_approval_is_refused_whole(flow):
    ready, early = flow.in_final("h-wang"), flow.in_panel("h-chen")
    before = deepcopy(flow.rows)
    with pytest.raises(IllegalTransition, match="不能在“评审中”阶段执行 open_publicity"):
        flow.run(c.OpenPublicity(CAMPAIGN_ID, (ready, early), SECRETARY))
    assert flow.rows == before
    assert flow.nomination(ready).stage is Stage.FINAL_APPROVAL


def test_an_objection_after_the_window_is_refused(flow):
    _, [nid] = flow.in_publicity("h-wang")
    flow.clock.advance(days=6, hours=15)  # 2026-11-27 00:00 in Shanghai
    with pytest.raises(InvalidInput, match="王建国家庭 的异议受理期已结束"):
        flow.run(objection(nid))
    assert flow.rows.objections == {}


def test_an_objection_before_publicity_is_refused(flow):
    nid = flow.in_final("h-wang")
    with pytest.raises(InvalidInput, match="王建国家庭 不在公示期内，不能提出异议"):
        flow.run(objection(nid))


@pytest.mark.parametrize("who", [{"complainant_name": " "}, {"complainant_contact": ""}])
def test_an_anonymous_objection_is_refused(flow, who):
    _, [nid] = flow.in_publicity("h-wang")
    with pytest.raises(InvalidInput, match="不受理匿名异议"):
        flow.run(objection(nid, **who))
    assert flow.rows.objections == {}


def test_the_village_hears_of_an_objection_but_never_who_made_it(flow):
    _, [nid] = flow.in_publicity("h-wang")
    flow.run(objection(nid))
    notes = flow.notes("objection_filed")
    assert {(n.recipient, n.channel) for n in notes} == {("account:acc-wanli", "inbox"),
                                                        ("account:acc-wanli", "email")}
    contexts = [ctx for kind, ctx in flow.renderer.calls if kind == "objection_filed"]
    assert contexts
    assert COMPLAINT[:10] in str(contexts)
    for secret in ZHAO.values():
        assert secret not in str(contexts)
        assert all(secret not in n.subject + n.text + n.html for n in notes)


def test_an_upheld_objection_disqualifies_the_nominee_with_the_findings(flow):
    _, [nid] = flow.in_publicity("h-wang")
    case_id = flow.run(objection(nid))
    flow.run(c.ResolveObjection(case_id, "upheld", "经核实，反映情况属实", SECRETARY))
    nomination = flow.nomination(nid)
    assert nomination.stage is Stage.DISQUALIFIED
    assert nomination.stage_reason == "异议成立：经核实，反映情况属实"
    [reply] = flow.notes("objection_outcome")
    assert (reply.recipient, reply.channel, reply.address, reply.status) == (
        f"complainant:{case_id}", "letter", "13907391234", "to_post")


def test_closing_publicity_holds_a_nominee_with_an_open_objection(flow):
    _, [held, clear] = flow.in_publicity("h-wang", "h-chen")
    flow.run(objection(held))
    close_window(flow)
    assert flow.nomination(held).stage is Stage.PUBLICITY
    assert flow.nomination(clear).stage is Stage.APPROVED
    assert all(w.closed_at == flow.clock.now() for w in flow.rows.windows.values())


def test_an_objection_dismissed_after_the_window_closed_releases_the_held_nominee(flow):
    _, [nid] = flow.in_publicity("h-wang")
    case_id = flow.run(objection(nid))
    close_window(flow)
    flow.run(c.ResolveObjection(case_id, "dismissed", "经核实，反映情况不属实", SECRETARY))
    assert flow.nomination(nid).stage is Stage.APPROVED
    assert flow.rows.objections[case_id].status == "dismissed"


def test_commendation_waits_for_open_objections(flow):
    _, [held, _clear] = flow.in_publicity("h-wang", "h-chen")
    flow.run(objection(held))
    close_window(flow)
    with pytest.raises(InvalidInput, match="还有 1 件异议未办结，表彰须待异议处理完毕"):
        flow.run(c.PublishCommendation(CAMPAIGN_ID, APPROVER, "新委发〔2026〕12号"))
    assert [d.kind for d in flow.rows.documents.values()] == ["publicity_notice"]


def test_commendation_waits_for_the_publicity_window_to_end(flow):
    _, ids = flow.in_publicity("h-wang")
    with pytest.raises(InvalidInput, match="公示期或异议受理期尚未结束"):
        flow.run(c.PublishCommendation(CAMPAIGN_ID, APPROVER, "新委发〔2026〕12号"))
    assert flow.nomination(ids[0]).stage is Stage.PUBLICITY


def test_commendation_publishes_the_decision_and_commends_every_approved_nominee(flow):
    _, ids = flow.in_publicity("h-wang", "h-chen")
    close_window(flow)
    doc_id = flow.run(c.PublishCommendation(CAMPAIGN_ID, APPROVER, "新委发〔2026〕12号"))
    decision = flow.rows.documents[doc_id]
    assert (decision.kind, decision.version, decision.meta["number"]) == (
        "commendation_decision", 1, "新委发〔2026〕12号")
    assert sorted(e["nomination_id"] for e in decision.entries) == sorted(ids)
    assert {flow.nomination(i).stage for i in ids} == {Stage.COMMENDED}
    inbox = flow.notes("commended", "inbox")
    assert sorted(n.recipient for n in inbox) == ["account:acc-shimen", "account:acc-wanli"]
    assert all("新委发〔2026〕12号" in n.text for n in inbox)


def test_a_village_with_two_commended_nominees_hears_of_both(flow):
    _, ids = flow.in_publicity("h-wang", "h-liu")
    close_window(flow)
    flow.run(c.PublishCommendation(CAMPAIGN_ID, APPROVER, "新委发〔2026〕12号"))
    assert {flow.nomination(i).stage for i in ids} == {Stage.COMMENDED}
    texts = " ".join(n.text for n in flow.notes("commended", "inbox"))
    assert "王建国家庭" in texts
    assert "刘桂芳家庭" in texts


def test_a_campaign_with_an_unknown_kind_of_publicity_day_is_refused(flow):
    campaign = replace(flow.rows.campaigns[CAMPAIGN_ID], id="c-bad",
                       policy=replace(default_policy(), publicity_day_kind="workdays"))
    with pytest.raises(InvalidInput):
        flow.run(c.CreateCampaign(campaign, SECRETARY))


def test_a_village_cannot_open_publicity(flow):
    nid = flow.in_final("h-wang")
    with pytest.raises(IllegalTransition, match="角色 village_committee 无权执行 open_publicity"):
        flow.run(c.OpenPublicity(CAMPAIGN_ID, (nid,), WANLI))
    assert flow.rows.windows == {}
