"""Normalisation: a harsh and a lenient reviewer who agree on the order give the same
normalised scores; raw scores are kept beside them."""

from dataclasses import replace

import pytest
from flows import ALL_MET, CAMPAIGN_ID, SECRETARY, Flow

from workflows import commands as c
from workflows.fairness import Sheet, hides_identity, normalise


def sheets(reviewer: str, totals: dict[str, float]) -> list[Sheet]:
    return [Sheet(reviewer, nomination, total) for nomination, total in totals.items()]


def test_a_harsh_and_a_lenient_reviewer_who_agree_give_the_same_normalised_order() -> None:
    result = normalise(sheets("harsh", {"a": 60, "b": 70, "c": 80})
                       + sheets("lenient", {"a": 85, "b": 90, "c": 95}))
    assert [result[n].raw for n in "abc"] == [72.5, 80.0, 87.5]
    assert result["a"].normalised < result["b"].normalised < result["c"].normalised
    assert result["b"].normalised == pytest.approx(80.0)


def test_a_lenient_reviewer_scoring_only_some_nominees_does_not_lift_them() -> None:
    panel = (sheets("r1", {"a": 70, "b": 80}) + sheets("r2", {"a": 72, "b": 82})
             + sheets("lenient", {"b": 98, "c": 99}))
    result = normalise(panel)
    assert result["c"].raw == 99
    assert result["c"].normalised < 95  # the lenient reviewer's 99 is discounted


def test_a_reviewer_who_gives_everyone_the_same_total_counts_as_the_mean() -> None:
    result = normalise(sheets("flat", {"a": 90, "b": 90}) + sheets("r2", {"a": 60, "b": 100}))
    assert result["a"].normalised < result["b"].normalised


def test_no_sheets_no_scores() -> None:
    assert normalise([]) == {}



def test_ranking_shows_raw_and_normalised_scores_when_the_campaign_asks(flow: Flow) -> None:
    campaign = flow.rows.campaigns[CAMPAIGN_ID]
    policy = replace(campaign.policy, extra={"panel": {"normalise": True}})
    flow.rows.campaigns[CAMPAIGN_ID] = replace(campaign, policy=policy)
    first, second = flow.in_final("h-wang"), flow.in_final("h-liu")
    placed = flow.run(c.RankPanel(CAMPAIGN_ID, "model_household", SECRETARY))
    assert {p.nomination_id for p in placed} == {first, second}
    assert [p.raw for p in placed] == [sum(ALL_MET.values())] * 2
    assert all(p.normalised is not None for p in placed)


def test_ranking_shows_no_normalised_scores_by_default(flow: Flow) -> None:
    flow.in_final("h-wang")
    (place,) = flow.run(c.RankPanel(CAMPAIGN_ID, "model_household", SECRETARY))
    assert place.normalised is None


@pytest.mark.parametrize(("blind", "role", "stage", "hidden"), [
    (True, "reviewer", "panel_review", True),
    (True, "reviewer", "final_approval", False),
    (True, "secretariat", "panel_review", False),
    (False, "reviewer", "panel_review", False),
])
def test_blind_review_hides_identity_from_reviewers_until_the_scores_are_in(
        blind: bool, role: str, stage: str, hidden: bool) -> None:
    assert hides_identity(blind, role, stage) is hidden
