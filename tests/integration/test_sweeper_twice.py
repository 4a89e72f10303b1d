"""Two beat processes fire the publicity sweeper at the same moment on PostgreSQL: the window
that is due closes once, the one that is not stays open."""

from __future__ import annotations

import multiprocessing
from datetime import timedelta
from pathlib import Path
from typing import Any

from scenario import RecordingQueue, draft, launch, system_on
from sqlalchemy import func, select

from models import tables as t
from models.store import Store
from sanchuang.accounts import APPROVER, SECRETARIAT, village_actor
from sanchuang.bootstrap import System, bootstrap
from sanchuang.sample.roster import reviewer_actors
from sanchuang.settings import Settings
from workflows import commands as c
from workflows.audit_seal import HmacSigner
from workflows.samples import default_policy
from workflows.stages import Stage
from workflows.vetting import DEFAULT_DEPARTMENTS

HOUSEHOLDS = ("430522100201001", "430522100202001")


def sweep(url: str, data_dir: str, barrier: Any, results: Any) -> None:
    """One beat's sweeper run, started together with the other's."""
    store = Store(url, signer=HmacSigner(b"integration-test-audit-key"))
    system = bootstrap(Settings(data_dir=Path(data_dir), event_batch=0), store=store,
                       queue=RecordingQueue())
    barrier.wait(timeout=60)
    results.put(system.bus.handle(c.CloseDuePublicity()))
    store.dispose()


def approved(system: System, campaign_id: str, household: str) -> str:
    """A nomination carried through vetting and the panel, waiting for approval."""
    queue = system.bus.queue
    assert isinstance(queue, RecordingQueue)
    nomination_id = draft(system, campaign_id, household)
    system.bus.handle(c.SubmitNomination(nomination_id, village_actor(household[:12])))
    queue.drain(system)
    system.bus.handle(c.AcceptNomination(nomination_id, SECRETARIAT))
    queue.drain(system)
    for department in DEFAULT_DEPARTMENTS:
        system.bus.handle(c.ClearVettingList(department, (nomination_id,), SECRETARIAT))
    marks = {k.key: float(k.max_points)
             for k in default_policy().programme("model_household").rubric.criteria}
    for reviewer in reviewer_actors()[:default_policy().panel_quorum]:
        system.bus.handle(c.RecordReview(nomination_id, reviewer, marks))
        queue.drain(system)
    return nomination_id


def test_two_sweepers_at_once_close_the_due_window_once(pg_store: Store, pg_url: str,
                                                         tmp_path: Path) -> None:
    system = system_on(pg_store, tmp_path)
    campaign_id = launch(system)
    reviewers = reviewer_actors()[:default_policy().panel_quorum]
    system.bus.handle(c.AssignReviewers(campaign_id, "model_household",
                                        tuple(r.id for r in reviewers), SECRETARIAT))
    first, second = (approved(system, campaign_id, h) for h in HOUSEHOLDS)
    due = system.bus.handle(c.OpenPublicity(campaign_id, (first,), APPROVER))
    pg_store.clock.advance(timedelta(days=4))
    later = system.bus.handle(c.OpenPublicity(campaign_id, (second,), APPROVER))
    with pg_store.uow() as uow:
        closes = uow.windows.get(due).closes_at
    pg_store.clock.advance(closes - pg_store.clock.now() + timedelta(minutes=1))
    spawn = multiprocessing.get_context("spawn")
    barrier, results = spawn.Barrier(2), spawn.Queue()
    beats = [spawn.Process(target=sweep, args=(pg_url, str(tmp_path / "data"), barrier,
                                               results)) for _ in range(2)]
    for process in beats:
        process.start()
    for process in beats:
        process.join(timeout=120)
    assert [p.exitcode for p in beats] == [0, 0]
    assert sorted(results.get(timeout=5) for _ in beats) == [0, 1]
    with pg_store.uow() as uow:
        assert uow.windows.get(due).closed_at is not None
        assert uow.windows.get(later).closed_at is None
        assert uow.nominations.get(first).stage is Stage.APPROVED
        assert uow.nominations.get(second).stage is Stage.PUBLICITY
        chain = uow.audit_log.chain(first)
    assert [e.action for e in chain].count("close_publicity") == 1
    with pg_store.sessions() as session:
        closed_events = session.scalar(select(func.count()).select_from(t.OutboxRow).where(
            t.OutboxRow.__table__.c.name == "PublicityClosed"))
    assert closed_events == 1
