"""The panel through the bus: assignment, recusal, conflicts from the roster, quorum, votes,
late scores, the stored aggregate, ranking against the quota and moving a category."""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field, fields, replace
from typing import Any

import pytest
from flows import (
    ALL_MET,
    CAMPAIGN_ID,
    MEETING,
    PASSING_VOTE,
    REVIEWERS,
    SECRETARY,
    WANLI,
    Flow,
)

from workflows import commands as c
from workflows.errors import Forbidden, InvalidInput, NotFound
from workflows.handlers.ranking import refuse_past_ceiling
from workflows.policy import CampaignPolicy, Programme, Quota
from workflows.ports import Account, Subject
from workflows.samples import TEN_STAR_CRITERIA
from workflows.stages import Stage

R1, R2, R3, R4 = REVIEWERS
HOUSEHOLD = "model_household"


@dataclass(frozen=True)
class PolicyWithExtra(CampaignPolicy):
    """CampaignPolicy has no ``extra`` field yet; the panel reads it when there is one."""

    extra: dict[str, Any] = field(default_factory=dict)


def configure(flow: Flow, quota: Quota | None = None, **panel: Any) -> None:
    campaign = flow.rows.campaigns[CAMPAIGN_ID]
    policy = campaign.policy
    programmes = dict(policy.programmes)
    if quota:
        programmes[Programme.MODEL_HOUSEHOLD] = replace(programmes[Programme.MODEL_HOUSEHOLD],
                                                         quota=quota)
    values = {f.name: getattr(policy, f.name) for f in fields(policy)}
    values |= {"programmes": programmes, "extra": {"panel": panel}}
    flow.rows.campaigns[CAMPAIGN_ID] = replace(campaign, policy=PolicyWithExtra(**values))


@pytest.fixture
def panel(flow: Flow) -> Flow:
    """Reviewer accounts, and the roster persons the conflict checks read."""
    for reviewer in REVIEWERS:
        flow.rows.accounts[reviewer.id] = Account(reviewer.id, reviewer.name, "reviewer")
    for person, household, village in (("p-wang-1", "h-wang", "v-wanli"),
                                       ("p-wang-2", "h-wang", "v-wanli"),
                                       ("p-liu-1", "h-liu", "v-wanli"),
                                       ("p-chen-1", "h-chen", "v-shimen")):
        flow.rows.panel.add_person(person, household, village)
    return flow


def assign(flow: Flow, *reviewers: str) -> int:
    return flow.run(c.AssignReviewers(CAMPAIGN_ID, HOUSEHOLD, reviewers, SECRETARY))


def met(count: int) -> dict[str, float]:
    return {key: float(i < count) for i, (key, _) in enumerate(TEN_STAR_CRITERIA)}


def test_assigning_a_reviewer_account_that_does_not_exist_names_it_and_changes_nothing(panel):
    before = deepcopy(panel.rows)
    with pytest.raises(NotFound, match="找不到评审委员账号：rev-9"):
        assign(panel, "rev-1", "rev-9")
    assert panel.rows == before


def test_assigning_an_account_that_is_not_a_reviewer_is_refused(panel):
    with pytest.raises(InvalidInput, match="湾里村村两委 不是评审委员账号"):
        assign(panel, "rev-1", "acc-wanli")
    assert panel.rows.panel.seats == {}


def test_assigning_the_same_reviewer_twice_seats_them_once(panel):
    assert assign(panel, "rev-1", "rev-2") == 2
    assert assign(panel, "rev-2", "rev-3") == 1
    assert sorted(s.reviewer_id for s in panel.rows.panel.seats.values()) == [
        "rev-1", "rev-2", "rev-3"]


def test_once_a_panel_is_assigned_only_its_members_may_score(panel):
    assign(panel, "rev-1", "rev-2", "rev-3")
    nid = panel.in_panel()
    with pytest.raises(Forbidden, match="评委4 不是道德模范户评审组成员"):
        panel.review(nid, ALL_MET, R4)
    assert panel.rows.reviews == []


