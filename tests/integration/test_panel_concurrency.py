"""Two reviewers submit the last two scores at the same moment, from two processes on
PostgreSQL: the panel concludes exactly once."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

from scenario import VILLAGE, RecordingQueue, draft, launch, system_on
from sqlalchemy import func, select

from models import tables as t
from models.store import Store
from sanchuang.accounts import SECRETARIAT, village_actor
from sanchuang.bootstrap import System, bootstrap
from sanchuang.sample.roster import reviewer_actors
from sanchuang.settings import Settings
from workflows import commands as c
from workflows.audit_seal import HmacSigner
from workflows.samples import TEN_STAR_CRITERIA
from workflows.stages import Stage
from workflows.vetting import DEFAULT_DEPARTMENTS

ALL_MET = {key: 1.0 for key, _ in TEN_STAR_CRITERIA}


def score_then_conclude(url: str, data_dir: str, nomination_id: str, reviewer: int,
                        barrier: Any) -> None:
    """One reviewer's process: record the score, wait for the other, then run the
    conclusion for the event it raised, as a worker would."""
    store, queue = Store(url, signer=HmacSigner(b"integration-test-audit-key")), RecordingQueue()
    system = bootstrap(Settings(data_dir=Path(data_dir), event_batch=0), store=store,
                       queue=queue)
    system.bus.handle(c.RecordReview(nomination_id, reviewer_actors()[reviewer], ALL_MET))
    raised = list(queue.event_ids)
    barrier.wait(timeout=60)
    system.bus.handle_events(raised)
    store.dispose()


def in_panel_with_one_score_to_go(system: System) -> str:
    """Accepted, cleared by every department, and scored by all but the last two."""
    queue = system.bus.queue
    assert isinstance(queue, RecordingQueue)
    nomination_id = draft(system, launch(system))
    system.bus.handle(c.SubmitNomination(nomination_id, village_actor(VILLAGE)))
    queue.drain(system)
    system.bus.handle(c.AcceptNomination(nomination_id, SECRETARIAT))
    queue.drain(system)
    for department in DEFAULT_DEPARTMENTS:
        system.bus.handle(c.ClearVettingList(department, (nomination_id,), SECRETARIAT))
    system.bus.handle(c.RecordReview(nomination_id, reviewer_actors()[0], ALL_MET))
    queue.drain(system)
    return nomination_id


def test_the_last_two_scores_at_the_same_moment_conclude_the_panel_once(
        pg_store: Store, pg_url: str, tmp_path: Path) -> None:
    system = system_on(pg_store, tmp_path)
    nomination_id = in_panel_with_one_score_to_go(system)
    with pg_store.uow() as uow:
        assert uow.nominations.get(nomination_id).stage is Stage.PANEL_REVIEW
    spawn = multiprocessing.get_context("spawn")
    barrier = spawn.Barrier(2)
    reviewers = [spawn.Process(target=score_then_conclude,
                               args=(pg_url, str(tmp_path / "data"), nomination_id, i, barrier))
                 for i in (1, 2)]
    for process in reviewers:
        process.start()
    for process in reviewers:
        process.join(timeout=120)
    assert [p.exitcode for p in reviewers] == [0, 0]
    with pg_store.uow() as uow:
        chain = uow.audit_log.chain(nomination_id)
        assert uow.nominations.get(nomination_id).stage is Stage.FINAL_APPROVAL
    assert [e.action for e in chain].count("pass_panel") == 1
    with pg_store.sessions() as session:
        results = session.execute(select(t.PanelResultRow.__table__)
                                  .where(t.PanelResultRow.__table__.c.nomination_id
                                         == nomination_id)).all()
        passed_events = session.scalar(select(func.count()).select_from(t.OutboxRow).where(
            t.OutboxRow.__table__.c.name == "PanelPassed"))
    assert [(r.sheets, r.value, r.passed) for r in results] == [(3, 10, True)]
    assert passed_events == 1
