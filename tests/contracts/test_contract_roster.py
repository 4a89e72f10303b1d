"""The contract of the look-ups into the roster (villages, households, accounts), the honour
roll of titles, and attachment rows."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from aggregates import nomination, stored
from backends import ACCOUNTS, NOW, TOWNSHIP, Backend

from workflows.attachments import Attachment, Kind, Purpose
from workflows.eligibility import Title
from workflows.errors import NotFound


def test_the_township_and_its_villages_are_named(backend: Backend) -> None:
    with backend.uow() as uow:
        assert uow.directory.township_name() == TOWNSHIP[1]
        assert uow.directory.village_names(["v-shimen", "v-none"]) == {"v-shimen": "石门村",
                                                                       "v-none": ""}


def test_a_household_is_named_after_its_head_and_carries_its_members_vetoes(
        backend: Backend) -> None:
    with backend.uow() as uow:
        found = uow.directory.subjects([("household", "h-li"), ("village", "v-shimen")])
        assert uow.directory.subject("household", "h-wang").member_vetoes == ()
    li, shimen = found["h-li"], found["v-shimen"]
    assert (li.display_name, li.village_id, li.member_vetoes) == (
        "李春生家庭", "v-wanli", ("李小龙：违法犯罪或违反党纪政纪",))
    assert (shimen.display_name, shimen.village_id) == ("石门村", "v-shimen")


def test_an_unknown_subject_is_not_found(backend: Backend) -> None:
    with backend.uow() as uow, pytest.raises(NotFound, match="h-none"):
        uow.directory.subjects([("household", "h-wang"), ("household", "h-none")])


def test_accounts_are_found_by_role_and_by_village_in_id_order(backend: Backend) -> None:
    with backend.uow() as uow:
        secretariat = uow.directory.accounts_with_role("secretariat")
        wanli = uow.directory.village_accounts("v-wanli")
        assert uow.directory.village_accounts("v-none") == []
    assert secretariat == [ACCOUNTS[4], ACCOUNTS[3]]
    assert wanli == [ACCOUNTS[0], ACCOUNTS[1]]


def _title(nomination_id: str, subject_id: str, year: int) -> dict:
    return {"nomination_id": nomination_id, "subject_id": subject_id,
            "programme": "model_household", "star_level": "金星", "year": year,
            "status": "active", "awarded_on": date(year, 12, 1)}


def test_titles_come_back_per_subject_by_year_and_one_is_ended(backend: Backend) -> None:
    with backend.uow() as uow:
        uow.titles.add_many([_title("n-3", "h-wang", 2025), _title("n-1", "h-wang", 2023),
                             _title("n-2", "h-li", 2024)])
        uow.titles.end("n-1", "revoked", date(2026, 3, 1))
        uow.commit()
    with backend.uow() as uow:
        found = uow.titles.for_subjects(["h-wang", "h-none"])
    assert found == {"h-wang": [Title("model_household", "金星", 2023, "revoked",
                                      date(2026, 3, 1)),
                                Title("model_household", "金星", 2025, "active", None)],
                     "h-none": []}


def test_a_nomination_wins_one_title(backend: Backend) -> None:
    with backend.uow() as uow:
        uow.titles.add_many([_title("n-1", "h-wang", 2025)])
        uow.commit()
    with backend.uow() as uow, pytest.raises(backend.integrity_error):
        uow.titles.add_many([_title("n-1", "h-wang", 2026)])


def _attachment(nomination_id: str, attachment_id: str, minutes: int = 0,
                content: str = "a" * 64) -> Attachment:
    return Attachment(attachment_id, nomination_id, Purpose.DEEDS, "事迹.pdf", Kind.PDF, 1024,
                      content, "acc-wanli", NOW + timedelta(minutes=minutes))


def test_attachments_come_back_oldest_first_then_by_id(backend: Backend) -> None:
    a, b = stored(backend, nomination(), nomination("h-li"))
    files = [_attachment(a, "f-3", 5, "c" * 64), _attachment(a, "f-2", 0, "b" * 64),
             _attachment(a, "f-1", 5), _attachment(b, "f-4")]
    with backend.uow() as uow:
        for f in files:
            uow.attachments.add(f)
        uow.commit()
    with backend.uow() as uow:
        assert uow.attachments.get("f-3") == files[0]
        assert [f.id for f in uow.attachments.for_nomination(a)] == ["f-2", "f-1", "f-3"]
        with pytest.raises(NotFound, match="找不到附件 nope"):
            uow.attachments.get("nope")


def test_the_same_file_is_attached_once_for_the_same_purpose(backend: Backend) -> None:
    [a] = stored(backend, nomination())
    with backend.uow() as uow:
        uow.attachments.add(_attachment(a, "f-1"))
        uow.commit()
    with backend.uow() as uow, pytest.raises(backend.integrity_error):
        uow.attachments.add(_attachment(a, "f-2", 1))
