"""Revocation as its own workflow: report → verification → party-committee decision →
revocation notice; the bar it sets blocks re-nomination for the campaign's period."""

from datetime import date

import pytest
from flows import ALL_MET, APPROVER, CAMPAIGN_ID, MEETING, SECRETARY, WANLI, Flow

from workflows import commands as c
from workflows import title_commands as tc
from workflows.assembly import AssemblyVote
from workflows.errors import Forbidden, InvalidInput
from workflows.stages import Stage
from workflows.title_record import TitleRecord


def commended(flow: Flow) -> str:
    _, (nid,) = flow.in_publicity("h-wang")
    flow.clock.advance(days=8)
    flow.run(c.CloseDuePublicity())
    flow.run(c.PublishCommendation(CAMPAIGN_ID, SECRETARY, "新坪发〔2026〕12号"))
    return nid


def revoked(flow: Flow) -> str:
    nid = commended(flow)
    flow.run(tc.ReportForRevocation(nid, SECRETARY, "crime", "户主王建国因盗窃被判刑"))
    flow.run(tc.VerifyRevocationReport(nid, SECRETARY, "经派出所核实属实", founded=True))
    flow.run(tc.DecideRevocation(nid, APPROVER, revoke=True))
    return nid


def test_each_step_of_the_case_is_audited_and_the_decision_ends_the_title(flow: Flow) -> None:
    nid = revoked(flow)
    flow.run(tc.IssueRevocationNotice(nid, SECRETARY, "新坪发〔2026〕20号", date(2026, 12, 1)))
    title = flow.rows.titles[0]
    assert (title["status"], title["case_stage"]) == ("revoked", "noticed")
    assert title["end_reason"] == "本人或家庭成员违法犯罪"
    assert title["barred_until"] == date(2028, 11, 28)
    assert title["benefits_ended_on"] == date(2026, 12, 1)
    assert flow.nomination(nid).stage is Stage.REVOKED
    entries = [e for e in flow.rows.audit if e.subject_id == nid][-4:]
    assert [(e.action, e.actor_id) for e in entries] == [
        ("title_report", "sec-1"), ("title_verify", "sec-1"), ("revoke", "app-1"),
        ("title_notice", "sec-1")]
    assert "2028-11-28 前不得再申报" in entries[2].reason


def test_the_party_committee_cannot_decide_before_verification(flow: Flow) -> None:
    nid = commended(flow)
    flow.run(tc.ReportForRevocation(nid, SECRETARY, "fraud", "事迹材料造假"))
    with pytest.raises(InvalidInput, match="撤销程序现处于“已举报待核查”，不能决定撤销"):
        flow.run(tc.DecideRevocation(nid, APPROVER, revoke=True))
    assert flow.rows.titles[0]["status"] == "active"


def test_only_the_party_committee_decides(flow: Flow) -> None:
    nid = commended(flow)
    flow.run(tc.ReportForRevocation(nid, SECRETARY, "fraud", "事迹材料造假"))
    flow.run(tc.VerifyRevocationReport(nid, SECRETARY, "属实", founded=True))
    with pytest.raises(Forbidden, match="决定撤销须由镇党委办理"):
        flow.run(tc.DecideRevocation(nid, SECRETARY, revoke=True))
    assert flow.nomination(nid).stage is Stage.COMMENDED


def test_an_unfounded_report_closes_the_case_and_keeps_the_title(flow: Flow) -> None:
    nid = commended(flow)
    flow.run(tc.ReportForRevocation(nid, SECRETARY, "petition", "匿名来信"))
    flow.run(tc.VerifyRevocationReport(nid, SECRETARY, "经核查不属实", founded=False))
    title = flow.rows.titles[0]
    assert (title["status"], title["case_stage"], title["reason_code"]) == ("active", "", "")


def test_an_unknown_reason_code_is_refused(flow: Flow) -> None:
    nid = commended(flow)
    with pytest.raises(InvalidInput, match="撤销原因代码应为"):
        flow.run(tc.ReportForRevocation(nid, SECRETARY, "dislike", "不喜欢"))


def test_revocation_bars_renomination_for_the_barred_period(flow: Flow) -> None:
    revoked(flow)
    again = flow.run(c.CreateNomination(flow.next_year(), "model_household", "h-wang", WANLI,
                                        self_marks=ALL_MET))
    flow.run(c.RecordAssemblyVotes(WANLI, MEETING, {again: AssemblyVote(30)}))
    with pytest.raises(InvalidInput, match="2028-11-28 前不得申报"):
        flow.run(c.SubmitNomination(again, WANLI))
    flow.clock.advance(days=731)
    flow.run(c.SubmitNomination(again, WANLI))
    assert flow.nomination(again).stage is Stage.PRELIMINARY_REVIEW


def test_plaque_recovery_is_recorded_with_its_date(flow: Flow) -> None:
    nid = commended(flow)
    with pytest.raises(InvalidInput, match="牌匾尚未发放"):
        flow.run(tc.RecordPlaque(nid, SECRETARY, "recovered", date(2026, 12, 2)))
    flow.run(tc.RecordPlaque(nid, SECRETARY, "issued", date(2026, 11, 30)))
    flow.run(tc.RecordPlaque(nid, SECRETARY, "hung", date(2026, 11, 30)))
    flow.run(tc.RecordPlaque(nid, SECRETARY, "recovered", date(2026, 12, 2)))
    title = flow.rows.titles[0]
    assert (title["plaque_issued_on"], title["plaque_hung_on"], title["plaque_recovered_on"]) \
        == (date(2026, 11, 30), date(2026, 11, 30), date(2026, 12, 2))


def test_a_deferred_plaque_cannot_be_hung_before_its_date() -> None:
    title = TitleRecord("n-1", "h-li", "model_household", "银星", 2026, date(2026, 12, 1),
                        plaque_from=date(2028, 1, 1))
    with pytest.raises(InvalidInput, match="牌匾自 2028-01-01 起方可悬挂"):
        title.record_plaque("hung", date(2027, 12, 31))
    title.record_plaque("hung", date(2028, 1, 1))
    assert title.plaque_hung_on == date(2028, 1, 1)