def test_a_reviewer_who_recuses_after_scoring_is_refused(panel):
    nid = panel.in_panel()
    panel.review(nid, ALL_MET, R1)
    with pytest.raises(InvalidInput, match="已打分后不能回避"):
        panel.run(c.DeclareConflict(nid, R1, "与申报户是远房亲戚"))
    assert panel.rows.panel.recusals == {}


def test_a_recusal_needs_a_reason(panel):
    nid = panel.in_panel()
    with pytest.raises(InvalidInput, match="申请回避必须写明理由"):
        panel.run(c.DeclareConflict(nid, R1, " "))


def test_a_recused_reviewer_cannot_score_and_does_not_count_toward_quorum(panel):
    assign(panel, "rev-1", "rev-2", "rev-3", "rev-4")
    nid = panel.in_panel()
    panel.run(c.DeclareConflict(nid, R1, "申报户户主是我的表兄"))
    with pytest.raises(Forbidden, match="评委1 已回避王建国家庭的评审（申报户户主是我的表兄）"):
        panel.review(nid, ALL_MET, R1)
    panel.review(nid, ALL_MET, R2, R3)
    assert panel.nomination(nid).stage is Stage.PANEL_REVIEW
    panel.review(nid, ALL_MET, R4)
    assert panel.nomination(nid).stage is Stage.FINAL_APPROVAL
    assert panel.rows.panel.results[nid].sheets == 3
    assert [a.action for a in panel.rows.audit if a.target == nid] == ["recuse"] + [
        "record_review"] * 3


def test_a_reviewer_of_the_nominees_household_is_flagged_when_assigned_and_logged(panel):
    panel.run(c.SetReviewerProfile("rev-1", SECRETARY, person_id="p-wang-2"))
    nid = panel.in_panel()
    assign(panel, "rev-1", "rev-2", "rev-3")
    [recusal] = panel.rows.panel.recusals.values()
    assert (recusal.reviewer_id, recusal.kind) == ("rev-1", "automatic")
    assert recusal.reason == "评审委员本人或其家庭与被推荐对象同户"
    [entry] = [a for a in panel.rows.audit if a.action == "flag_conflict"]
    assert (entry.actor_id, entry.target) == ("system", nid)
    with pytest.raises(Forbidden, match="评委1 已回避王建国家庭的评审"):
        panel.review(nid, ALL_MET, R1)


def test_a_nominee_accepted_after_assignment_is_checked_against_the_panel(panel):
    panel.run(c.SetReviewerProfile("rev-2", SECRETARY, person_id="p-chen-1",
                                   kin_person_ids=("p-liu-1",)))
    assign(panel, "rev-1", "rev-2", "rev-3")
    nid = panel.in_panel("h-liu")
    assert [(r.reviewer_id, r.nomination_id) for r in panel.rows.panel.recusals.values()] == [
        ("rev-2", nid)]


def test_kin_recorded_after_assignment_still_stops_the_reviewer_scoring(panel):
    assign(panel, "rev-1", "rev-2", "rev-3")
    nid = panel.in_panel("h-chen")
    panel.run(c.SetReviewerProfile("rev-3", SECRETARY, kin_person_ids=("p-chen-1",)))
    with pytest.raises(Forbidden, match="评委3 与陈志强家庭存在利害关系（评审委员的亲属"):
        panel.review(nid, ALL_MET, R3)
    assert panel.rows.reviews == []


def test_a_score_from_a_reviewer_later_found_to_be_kin_does_not_count(panel):
    nid = panel.in_panel()
    panel.review(nid, ALL_MET, R1)
    panel.run(c.SetReviewerProfile("rev-1", SECRETARY, kin_person_ids=("p-wang-1",)))
    assign(panel, "rev-1", "rev-2", "rev-3", "rev-4")
    panel.review(nid, ALL_MET, R2, R3)
    assert panel.nomination(nid).stage is Stage.PANEL_REVIEW
    panel.review(nid, ALL_MET, R4)
    assert panel.rows.panel.results[nid].sheets == 3


