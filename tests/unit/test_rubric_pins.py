"""Rules are pinned: a nomination is judged by the rubric version it was submitted under."""

from dataclasses import replace

import pytest
from flows import CAMPAIGN_ID, FIVE_MET, REVIEWERS, SECRETARY, Flow

from workflows import commands as c
from workflows.errors import InvalidInput
from workflows.policy import Programme
from workflows.stages import Stage

NINE_MET = {**FIVE_MET, **dict.fromkeys(list(FIVE_MET)[5:9], 1.0)}


def stricter(flow: Flow) -> int:
    """Version 2 of the household rubric: all ten stars to be commended."""
    rubric = flow.rows.campaigns[CAMPAIGN_ID].policy.programme(Programme.MODEL_HOUSEHOLD).rubric
    return flow.run(c.ReviseRubric(CAMPAIGN_ID, "model_household",
                                   replace(rubric, award_threshold=10), SECRETARY))


def test_a_nomination_submitted_before_a_revision_is_scored_by_its_own_version(
        flow: Flow) -> None:
    nid = flow.in_panel()
    assert stricter(flow) == 2
    flow.review(nid, NINE_MET, *REVIEWERS[:3])
    assert flow.nomination(nid).rubric_version == 1
    assert flow.nomination(nid).stage is Stage.FINAL_APPROVAL


def test_a_nomination_submitted_after_a_revision_takes_the_new_version(flow: Flow) -> None:
    stricter(flow)
    nid = flow.in_panel()
    flow.review(nid, NINE_MET, *REVIEWERS[:3])
    assert flow.nomination(nid).rubric_version == 2
    assert flow.nomination(nid).stage is Stage.REJECTED


def test_moving_a_nomination_to_the_new_version_is_explicit_and_audited(flow: Flow) -> None:
    nid = flow.in_panel()
    stricter(flow)
    flow.run(c.RepinNominations(CAMPAIGN_ID, (nid,), SECRETARY, "党委会决定统一按新细则"))
    assert flow.nomination(nid).rubric_version == 2
    (entry,) = [e for e in flow.rows.audit if e.action == "repin_rubric"]
    assert entry.reason == "第 1 版 → 第 2 版：党委会决定统一按新细则"


def test_an_unchanged_rubric_is_not_a_new_version(flow: Flow) -> None:
    rubric = flow.rows.campaigns[CAMPAIGN_ID].policy.programme(Programme.MODEL_HOUSEHOLD).rubric
    with pytest.raises(InvalidInput, match="与现行版本相同"):
        flow.run(c.ReviseRubric(CAMPAIGN_ID, "model_household", rubric, SECRETARY))
