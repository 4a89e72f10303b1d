"""Text, numbers and dates from people, through the bus: normalised on entry, or refused with
nothing changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from flows import APPROVER, CAMPAIGN_ID, MEETING, PASSING_VOTE, REVIEWERS, SECRETARY, WANLI

from workflows import commands as c
from workflows.campaign import Campaign
from workflows.errors import InvalidInput
from workflows.samples import default_policy
from workflows.stages import IllegalTransition, Stage

COMPLAINT = "该户长期不赡养老人，村里多人知情。"


def objection(nomination_id: str, name: str = "赵德明", contact: str = "13907391234",
              content: str = COMPLAINT) -> c.FileObjection:
    return c.FileObjection(nomination_id, name, contact, content)


@pytest.mark.parametrize(("name", "contact"), [
    ("\u200b", "13907391234"),
    ("\ufeff\u202e\u2060", "13907391234"),
    ("\u0000\u0007", "13907391234"),
    ("赵德明", "\u200b\u200c"),
])
def test_an_objection_from_an_invisible_name_or_contact_is_anonymous_and_refused(
        flow, name, contact):
    _, [nid] = flow.in_publicity("h-wang")
    with pytest.raises(InvalidInput, match="不受理匿名异议"):
        flow.run(objection(nid, name, contact))
    assert flow.rows.objections == {}


@pytest.mark.parametrize("contact", ["12345", "abcdefghijk", "12907391234", "zhao@", "0739-12"])
def test_an_objection_with_a_contact_that_is_no_phone_or_e_mail_is_refused(flow, contact):
    _, [nid] = flow.in_publicity("h-wang")
    with pytest.raises(InvalidInput, match=f"联系方式“{contact}”不是有效的"):
        flow.run(objection(nid, contact=contact))
    assert flow.rows.objections == {}


def test_an_objection_is_kept_normalised(flow):
    _, [nid] = flow.in_publicity("h-wang")
    oid = flow.run(objection(nid, " 赵\u0000德\u200b明 ", "139 0739 1234",
                             "\ufeff该户长期不赡养老人，\u202e村里多人知情。\r\n第二行\u0007"))
    case = flow.rows.objections[oid]
    assert (case.complainant_name, case.complainant_contact) == ("赵德明", "13907391234")
    assert case.content == "该户长期不赡养老人，村里多人知情。\n第二行"


def test_a_phone_or_id_number_in_an_objection_reaches_the_village_masked(flow):
    _, [nid] = flow.in_publicity("h-wang")
    flow.run(objection(nid, content="请打13907391234找我，身份证430522199001011235"))
    notes = flow.notes("objection_filed")
    contexts = str([ctx for kind, ctx in flow.renderer.calls if kind == "objection_filed"])
    assert "139****1234" in contexts
    assert "430522********1235" in contexts
    for secret in ("13907391234", "430522199001011235"):
        assert secret not in contexts
        assert all(secret not in n.subject + n.text + n.html for n in notes)


def test_a_household_nominated_twice_in_one_campaign_is_refused_naming_the_first(flow):
    first = flow.submitted("h-wang")
    with pytest.raises(InvalidInput, match=f"王建国家庭已在本次评选的“道德模范户”中申报过"
                                           f"（申报 {first[:8]}，现处于“.+”阶段），不能重复申报"):
        flow.run(c.CreateNomination(CAMPAIGN_ID, "model_household", "h-wang", WANLI))
    assert list(flow.rows.nominations) == [first]


def test_the_same_household_may_be_nominated_again_in_next_years_campaign(flow):
    flow.create("h-wang")
    again = flow.create("h-wang", campaign_id=flow.next_year())
    assert flow.nomination(again).stage is Stage.DRAFT


def test_deeds_are_kept_normalised(flow):
    nid = flow.run(c.CreateNomination(CAMPAIGN_ID, "model_household", "h-wang", WANLI,
                                      deeds="\u202e照顾瘫痪婆婆\u0000十余年\u200b  \r\n"))
    assert flow.nomination(nid).deeds == "照顾瘫痪婆婆十余年"


@pytest.mark.parametrize("reason", ["\u200b", " \u0000 ", "\ufeff\n\t"])
def test_a_return_whose_reason_is_only_invisible_characters_is_refused(flow, reason):
    nid = flow.submitted("h-wang")
    before = flow.nomination(nid)
    with pytest.raises(IllegalTransition, match="执行 return_for_revision 必须写明理由"):
        flow.run(c.ReturnForRevision(nid, SECRETARY, reason))
    assert flow.nomination(nid) == before


@pytest.mark.parametrize("year", [0, -1, 1999, 2028, 99999])
def test_a_campaign_year_outside_2000_to_next_year_is_refused(flow, year):
    campaign = Campaign("c-odd", "t-xinping", year, "年度评选", default_policy())
    with pytest.raises(InvalidInput, match=f"评选年度 {year} 不合理：应在 2000 到 2027 之间"):
        flow.run(c.CreateCampaign(campaign, SECRETARY))
    assert "c-odd" not in flow.rows.campaigns


def test_a_campaign_without_a_visible_name_is_refused(flow):
    campaign = Campaign("c-odd", "t-xinping", 2026, "\u200b\u0000", default_policy())
    with pytest.raises(InvalidInput, match="活动名称不能为空"):
        flow.run(c.CreateCampaign(campaign, SECRETARY))
    assert "c-odd" not in flow.rows.campaigns


@pytest.mark.parametrize(("held_on", "message"), [
    (date(1899, 12, 31), "太早：2026 年度评选的会议应在 2025-01-01 以后召开"),
    (date(2024, 12, 31), "太早"),
    (date(2099, 1, 1), "在今天（2026-11-20）之后"),
    (date(2026, 11, 21), "只能登记已经召开的会议"),
])
def test_an_assembly_meeting_dated_in_the_future_or_long_before_is_refused(
        flow, held_on, message):
    nid = flow.create("h-wang", vote=None)
    meeting = replace(MEETING, held_on=held_on)
    with pytest.raises(InvalidInput, match=message):
        flow.run(c.RecordAssemblyVotes(WANLI, meeting, {nid: PASSING_VOTE}))
    assert flow.nomination(nid).assembly == {}


def test_an_assembly_meeting_of_the_year_before_the_campaign_is_accepted(flow):
    nid = flow.create("h-wang", vote=None)
    flow.run(c.RecordAssemblyVotes(WANLI, replace(MEETING, held_on=date(2025, 1, 1)),
                                   {nid: PASSING_VOTE}))
    assert flow.nomination(nid).assembly["held_on"] == "2025-01-01"


@pytest.mark.parametrize("note", ["\u200b", "\u0000\u202e", " \ufeff "])
def test_a_veto_whose_note_is_only_invisible_characters_is_refused(flow, note):
    nid = flow.submitted("h-wang")
    flow.run(c.AcceptNomination(nid, SECRETARY))
    request = next(r for r in flow.rows.panel.vetting.values() if r.nomination_id == nid)
    with pytest.raises(InvalidInput, match="必须写明具体情况"):
        flow.run(c.AnswerVetting(request.id, SECRETARY, "veto", note))
    assert not flow.rows.panel.vetting[request.id].answered


def test_a_vetting_note_is_kept_normalised(flow):
    nid = flow.submitted("h-wang")
    flow.run(c.AcceptNomination(nid, SECRETARY))
    request = next(r for r in flow.rows.panel.vetting.values() if r.nomination_id == nid)
    flow.run(c.AnswerVetting(request.id, SECRETARY, "veto", "\u202e有涉赌\u0000记录\u200b "))
    assert flow.rows.panel.vetting[request.id].note == "有涉赌记录"


def test_a_recusal_whose_reason_is_only_invisible_characters_is_refused(flow):
    nid = flow.in_panel("h-wang")
    reviewer = next(iter(REVIEWERS))
    with pytest.raises(InvalidInput, match="申请回避必须写明理由"):
        flow.run(c.DeclareConflict(nid, reviewer, "\u200b\u2060"))
    assert flow.rows.panel.recusals == {}


def test_the_reason_for_an_exception_at_approval_is_normalised_in_the_audit_log(flow):
    approved, excepted = flow.in_final("h-wang"), flow.in_final("h-liu")
    flow.run(c.OpenPublicity(CAMPAIGN_ID, (approved,), APPROVER,
                             exceptions={excepted: "\ufeff群众\u0000反映\u202e较多\u200b"}))
    last = max((e for e in flow.rows.audit if e.subject_id == excepted), key=lambda e: e.seq)
    assert (last.action, last.reason) == ("reject", "群众反映较多")