def test_a_profile_naming_a_person_not_in_the_roster_is_refused(panel):
    with pytest.raises(NotFound, match="花名册中找不到人员：p-nobody"):
        panel.run(c.SetReviewerProfile("rev-1", SECRETARY, person_id="p-nobody"))


@pytest.mark.parametrize(("same_village", "flagged"), [(True, ["rev-1"]), (False, [])])
def test_a_neighbour_steps_aside_only_when_the_campaign_says_so(panel, same_village, flagged):
    configure(panel, recuse_same_village=same_village)
    panel.run(c.SetReviewerProfile("rev-1", SECRETARY, village_id="v-wanli"))
    panel.in_panel("h-wang")
    assign(panel, "rev-1", "rev-2", "rev-3")
    assert [r.reviewer_id for r in panel.rows.panel.recusals.values()] == flagged


def test_a_late_score_after_the_panel_concluded_is_refused(panel):
    nid = panel.in_final()
    refusal = "王建国家庭 已不在评审阶段（现为“待审定”），迟到的评分不予受理"
    with pytest.raises(InvalidInput, match=refusal):
        panel.review(nid, ALL_MET, R4)
    assert len(panel.rows.reviews) == 3


def test_the_aggregate_is_stored_once_with_its_method(panel):
    nid = panel.in_final()
    result = panel.rows.panel.results[nid]
    assert (result.verdict.method, result.verdict.value, result.sheets) == ("mean", 10, 3)


def test_a_panel_that_votes_passes_at_two_thirds_of_the_votes_cast(panel):
    configure(panel, method="vote_share")
    nid = panel.in_panel()
    for reviewer, in_favour in ((R1, True), (R2, False), (R3, True)):
        panel.run(c.RecordVote(nid, reviewer, in_favour))
    assert panel.nomination(nid).stage is Stage.FINAL_APPROVAL
    verdict = panel.rows.panel.results[nid].verdict
    assert (verdict.method, verdict.votes_for, verdict.value) == ("vote_share", 2, 0.6667)


def test_a_panel_that_votes_rejects_below_the_threshold_with_the_count(panel):
    configure(panel, method="vote_share")
    nid = panel.in_panel()
    for reviewer, in_favour in ((R1, True), (R2, False), (R3, False)):
        panel.run(c.RecordVote(nid, reviewer, in_favour))
    nomination = panel.nomination(nid)
    assert nomination.stage is Stage.REJECTED
    assert nomination.stage_reason == "评审投票赞成 1/3 票，未达到 2/3 的通过比例"


def test_a_score_sheet_is_refused_where_the_panel_votes_and_a_vote_where_it_scores(panel):
    nid = panel.in_panel()
    with pytest.raises(InvalidInput, match="本次评选按评分细则打分，不能投票"):
        panel.run(c.RecordVote(nid, R1, True))
    configure(panel, method="vote_share")
    with pytest.raises(InvalidInput, match="本次评选采用投票表决"):
        panel.review(nid, ALL_MET, R1)
    assert panel.rows.reviews == []


def scored(flow: Flow, household: str, marks: dict[str, float], nomination_id: str = "") -> str:
    """Through the panel with these marks from three reviewers, under a chosen id."""
    village = flow.village_actor(household)
    nid = flow.run(c.CreateNomination(CAMPAIGN_ID, HOUSEHOLD, household, village,
                                      nomination_id=nomination_id or f"n-{household}"))
    flow.run(c.RecordAssemblyVotes(village, MEETING, {nid: PASSING_VOTE}))
    flow.run(c.SubmitNomination(nid, village))
    flow.run(c.AcceptNomination(nid, SECRETARY))
    flow.clear_vetting(nid)
    flow.review(nid, marks, R1, R2, R3)
    return nid


def test_ranking_orders_the_nominees_and_marks_them_against_the_quota(panel):
    configure(panel, quota=Quota(target=1, ceiling=2))
    chen, wang, liu = (scored(panel, "h-chen", met(8)), scored(panel, "h-wang", ALL_MET),
                       scored(panel, "h-liu", met(9)))
    placed = panel.run(c.RankPanel(CAMPAIGN_ID, HOUSEHOLD, SECRETARY))
    assert [(p.nomination_id, p.rank, p.quota_status) for p in placed] == [
        (wang, 1, "within"), (liu, 2, "over_target"), (chen, 3, "over_ceiling")]
    assert (panel.rows.panel.results[chen].rank,
            panel.rows.panel.results[chen].quota_status) == (3, "over_ceiling")


