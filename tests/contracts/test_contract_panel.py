"""The contract of the panel's repository: seats, recusals, reviewer profiles, the stored
aggregate and its rank, and the roster as the panel sees it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from aggregates import CAMPAIGN_ID, nomination, stored, submitted
from backends import NOW, Backend

from workflows.panel import (
    OVER_CEILING,
    WITHIN,
    PanelResult,
    PanelSeat,
    Placed,
    Recusal,
    ReviewerProfile,
    SubjectTies,
    Verdict,
)
from workflows.policy import Programme
from workflows.stages import Stage

HOUSEHOLDS = Programme.MODEL_HOUSEHOLD.value


def _seat(reviewer_id: str, seat_id: str = "") -> PanelSeat:
    return PanelSeat(seat_id or f"s-{reviewer_id}", CAMPAIGN_ID, HOUSEHOLDS, reviewer_id,
                     "sec-1", NOW)


def test_panel_members_are_listed_by_id_and_seated_once(backend: Backend) -> None:
    stored(backend)
    with backend.uow() as uow:
        uow.panel.add_members([_seat("rev-2"), _seat("rev-1")])
        uow.commit()
    with backend.uow() as uow:
        assert uow.panel.members(CAMPAIGN_ID, HOUSEHOLDS) == ["rev-1", "rev-2"]
        assert uow.panel.members(CAMPAIGN_ID, Programme.STAR_VILLAGE.value) == []
        with pytest.raises(backend.integrity_error):
            uow.panel.add_members([_seat("rev-1", "s-again")])


def test_recusals_come_back_per_nomination_and_a_reviewer_recuses_once(
        backend: Backend) -> None:
    a, b = stored(backend, nomination(), nomination("h-li"))
    recusal = Recusal("x-1", a, "rev-1", "是申报户的亲属", "declared", NOW)
    with backend.uow() as uow:
        uow.panel.add_recusals([recusal])
        uow.commit()
    with backend.uow() as uow:
        assert uow.panel.recusals([a, b]) == {a: {"rev-1": recusal}, b: {}}
        with pytest.raises(backend.integrity_error):
            uow.panel.add_recusals([replace(recusal, id="x-2")])


def test_a_saved_profile_replaces_the_old_one(backend: Backend) -> None:
    first = ReviewerProfile("rev-1", "p-wang", "h-wang", "v-wanli", ("p-chen",), ("h-chen",))
    with backend.uow() as uow:
        uow.panel.save_profile(first)
        uow.panel.save_profile(replace(first, kin_person_ids=()))
        uow.commit()
    with backend.uow() as uow:
        assert uow.panel.profiles(None) == {"rev-1": replace(first, kin_person_ids=())}
        assert uow.panel.profiles(["rev-2"]) == {}


def test_the_roster_as_the_panel_sees_it(backend: Backend) -> None:
    household = nomination("h-li")
    person = replace(nomination(), programme=Programme.MORAL_EXEMPLAR, subject_id="p-li-2")
    village = replace(nomination(), programme=Programme.STAR_VILLAGE, subject_id="v-wanli")
    with backend.uow() as uow:
        assert uow.panel.persons(["p-li-2", "p-none"]) == {"p-li-2": ("h-li", "v-wanli")}
        assert set(uow.panel.accounts(["rev-1", "nobody"])) == {"rev-1"}
        assert uow.panel.ties([household, person, village]) == {
            household.id: SubjectTies("v-wanli", frozenset({"h-li"}),
                                      frozenset({"p-li", "p-li-2"})),
            person.id: SubjectTies("v-wanli", frozenset({"h-li"}), frozenset({"p-li-2"})),
            village.id: SubjectTies("v-wanli")}


def _result(nomination_id: str, passed: bool = True) -> PanelResult:
    return PanelResult(nomination_id, CAMPAIGN_ID, HOUSEHOLDS,
                       Verdict("mean", 9.0, passed, 9, "金星"), 3, NOW)


def test_a_panel_result_is_stored_once_and_comes_back_equal(backend: Backend) -> None:
    [a] = stored(backend, nomination())
    with backend.uow() as uow:
        assert uow.panel.result(a) is None
        uow.panel.add_results([_result(a)])
        uow.commit()
    with backend.uow() as uow:
        assert uow.panel.result(a) == _result(a)
        with pytest.raises(backend.integrity_error):
            uow.panel.add_results([_result(a)])


def test_passed_results_are_the_running_ones_by_id_with_their_ranks(backend: Backend) -> None:
    ids = stored(backend, nomination(), nomination("h-li"), nomination("h-chen", "v-shimen"),
                 nomination("h-zhou", stage=Stage.REJECTED))
    with backend.uow() as uow:
        uow.panel.add_results([_result(ids[0]), _result(ids[1]), _result(ids[2], False),
                               _result(ids[3])])
        uow.panel.set_ranks([Placed(ids[0], 2, OVER_CEILING), Placed(ids[1], 1, WITHIN)])
        uow.commit()
    with backend.uow() as uow:
        passed = uow.panel.passed(CAMPAIGN_ID, HOUSEHOLDS)
        assert uow.panel.over_ceiling(ids) == {ids[0]}
    assert [(r.nomination_id, r.rank) for r in passed] == sorted([(ids[0], 2), (ids[1], 1)])


def test_a_nomination_was_submitted_when_its_first_submit_was_audited(
        backend: Backend) -> None:
    first = submitted(backend, nomination())
    [draft] = stored(backend, nomination("h-li"))
    with backend.uow() as uow:
        assert uow.panel.submitted_at([first.id, draft]) == {first.id: NOW}
