"""Dynamic management: re-rating carries a level forward, upgrades or downgrades it (退星);
a failing re-rating sets a remediation deadline, and only past it may the title be revoked
(摘牌). Cancellation (注销) ends a title without a bar."""

from datetime import date

import pytest
from flows import ALL_MET, APPROVER, SECRETARY, Flow
from test_title_revocation import commended

from workflows import title_commands as tc
from workflows.errors import InvalidInput
from workflows.samples import TEN_STAR_CRITERIA

KEYS = [key for key, _ in TEN_STAR_CRITERIA]


def met(n: int) -> dict[str, float]:
    return {key: float(i < n) for i, key in enumerate(KEYS)}


def test_a_gold_household_meeting_eight_criteria_is_downgraded_to_silver(flow: Flow) -> None:
    nid = commended(flow)
    assert flow.run(tc.ReRateTitle(nid, SECRETARY, met(8))) == "downgraded"
    title = flow.rows.titles[0]
    assert (title["status"], title["star_level"]) == ("active", "银星")
    last = [e for e in flow.rows.audit if e.subject_id == nid][-1]
    assert (last.action, last.reason) == ("rerate_downgraded", "复评退星：金星 → 银星")


def test_a_household_meeting_all_criteria_again_is_carried_forward(flow: Flow) -> None:
    nid = commended(flow)
    assert flow.run(tc.ReRateTitle(nid, SECRETARY, ALL_MET)) == "carried"
    assert flow.rows.titles[0]["star_level"] == "金星"


def test_a_silver_household_meeting_all_criteria_is_upgraded(flow: Flow) -> None:
    nid = commended(flow)
    flow.run(tc.ReRateTitle(nid, SECRETARY, met(8)))
    assert flow.run(tc.ReRateTitle(nid, SECRETARY, ALL_MET)) == "upgraded"
    assert flow.rows.titles[0]["star_level"] == "金星"


def test_a_failing_rerating_needs_a_remediation_deadline(flow: Flow) -> None:
    nid = commended(flow)
    with pytest.raises(InvalidInput, match="限期整改"):
        flow.run(tc.ReRateTitle(nid, SECRETARY, met(2)))
    flow.run(tc.ReRateTitle(nid, SECRETARY, met(2), remediation_due=date(2027, 3, 31)))
    title = flow.rows.titles[0]
    assert (title["status"], title["remediation_due"]) == ("remediation", date(2027, 3, 31))


def test_revocation_for_failed_remediation_waits_for_the_deadline(flow: Flow) -> None:
    nid = commended(flow)
    flow.run(tc.ReRateTitle(nid, SECRETARY, met(2), remediation_due=date(2027, 3, 31)))
    with pytest.raises(InvalidInput, match="整改期限至 2027-03-31"):
        flow.run(tc.ReportForRevocation(nid, SECRETARY, "remediation_failed", "整改未完成"))
    flow.clock.advance(days=140)
    flow.run(tc.ReportForRevocation(nid, SECRETARY, "remediation_failed", "整改未完成"))
    flow.run(tc.VerifyRevocationReport(nid, SECRETARY, "复查仍不达标", founded=True))
    flow.run(tc.DecideRevocation(nid, APPROVER, revoke=True))
    assert flow.rows.titles[0]["end_reason"] == "复评不达标且限期整改逾期未改"


def test_a_remediation_met_in_time_restores_the_title(flow: Flow) -> None:
    nid = commended(flow)
    flow.run(tc.ReRateTitle(nid, SECRETARY, met(2), remediation_due=date(2027, 3, 31)))
    assert flow.run(tc.ReRateTitle(nid, SECRETARY, met(9))) == "downgraded"
    title = flow.rows.titles[0]
    assert (title["status"], title["star_level"], title["remediation_due"]) == (
        "active", "银星", None)


def test_cancellation_keeps_the_history_and_sets_no_bar(flow: Flow) -> None:
    nid = commended(flow)
    flow.run(tc.CancelTitle(nid, SECRETARY, "merge", "并入石门村"))
    title = flow.rows.titles[0]
    assert (title["status"], title["end_reason"], title["barred_until"]) == (
        "cancelled", "村（居）合并：并入石门村", None)
    with pytest.raises(InvalidInput, match="该称号已注销，不再复评"):
        flow.run(tc.ReRateTitle(nid, SECRETARY, ALL_MET))
    with pytest.raises(InvalidInput, match="该称号已注销，不能再办理撤销"):
        flow.run(tc.ReportForRevocation(nid, SECRETARY, "crime", "x"))
