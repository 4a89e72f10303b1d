"""Submitting and accepting: the assembly's vote, the nominee's consent, eligibility, quotas,
and the honour roll that later campaigns check against."""

from dataclasses import replace
from datetime import date

import pytest
from flows import ALL_MET, CAMPAIGN_ID, MEETING, REVIEWERS, SECRETARY, WANLI, Flow

from workflows import commands as c
from workflows.assembly import AssemblyVote
from workflows.campaign import Campaign
from workflows.errors import InvalidInput
from workflows.policy import Programme, Quota
from workflows.samples import default_policy
from workflows.stages import Stage


def test_a_household_without_the_assemblys_vote_cannot_be_submitted(flow: Flow) -> None:
    nid = flow.create(vote=None)
    with pytest.raises(InvalidInput, match="王建国家庭：【村民代表会议】尚未登记"):
        flow.run(c.SubmitNomination(nid, WANLI))
    assert flow.nomination(nid).stage is Stage.DRAFT


def test_a_vote_short_of_a_majority_cannot_carry_the_submission(flow: Flow) -> None:
    nid = flow.create(vote=AssemblyVote(19, 15, 4))
    with pytest.raises(InvalidInput, match="赞成 19 票，未超过实到 38 人的二分之一"):
        flow.run(c.SubmitNomination(nid, WANLI))


def test_the_assembly_vote_is_audited_on_the_nomination(flow: Flow) -> None:
    nid = flow.create()
    assert flow.nomination(nid).assembly["votes_for"] == 33
    entries = [e for e in flow.rows.audit if e.subject_id == nid]
    assert [e.action for e in entries] == ["create", "record_assembly"]
    assert entries[1].reason == "应到 45 实到 38 赞成 33 反对 3 弃权 2"


def test_a_nomination_by_others_waits_for_the_nominees_confirmation(flow: Flow) -> None:
    nid = flow.run(c.CreateNomination(CAMPAIGN_ID, "model_household", "h-wang", WANLI,
                                      nominated_by="others"))
    flow.run(c.RecordAssemblyVotes(WANLI, MEETING, {nid: AssemblyVote(30)}))
    with pytest.raises(InvalidInput, match="须先由村文书登记被推荐人本人的确认"):
        flow.run(c.SubmitNomination(nid, WANLI))
    flow.run(c.RecordConsent(nid, WANLI, "王建国", date(2026, 11, 21)))
    flow.run(c.SubmitNomination(nid, WANLI))
    assert flow.nomination(nid).stage is Stage.PRELIMINARY_REVIEW


def small_quota_campaign(flow: Flow, ceiling: int | None) -> str:
    policy = default_policy()
    household = replace(policy.programmes[Programme.MODEL_HOUSEHOLD], quota=Quota(1, ceiling))
    policy = replace(policy, programmes={**policy.programmes, Programme.MODEL_HOUSEHOLD: household})
    flow.run(c.CreateCampaign(Campaign("c-small", "t-xinping", 2026, "小名额", policy), SECRETARY))
    return "c-small"


def submitted_in(flow: Flow, campaign_id: str, *households: str) -> list[str]:
    ids = [flow.run(c.CreateNomination(campaign_id, "model_household", h, WANLI))
           for h in households]
    flow.run(c.RecordAssemblyVotes(WANLI, MEETING, {i: AssemblyVote(30) for i in ids}))
    flow.run(c.SubmitNominations(tuple(ids), WANLI))
    return ids


def test_accepting_past_the_target_warns_in_the_log(flow: Flow) -> None:
    ids = submitted_in(flow, small_quota_campaign(flow, None), "h-wang", "h-liu")
    flow.run(c.AcceptNominations(tuple(ids), SECRETARY))
    accepted = [e for e in flow.rows.audit if e.action == "accept"]
    assert {e.reason for e in accepted} == {"名额提醒：湾里村道德模范户受理 2 件，超过目标 1 件"}


def test_accepting_past_a_ceiling_is_refused_and_changes_nothing(flow: Flow) -> None:
    first, second = submitted_in(flow, small_quota_campaign(flow, 1), "h-wang", "h-liu")
    flow.run(c.AcceptNomination(first, SECRETARY))
    with pytest.raises(InvalidInput, match="湾里村道德模范户受理 2 件，超过名额上限 1 件"):
        flow.run(c.AcceptNomination(second, SECRETARY))
    assert flow.nomination(second).stage is Stage.PRELIMINARY_REVIEW


def test_a_commended_household_is_not_rated_again_at_the_same_level(flow: Flow) -> None:
    _, (nid,) = flow.in_publicity("h-wang")
    flow.clock.advance(days=8)
    flow.run(c.CloseDuePublicity())
    flow.run(c.PublishCommendation(CAMPAIGN_ID, SECRETARY, "新坪发〔2026〕12号"))
    assert flow.rows.titles[0]["star_level"] == "金星"
    again = flow.run(c.CreateNomination(flow.next_year(), "model_household", "h-wang", WANLI,
                                        self_marks=ALL_MET))
    flow.run(c.RecordAssemblyVotes(WANLI, MEETING, {again: AssemblyVote(30)}))
    with pytest.raises(InvalidInput, match="已于 2026 年获得“道德模范户（金星）”"):
        flow.run(c.SubmitNomination(again, WANLI))


def test_a_past_winner_is_caught_at_the_panel_once_the_level_is_known(flow: Flow) -> None:
    _, (nid,) = flow.in_publicity("h-wang")
    flow.clock.advance(days=8)
    flow.run(c.CloseDuePublicity())
    flow.run(c.PublishCommendation(CAMPAIGN_ID, SECRETARY, "新坪发〔2026〕12号"))
    # no self-assessment: the level is not known yet
    again = flow.in_panel("h-wang", campaign_id=flow.next_year())
    flow.review(again, ALL_MET, *REVIEWERS[:3])
    assert flow.nomination(again).stage is Stage.REJECTED
    assert "已于 2026 年获得“道德模范户（金星）”" in flow.nomination(again).stage_reason
