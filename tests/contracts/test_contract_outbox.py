"""The contract of the outbox, the audit log, notification rows and the reminder days."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from backends import NOW, Backend

from workflows.audit import chain_entry
from workflows.events import ObjectionFiled, PublicityClosed, ReviewRecorded
from workflows.ports import Notification

LONG_AGO, FAR_AHEAD = datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)


def _emitted(backend: Backend, *events: object) -> list[int]:
    with backend.uow() as uow:
        uow.emit(*events)
        uow.commit()
    return list(uow.committed_event_ids)


def test_an_event_some_handler_waits_for_is_queued_and_claimed_once(backend: Backend) -> None:
    filed, reviewed = ObjectionFiled("o-1", "n-1"), ReviewRecorded("n-1", "rev-1")
    ids = _emitted(backend, filed, reviewed)
    with backend.uow() as uow:
        claimed = uow.outbox.claim(list(reversed(ids)), NOW)
        uow.commit()
    assert [(c.id, c.event) for c in claimed] == list(zip(ids, [filed, reviewed], strict=True))
    with backend.uow() as uow:
        assert uow.outbox.claim(ids, NOW, extra=10) == []


def test_an_event_no_handler_listens_to_is_kept_but_never_queued(backend: Backend) -> None:
    ids = _emitted(backend, PublicityClosed("w-1"), ObjectionFiled("o-1", "n-1"))
    assert len(ids) == 1
    with backend.uow() as uow:
        assert [c.event.name for c in uow.outbox.claim([], NOW, extra=10)] == ["ObjectionFiled"]
        assert uow.outbox.stale(FAR_AHEAD) == []


def test_a_claim_takes_the_oldest_waiting_events_as_extra(backend: Backend) -> None:
    ids = _emitted(backend, *(ObjectionFiled(f"o-{i}", "n-1") for i in range(4)))
    with backend.uow() as uow:
        assert [c.id for c in uow.outbox.claim([ids[3]], NOW, extra=2)] == [*ids[:2], ids[3]]
        uow.commit()
    with backend.uow() as uow:
        assert uow.outbox.stale(FAR_AHEAD) == [ids[2]]
        assert uow.outbox.stale(LONG_AGO) == []
        assert uow.outbox.stale(FAR_AHEAD, limit=0) == []


def test_events_emitted_in_a_rolled_back_unit_of_work_are_gone(backend: Backend) -> None:
    with backend.uow() as uow:
        uow.emit(ObjectionFiled("o-1", "n-1"))
    with backend.uow() as uow:
        assert uow.outbox.stale(FAR_AHEAD) == []
        assert uow.outbox.claim([], NOW, extra=10) == []


def _entry(seq: int, prev: str = "") -> object:
    return chain_entry(prev, subject_id="n-1", seq=seq, actor_id="sec-1", role="secretariat",
                       action="note", source="draft", target="draft", reason="", at=NOW)


def test_an_audit_chain_comes_back_in_order(backend: Backend) -> None:
    first = _entry(1)
    second = _entry(2, first.hash)  # type: ignore[attr-defined]
    with backend.uow() as uow:
        uow.record([second, first])
        uow.commit()
    assert backend.audit_chain("n-1") == [first, second]


def test_an_audit_entry_with_a_taken_sequence_number_is_refused(backend: Backend) -> None:
    with backend.uow() as uow:
        uow.record([_entry(1)])
        uow.commit()
    with backend.uow() as uow, pytest.raises(backend.integrity_error):
        uow.record([_entry(1)])


def _note(recipient: str, channel: str = "email", status: str = "pending") -> Notification:
    return Notification(7, recipient, channel, "stage_notice", "关于申报", "正文", "<p>正文</p>",
                        f"{recipient}@example.cn", status)


def test_notifications_get_ids_in_order_and_pending_ones_are_rung_for(backend: Backend) -> None:
    notes = [_note("acc-1"), _note("acc-2", "inbox", "delivered"), _note("acc-3")]
    with backend.uow() as uow:
        ids = uow.notifications.add_many(notes)
        uow.commit()
    assert ids == sorted(set(ids))
    assert len(ids) == 3
    assert uow.committed_notification_ids == [ids[0], ids[2]]


def test_one_notification_per_event_recipient_and_channel(backend: Backend) -> None:
    with backend.uow() as uow:
        uow.notifications.add_many([_note("acc-1"), _note("acc-1", "inbox")])
        uow.commit()
    with backend.uow() as uow, pytest.raises(backend.integrity_error):
        uow.notifications.add_many([replace(_note("acc-1"), subject="再发一次")])


def test_a_reminder_day_is_claimed_once(backend: Backend) -> None:
    with backend.uow() as uow:
        assert uow.reminder_days.claim(NOW.date(), NOW) is True
        assert uow.reminder_days.claim(NOW.date(), NOW) is False
        uow.commit()
    with backend.uow() as uow:
        assert uow.reminder_days.claim(NOW.date(), NOW) is False
        assert uow.reminder_days.claim(NOW.date().replace(day=21), NOW) is True
