"""Writers never wait on each other in a circle: two units of work that lock overlapping sets
of nominations, asked for them in opposite orders, both finish (PostgreSQL).

Without an ORDER BY, ``SELECT … WHERE id IN (…) FOR UPDATE`` locks rows in whatever order
the plan reads them: an index scan goes by id, a sequential or bitmap scan by the rows'
place on disk, and the planner picks one or the other by the list's length and the table's
statistics. The test pins one plan on each connection and stages the race with a third
connection that holds the middle row, watching pg_stat_activity instead of sleeping."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from scenario import draft, launch, system_on
from sqlalchemy import text

from models.store import Store
from sanchuang.runtime.processes import wait_for

BY_INDEX = ("SET LOCAL enable_seqscan = off", "SET LOCAL enable_bitmapscan = off")
BY_PLACE = ("SET LOCAL enable_indexscan = off", "SET LOCAL enable_bitmapscan = off",
            "SET LOCAL enable_indexonlyscan = off")


class Writer(threading.Thread):
    """One unit of work: pin a plan, lock ``ids`` through the repository, commit."""

    def __init__(self, store: Store, ids: Sequence[str], plan: Sequence[str]):
        super().__init__(daemon=True)
        self.store, self.ids, self.plan = store, list(ids), plan
        self.pid: int | None = None
        self.locked: list[str] = []
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            with self.store.uow() as uow:
                for setting in self.plan:
                    uow.session.execute(text(setting))
                self.pid = uow.session.scalar(text("SELECT pg_backend_pid()"))
                self.locked = [n.id for n in uow.nominations.get_many(self.ids, lock=True)]
                uow.commit()
        except BaseException as error:
            self.error = error


def waiting_for_a_lock(store: Store, writer: Writer) -> Callable[[], bool]:
    def check() -> bool:
        if writer.pid is None:
            return False
        with store.engine.connect() as conn:
            return conn.scalar(text("SELECT wait_event_type = 'Lock' FROM pg_stat_activity "
                                    "WHERE pid = :pid"), {"pid": writer.pid}) is True
    return check


def three_nominations_last_one_first_on_disk(store: Store, tmp_path: Path) -> list[str]:
    """Three nominations in id order; the lowest id is rewritten so that a sequential scan
    meets it after the highest."""
    system = system_on(store, tmp_path)
    campaign_id = launch(system)
    ids = sorted(draft(system, campaign_id, f"4305221002010{n:02d}") for n in (1, 2, 3))
    with store.sessions() as session, session.begin():
        session.execute(text("UPDATE nomination SET version = version WHERE id = :id"),
                        {"id": ids[0]})
        on_disk = list(session.scalars(text("SELECT id FROM nomination ORDER BY ctid")))
    assert on_disk.index(ids[2]) < on_disk.index(ids[0])
    return ids


def test_two_writers_locking_overlapping_nominations_in_opposite_orders_both_finish(
        pg_store: Store, tmp_path: Path) -> None:
    low, middle, high = three_nominations_last_one_first_on_disk(pg_store, tmp_path)
    first = Writer(pg_store, [low, middle, high], BY_INDEX)
    second = Writer(pg_store, [high, low], BY_PLACE)
    with pg_store.uow() as holder:  # holds the middle row: the first writer stops there
        holder.nominations.get(middle, lock=True)
        first.start()
        assert wait_for(waiting_for_a_lock(pg_store, first), 30)
        second.start()
        assert wait_for(waiting_for_a_lock(pg_store, second), 30)
    for writer in (first, second):
        writer.join(timeout=60)
    assert (first.error, second.error) == (None, None)
    assert (first.locked, second.locked) == ([low, middle, high], [high, low])
