"""Weighted final scores: panel 50 / representatives 25 / public 25."""

from dataclasses import replace

import pytest
from flows import CAMPAIGN_ID, REVIEWERS, SECRETARY, Flow

from workflows import commands as c
from workflows.errors import InvalidInput
from workflows.policy import Criterion, Programme, Rubric
from workflows.stages import Stage

WEIGHTED = Rubric(style="points", criteria=(Criterion("deeds", "事迹", 100),),
                  award_threshold=85, weights={"panel": 50, "representatives": 25, "public": 25})


@pytest.fixture
def weighted(flow: Flow) -> Flow:
    campaign = flow.rows.campaigns[CAMPAIGN_ID]
    household = replace(campaign.policy.programmes[Programme.MODEL_HOUSEHOLD], rubric=WEIGHTED)
    policy = replace(campaign.policy, programmes={**campaign.policy.programmes,
                                                  Programme.MODEL_HOUSEHOLD: household})
    flow.rows.campaigns[CAMPAIGN_ID] = replace(campaign, policy=policy)
    return flow


def scored(flow: Flow) -> str:
    nid = flow.in_panel()
    flow.review(nid, {"deeds": 90}, *REVIEWERS[:3])
    return nid


def test_the_panel_waits_for_the_representatives_and_the_public(weighted: Flow) -> None:
    nid = scored(weighted)
    assert weighted.nomination(nid).stage is Stage.PANEL_REVIEW
    weighted.run(c.RecordOutsideScores(nid, SECRETARY, {"representatives": 80}))
    assert weighted.nomination(nid).stage is Stage.PANEL_REVIEW
    weighted.run(c.RecordOutsideScores(nid, SECRETARY, {"public": 90}))
    assert weighted.nomination(nid).stage is Stage.FINAL_APPROVAL
    assert weighted.nomination(nid).points == 87.5


def test_a_weighted_score_below_the_threshold_is_not_commended(weighted: Flow) -> None:
    nid = scored(weighted)
    weighted.run(c.RecordOutsideScores(nid, SECRETARY, {"representatives": 80, "public": 60}))
    assert weighted.nomination(nid).stage is Stage.REJECTED
    assert "80" in weighted.nomination(nid).stage_reason


def test_a_source_the_rubric_does_not_weigh_is_refused(weighted: Flow) -> None:
    nid = scored(weighted)
    with pytest.raises(InvalidInput, match="只需录入"):
        weighted.run(c.RecordOutsideScores(nid, SECRETARY, {"experts": 90}))
    assert weighted.nomination(nid).outside_scores == {}
