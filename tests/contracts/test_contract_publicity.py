"""The contract of the publicity windows, objection cases and published lists."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from aggregates import (
    CAMPAIGN_ID,
    SECRETARY,
    nomination,
    objection,
    published,
    stored,
    window,
    with_campaign,
)
from backends import NOW, Backend

from workflows.errors import NotFound, StaleVersion


def _windows(backend: Backend, *windows: object) -> None:
    with backend.uow() as uow:
        for w in windows:
            uow.windows.add(w)
        uow.commit()


def test_a_stored_window_comes_back_equal_and_a_closed_one_stays_closed(
        backend: Backend) -> None:
    _windows(with_campaign(backend), window())
    with backend.uow() as uow:
        assert uow.windows.get("w-1") == window()
        uow.windows.save(replace(window(), closed_at=NOW))
        uow.commit()
    with backend.uow() as uow:
        assert uow.windows.get("w-1").closed_at == NOW


def test_a_window_added_twice_is_refused(backend: Backend) -> None:
    _windows(with_campaign(backend), window())
    with backend.uow() as uow, pytest.raises(backend.integrity_error):
        uow.windows.add(window())


def test_an_unknown_window_objection_or_document_is_not_found(backend: Backend) -> None:
    with backend.uow() as uow:
        for get, what in ((uow.windows.get, "公示"), (uow.objections.get, "异议"),
                          (uow.documents.get, "文件")):
            with pytest.raises(NotFound, match=f"找不到{what} nope"):
                get("nope")
        with pytest.raises(NotFound, match="找不到公示 None"):
            uow.windows.get(None)


def test_due_windows_are_the_open_ones_past_closing_earliest_first(backend: Backend) -> None:
    late, early = window("w-late", 1, timedelta(hours=2)), window("w-early", 2, timedelta(0))
    closed = replace(window("w-closed", 3, timedelta(0)), closed_at=NOW)
    _windows(with_campaign(backend), late, window("w-open", 4), closed, early)
    with backend.uow() as uow:
        assert [w.id for w in uow.windows.due(NOW + timedelta(hours=2))] == ["w-early",
                                                                              "w-late"]


def test_windows_are_counted_per_campaign_open_or_still_taking_objections(
        backend: Backend) -> None:
    finished = replace(window("w-1"), closed_at=NOW)
    _windows(with_campaign(backend), finished, window("w-2", 2))
    with backend.uow() as uow:
        assert uow.windows.count(CAMPAIGN_ID) == 2
        assert uow.windows.count("other") == 0
        assert uow.windows.open_or_accepting(CAMPAIGN_ID, NOW) == 2
        assert uow.windows.open_or_accepting(CAMPAIGN_ID, NOW + timedelta(days=30)) == 1
        assert [w.id for w in uow.windows.for_campaign(CAMPAIGN_ID)] == ["w-1", "w-2"]


def _filed(backend: Backend, *received_in: timedelta) -> tuple[str, list[str]]:
    [nomination_id] = stored(backend, nomination(window_id="w-1"))
    _windows(backend, window())
    cases = [objection(nomination_id, received_in=r) for r in received_in]
    with backend.uow() as uow:
        for case in cases:
            uow.objections.add(case)
        uow.commit()
    return nomination_id, [c.id for c in cases]


def test_a_filed_objection_comes_back_equal(backend: Backend) -> None:
    nomination_id, [case_id] = _filed(backend, timedelta(0))
    with backend.uow() as uow:
        assert uow.objections.get(case_id) == replace(objection(nomination_id), id=case_id)


def test_a_resolved_objection_writes_its_audit_entry_and_a_stale_copy_is_refused(
        backend: Backend) -> None:
    _, [case_id] = _filed(backend, timedelta(0))
    with backend.uow() as uow:
        first, second = uow.objections.get(case_id), uow.objections.get(case_id)
        first.resolve("dismissed", "经核实不属实", SECRETARY, NOW)
        uow.objections.save(first)
        uow.commit()
        second.resolve("upheld", "经核实属实", SECRETARY, NOW)
        with pytest.raises(StaleVersion, match="请刷新后重试"):
            uow.objections.save(second)
    assert [(e.seq, e.target) for e in backend.audit_chain(case_id)] == [(2, "dismissed")]


def test_saving_an_objection_that_was_never_filed_is_refused(backend: Backend) -> None:
    case = objection("n-missing")
    case.resolve("withdrawn", "", SECRETARY, NOW)
    with backend.uow() as uow, pytest.raises(StaleVersion):
        uow.objections.save(case)


def test_only_received_objections_are_open(backend: Backend) -> None:
    nomination_id, [done, _] = _filed(backend, timedelta(0), timedelta(hours=1))
    with backend.uow() as uow:
        case = uow.objections.get(done)
        case.resolve("dismissed", "经核实不属实", SECRETARY, NOW)
        uow.objections.save(case)
        uow.commit()
    with backend.uow() as uow:
        assert uow.objections.open_nomination_ids("w-1") == {nomination_id}
        assert uow.objections.open_count(CAMPAIGN_ID) == 1
        assert uow.objections.open_nomination_ids("w-2") == set()


def test_published_lists_are_versioned_and_a_version_is_written_once(backend: Backend) -> None:
    with_campaign(backend)
    with backend.uow() as uow:
        assert uow.documents.latest_meta(CAMPAIGN_ID, "publicity_notice") is None
        assert uow.documents.next_version(CAMPAIGN_ID, "publicity_notice") == 1
        for version in (2, 1):
            uow.documents.add(published(version))
        uow.documents.add(published(1, "commendation_decision"))
        uow.commit()
    with backend.uow() as uow:
        assert [d.version for d in uow.documents.versions(CAMPAIGN_ID, "publicity_notice")] \
            == [1, 2]
        assert uow.documents.next_version(CAMPAIGN_ID, "publicity_notice") == 3
        assert uow.documents.latest_meta(CAMPAIGN_ID, "publicity_notice") == (
            {"round": 2}, NOW + timedelta(minutes=2))
        with pytest.raises(backend.integrity_error):
            uow.documents.add(published(2))


def test_a_published_list_comes_back_equal(backend: Backend) -> None:
    with_campaign(backend)
    doc = published(1)
    with backend.uow() as uow:
        uow.documents.add(doc)
        uow.commit()
    with backend.uow() as uow:
        assert uow.documents.get(doc.id) == doc
