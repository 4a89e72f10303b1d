"""The contract of a title after the award: read whole, saved whole, found by programme and
year (plaques, the revocation case, the bar, re-rating)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from backends import Backend

from workflows.eligibility import Title
from workflows.errors import NotFound


def _title(nomination_id: str, subject_id: str, year: int, programme: str = "model_household"
           ) -> dict:
    return {"nomination_id": nomination_id, "subject_id": subject_id, "programme": programme,
            "star_level": "金星", "year": year, "status": "active",
            "awarded_on": date(year, 12, 1), "plaque_from": date(year + 1, 1, 1)}


def test_a_title_is_read_and_saved_whole(backend: Backend) -> None:
    with backend.uow() as uow:
        uow.titles.add_many([_title("n-1", "h-wang", 2025)])
        uow.commit()
    with backend.uow() as uow:
        title = uow.titles.get("n-1", lock=True)
        assert (title.status, title.case_stage, title.case_report) == ("active", "", "")
        assert title.plaque_from == date(2026, 1, 1)
        uow.titles.save(replace(
            title, status="revoked", ended_on=date(2026, 3, 1), barred_until=date(2029, 3, 1),
            case_stage="decided", reason_code="crime", case_report="举报\n第二行",
            plaque_issued_on=date(2025, 12, 2), plaque_recovered_on=date(2026, 3, 5),
            end_reason="本人或家庭成员违法犯罪"))
        uow.commit()
    with backend.uow() as uow:
        again = uow.titles.get("n-1")
        found = uow.titles.for_subjects(["h-wang"])
    assert (again.case_stage, again.case_report, again.plaque_recovered_on) == (
        "decided", "举报\n第二行", date(2026, 3, 5))
    assert found["h-wang"] == [Title("model_household", "金星", 2025, "revoked",
                                     date(2026, 3, 1), date(2029, 3, 1))]


def test_a_nomination_without_a_title_is_not_found(backend: Backend) -> None:
    with backend.uow() as uow, pytest.raises(NotFound, match="没有获得称号"):
        uow.titles.get("n-none")


def test_titles_of_a_programme_come_back_for_the_years_asked_oldest_first(
        backend: Backend) -> None:
    with backend.uow() as uow:
        uow.titles.add_many([_title("n-3", "h-wang", 2026), _title("n-1", "h-wang", 2024),
                             _title("n-2", "h-li", 2025), _title("n-0", "h-li", 2023),
                             _title("n-4", "v-wanli", 2025, "star_village")])
        uow.commit()
    with backend.uow() as uow:
        found = uow.titles.of_programme("model_household", [2024, 2025, 2026])
    assert [t.nomination_id for t in found] == ["n-1", "n-2", "n-3"]
