"""The contract of the review sheets and the vetting requests (联合审查)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from aggregates import CAMPAIGN_ID, nomination, stored
from backends import NOW, Backend

from workflows.errors import NotFound, StaleVersion
from workflows.ports import Review
from workflows.stages import Stage
from workflows.vetting import CLEAR, VettingRequest

DAY = timedelta(days=1)


def _review(nomination_id: str, reviewer_id: str, minutes: int) -> Review:
    return Review(f"r-{nomination_id[:8]}-{reviewer_id}", nomination_id, reviewer_id,
                  {"c1": 1.0}, NOW + timedelta(minutes=minutes))


def test_reviews_come_back_per_nomination_oldest_first(backend: Backend) -> None:
    a, b = stored(backend, nomination(), nomination("h-li"))
    sheets = [_review(a, "rev-2", 5), _review(a, "rev-1", 1), _review(b, "rev-1", 3)]
    with backend.uow() as uow:
        uow.reviews.add_many(sheets)
        uow.commit()
    with backend.uow() as uow:
        found = uow.reviews.for_nominations([a, b, "n-none"])
        assert uow.reviews.scored_by("rev-1", [a, b, "n-none"]) == {a, b}
        assert uow.reviews.scored_by("rev-2", [b]) == set()
    assert found == {a: [sheets[1], sheets[0]], b: [sheets[2]], "n-none": []}


def test_a_reviewer_scores_a_nomination_once(backend: Backend) -> None:
    [a] = stored(backend, nomination())
    with backend.uow() as uow:
        uow.reviews.add_many([_review(a, "rev-1", 1)])
        uow.commit()
    with backend.uow() as uow, pytest.raises(backend.integrity_error):
        uow.reviews.add_many([replace(_review(a, "rev-1", 2), id="r-other")])


def _request(nomination_id: str, department: str, due_in: timedelta = DAY,
             requested_in: timedelta = timedelta(0)) -> VettingRequest:
    return VettingRequest(f"v-{nomination_id[:8]}-{department}", nomination_id, CAMPAIGN_ID,
                          department, NOW + requested_in, NOW + due_in)


def _vetting(backend: Backend, *requests: VettingRequest) -> None:
    with backend.uow() as uow:
        uow.vetting.add_many(requests)
        uow.commit()


def test_a_vetting_request_comes_back_equal_and_unknown_ones_are_not_found(
        backend: Backend) -> None:
    [a] = stored(backend, nomination())
    _vetting(backend, request := _request(a, "公安"))
    with backend.uow() as uow:
        assert uow.vetting.get(request.id) == request
        with pytest.raises(NotFound, match="找不到联审请求 nope"):
            uow.vetting.get("nope")


def test_one_vetting_request_per_nomination_and_department(backend: Backend) -> None:
    [a] = stored(backend, nomination())
    _vetting(backend, _request(a, "公安"))
    with backend.uow() as uow, pytest.raises(backend.integrity_error):
        uow.vetting.add_many([replace(_request(a, "公安"), id="v-other")])


def test_vetting_requests_are_listed_by_request_time_then_department(backend: Backend) -> None:
    a, b = stored(backend, nomination(), nomination("h-li"))
    later, police, court = (_request(a, "计生", requested_in=DAY), _request(a, "公安"),
                            _request(a, "法院"))
    _vetting(backend, later, police, court, other := _request(b, "公安"))
    with backend.uow() as uow:
        found = uow.vetting.for_nominations([a, b, "n-none"])
    assert found == {a: sorted([police, court], key=lambda r: r.department) + [later],
                     b: [other], "n-none": []}


def test_an_answer_is_written_once(backend: Backend) -> None:
    [a] = stored(backend, nomination())
    _vetting(backend, _request(a, "公安"))
    with backend.uow() as uow:
        first, second = uow.vetting.get(f"v-{a[:8]}-公安"), uow.vetting.get(f"v-{a[:8]}-公安")
        first.answer(CLEAR, "", "sec-1", NOW)
        uow.vetting.save([first])
        uow.commit()
        second.answer(CLEAR, "", "sec-2", NOW)
        with pytest.raises(StaleVersion, match="请刷新后重试"):
            uow.vetting.save([second])
    with backend.uow() as uow:
        assert uow.vetting.get(first.id).answered_by == "sec-1"


def test_an_answer_to_a_request_never_made_is_refused(backend: Backend) -> None:
    ghost = _request("n-ghost", "公安")
    ghost.answer(CLEAR, "", "sec-1", NOW)
    with backend.uow() as uow, pytest.raises(StaleVersion):
        uow.vetting.save([ghost])


def test_overdue_requests_are_unanswered_past_due_and_still_in_the_running(
        backend: Backend) -> None:
    running, out = stored(backend, nomination(), nomination("h-li", stage=Stage.WITHDRAWN))
    answered = _request(running, "法院", due_in=-DAY)
    answered.answer(CLEAR, "", "sec-1", NOW)
    soon, late = _request(running, "公安", due_in=timedelta(0)), _request(running, "计生", -DAY)
    _vetting(backend, soon, late, answered, _request(out, "公安", -DAY),
             _request(running, "民政", DAY))
    with backend.uow() as uow:
        assert uow.vetting.overdue(NOW) == [late, soon]
