"""Claims on SQLite and PostgreSQL: an e-mail is sent by one worker until its lease runs out,
and a worker taking a backlog skips the outbox rows another worker is processing."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import text

from models.store import Store
from workflows.events import DeadlinesDue
from workflows.ports import Notification

LEASE = timedelta(minutes=5)


def pending_email(store: Store) -> int:
    note = Notification(1, "acct-wanli", "email", "received", "提名已受理", "正文", "<p>正文</p>",
                        "wanli@example.org")
    with store.uow() as uow:
        [notification_id] = uow.notifications.add_many([note])
        uow.commit()
    return notification_id


def claim(store: Store, notification_id: int) -> Notification | None:
    with store.uow() as uow:
        note = uow.notifications.claim(notification_id, uow.now, LEASE)
        uow.commit()
    return note


def test_a_delivery_is_refused_to_a_second_worker_until_the_lease_runs_out(store: Store) -> None:
    notification_id = pending_email(store)
    assert claim(store, notification_id) is not None
    assert claim(store, notification_id) is None
    store.clock.advance(LEASE - timedelta(seconds=30))
    assert claim(store, notification_id) is None
    store.clock.advance(timedelta(seconds=60))
    again = claim(store, notification_id)
    assert again is not None
    assert again.id == notification_id
    assert claim(store, notification_id) is None  # the new lease holds in its turn


def test_a_delivered_notification_is_never_claimed_again(store: Store) -> None:
    notification_id = pending_email(store)
    assert claim(store, notification_id) is not None
    with store.uow() as uow:
        uow.notifications.finish(notification_id, uow.now)
        uow.commit()
    store.clock.advance(LEASE * 2)
    assert claim(store, notification_id) is None


def waiting_events(store: Store, count: int) -> list[int]:
    with store.uow() as uow:
        uow.emit(*(DeadlinesDue(f"2026-11-{day:02d}") for day in range(1, count + 1)))
        uow.commit()
    return uow.committed_event_ids


def test_a_second_worker_skips_outbox_rows_an_open_transaction_holds(pg_store: Store) -> None:
    first_id, *others = waiting_events(pg_store, 3)
    with pg_store.uow() as first:
        assert [e.id for e in first.outbox.claim([first_id], first.now)] == [first_id]
        with pg_store.uow() as second:  # the first worker's transaction is still open
            second.session.execute(text("SET LOCAL lock_timeout = '5s'"))  # fail, not hang
            taken = second.outbox.claim([], second.now, extra=10)
            second.commit()
        first.commit()
    assert [e.id for e in taken] == others
    with pg_store.uow() as third:
        assert third.outbox.claim([first_id, *others], third.now, extra=10) == []


def test_a_worker_given_events_another_holds_takes_the_rest_without_waiting(
        pg_store: Store) -> None:
    """Two workers that each took the other's event as an extra row would deadlock if the
    given events were waited for: a held one is skipped (its holder processes it)."""
    first_id, second_id = waiting_events(pg_store, 2)
    with pg_store.uow() as other:
        assert [e.id for e in other.outbox.claim([first_id], other.now)] == [first_id]
        with pg_store.uow() as worker:  # the other worker's transaction is still open
            worker.session.execute(text("SET LOCAL lock_timeout = '3s'"))  # fail, not hang
            taken = worker.outbox.claim([first_id, second_id], worker.now)
            worker.commit()
        other.commit()
    assert [e.id for e in taken] == [second_id]
