"""The unit of work is told which events some handler waits for: only those are published;
the others are kept on record, already processed, and never reach the broker."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from scenario import HOUSEHOLD, VILLAGE, RecordingQueue, draft, launch
from sqlalchemy import select

from models import tables as t
from models.store import Store
from models.uow import SqlUnitOfWork
from sanchuang.accounts import village_actor
from sanchuang.bootstrap import bootstrap
from sanchuang.sample.roster import load_sample
from sanchuang.settings import Settings
from workflows import commands as c

OUT = t.OutboxRow.__table__
OTHER = HOUSEHOLD[:-1] + "2"


def submit_one_withdraw_another(store: Store, tmp_path: Path,
                                uow: Callable[[], SqlUnitOfWork] | None = None,
                                ) -> tuple[RecordingQueue, dict[str, tuple[int, bool]]]:
    """What was rung for, and each outbox row's name -> (id, already processed)."""
    load_sample(store, households_per_village=3)
    queue = RecordingQueue()
    system = bootstrap(Settings(data_dir=tmp_path / "data"), store=store, uow=uow, queue=queue)
    campaign_id = launch(system)
    submitted, withdrawn = draft(system, campaign_id), draft(system, campaign_id, OTHER)
    system.bus.handle(c.SubmitNomination(submitted, village_actor(VILLAGE)))
    system.bus.handle(c.WithdrawNomination(withdrawn, village_actor(VILLAGE)))
    with store.sessions() as session:
        rows = session.execute(select(OUT.c.id, OUT.c.name, OUT.c.processed_at)).all()
    return queue, {r.name: (r.id, r.processed_at is not None) for r in rows}


def test_an_event_nobody_waits_for_is_kept_on_record_but_not_published(
        sqlite_store: Store, tmp_path: Path) -> None:
    queue, rows = submit_one_withdraw_another(sqlite_store, tmp_path)
    assert queue.event_ids == [rows["NominationSubmitted"][0]]
    assert rows["NominationSubmitted"][1] is False
    assert rows["NominationWithdrawn"][1] is True


def test_what_is_published_is_decided_by_the_check_the_unit_of_work_was_given(
        sqlite_store: Store, tmp_path: Path) -> None:
    only_withdrawals = partial(sqlite_store.uow, lambda name: name == "NominationWithdrawn")
    queue, rows = submit_one_withdraw_another(sqlite_store, tmp_path, only_withdrawals)
    assert queue.event_ids == [rows["NominationWithdrawn"][0]]
    assert rows["NominationWithdrawn"][1] is False
    assert rows["NominationSubmitted"][1] is True


def test_a_unit_of_work_told_nothing_publishes_every_event(
        sqlite_store: Store, tmp_path: Path) -> None:
    queue, rows = submit_one_withdraw_another(sqlite_store, tmp_path, sqlite_store.uow)
    assert sorted(queue.event_ids) == sorted(i for i, _ in rows.values())
    assert not any(processed for _, processed in rows.values())