def test_a_nominee_ranked_past_the_ceiling_is_refused_for_the_final_list(panel):
    configure(panel, quota=Quota(target=1, ceiling=1))
    first, second = scored(panel, "h-wang", ALL_MET), scored(panel, "h-chen", met(9))
    panel.run(c.RankPanel(CAMPAIGN_ID, HOUSEHOLD, SECRETARY))
    with panel.uow as uow:
        refuse_past_ceiling(uow, [uow.nominations.get(first)])
        with pytest.raises(InvalidInput, match="陈志强家庭 的评审排名超出名额上限"):
            refuse_past_ceiling(uow, uow.nominations.get_many([first, second]))


def test_equal_aggregates_rank_the_earlier_submission_first(panel):
    earlier = scored(panel, "h-chen", ALL_MET, "n-z")
    panel.clock.advance(hours=1)
    later = scored(panel, "h-wang", ALL_MET, "n-a")  # the smaller id: ids break ties last
    placed = panel.run(c.RankPanel(CAMPAIGN_ID, HOUSEHOLD, SECRETARY))
    assert [p.nomination_id for p in placed] == [earlier, later]


def test_ranking_a_programme_nobody_passed_is_refused(panel):
    with pytest.raises(InvalidInput, match="还没有通过评审的申报"):
        panel.run(c.RankPanel(CAMPAIGN_ID, HOUSEHOLD, SECRETARY))
    with pytest.raises(InvalidInput, match="本次评选未设置评选项目“ten_star”"):
        panel.run(c.RankPanel(CAMPAIGN_ID, "ten_star", SECRETARY))


def exemplar(flow: Flow) -> str:
    flow.rows.subjects["person", "p-zhao"] = Subject("p-zhao", "赵大勇", "v-wanli")
    nid = flow.run(c.CreateNomination(CAMPAIGN_ID, "moral_exemplar", "p-zhao", WANLI,
                                      category="助人为乐", deeds="跳入冰河救起落水儿童"))
    flow.run(c.RecordAssemblyVotes(WANLI, MEETING, {nid: PASSING_VOTE}))
    flow.run(c.SubmitNomination(nid, WANLI))
    flow.run(c.AcceptNomination(nid, SECRETARY))
    flow.clear_vetting(nid)
    return nid


def test_the_panel_moves_a_nominee_to_another_category_in_the_audit_chain(panel):
    nid = exemplar(panel)
    version = panel.nomination(nid).version
    panel.run(c.MoveCategory(nid, "见义勇为", "冰河救人属见义勇为", SECRETARY))
    nomination = panel.nomination(nid)
    assert (nomination.category, nomination.stage, nomination.version) == (
        "见义勇为", Stage.PANEL_REVIEW, version + 1)
    last = [a for a in panel.rows.audit if a.subject_id == nid][-1]
    assert (last.action, last.seq, last.reason) == (
        "move_category", version + 1, "助人为乐 → 见义勇为：冰河救人属见义勇为")
    assert nomination.audit_head == last.hash


def test_only_the_secretariat_records_a_category_move(panel):
    nid = exemplar(panel)
    with pytest.raises(Forbidden, match="此项操作由镇文明办办理"):
        panel.run(c.MoveCategory(nid, "见义勇为", "理由", R1))
    assert panel.nomination(nid).category == "助人为乐"


def test_assigned_reviewers_hear_how_much_waits_for_them(panel):
    panel.in_panel("h-wang")
    panel.in_panel("h-liu")
    assign(panel, "rev-1", "rev-2")
    notes = panel.notes("reviewer_assigned", "inbox")
    assert sorted(n.recipient for n in notes) == ["account:rev-1", "account:rev-2"]
    assert all('"count": 2' in n.text for n in notes)
