"""The unit of work on SQLite and PostgreSQL: all-or-nothing, outbox with the change,
stale versions refused, an event applied once however often it arrives."""

from __future__ import annotations

from pathlib import Path

import pytest
from scenario import HOUSEHOLD, VILLAGE, RecordingQueue, draft, launch, system_on
from sqlalchemy import func, select

from models import tables as t
from models.store import Store
from sanchuang.accounts import SECRETARIAT, village_actor
from workflows import commands as c
from workflows.audit import verify
from workflows.errors import StaleVersion
from workflows.stages import Action, IllegalTransition, Stage


def count(store: Store, table: type, *where: object) -> int:
    with store.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(table).where(*where)) or 0)


def test_rollback_is_the_default(store: Store, tmp_path: Path) -> None:
    system = system_on(store, tmp_path)
    campaign_id = launch(system)
    nomination_id = draft(system, campaign_id)
    with store.uow() as uow:
        nomination = uow.nominations.get(nomination_id, lock=True)
        nomination.take(Action.SUBMIT, village_actor(VILLAGE), uow.now)
        uow.nominations.save(nomination)
    with store.uow() as uow:
        assert uow.nominations.get(nomination_id).stage is Stage.DRAFT
    assert count(store, t.OutboxRow) == 0


def test_outbox_rows_are_committed_with_the_stage_change(store: Store, tmp_path: Path) -> None:
    queue = RecordingQueue()
    system = system_on(store, tmp_path, queue)
    nomination_id = draft(system, launch(system))
    system.bus.handle(c.SubmitNomination(nomination_id, village_actor(VILLAGE)))
    with store.sessions() as session:
        rows = session.scalars(select(t.OutboxRow)).all()
        stage = session.get(t.NominationRow, nomination_id).stage
    assert stage == "submitted"
    assert [(r.name, r.payload["nomination_id"]) for r in rows] == [
        ("NominationSubmitted", nomination_id)]
    assert queue.event_ids == [rows[0].id]


def test_a_refused_command_changes_nothing(store: Store, tmp_path: Path) -> None:
    system = system_on(store, tmp_path)
    campaign_id = launch(system)
    first = draft(system, campaign_id)
    with store.sessions() as session, session.begin():  # as if it had passed the panel
        session.get(t.NominationRow, first).stage = "final_approval"
    second = draft(system, campaign_id, HOUSEHOLD[:-1] + "2")
    before = (count(store, t.AuditRow), count(store, t.OutboxRow))
    with pytest.raises(IllegalTransition, match="不能在“草稿”阶段执行 open_publicity"):
        system.bus.handle(c.OpenPublicity(campaign_id, (first, second), SECRETARIAT))
    assert (count(store, t.AuditRow), count(store, t.OutboxRow)) == before
    assert count(store, t.PublicityWindowRow) == 0
    assert count(store, t.NominationRow, t.NominationRow.stage == "final_approval") == 1


def test_a_stale_version_is_refused(store: Store, tmp_path: Path) -> None:
    system = system_on(store, tmp_path)
    nomination_id = draft(system, launch(system))
    with pytest.raises(StaleVersion, match="请刷新后重试"):
        system.bus.handle(c.SubmitNomination(nomination_id, village_actor(VILLAGE),
                                             expected_version=0))
    system.bus.handle(c.SubmitNomination(nomination_id, village_actor(VILLAGE),
                                         expected_version=2))
    with store.uow() as uow:
        assert uow.nominations.get(nomination_id).version == 3


def test_a_concurrent_save_of_an_old_copy_is_refused(store: Store, tmp_path: Path) -> None:
    system = system_on(store, tmp_path)
    nomination_id = draft(system, launch(system))
    with store.uow() as uow:
        old_copy = uow.nominations.get(nomination_id)
    system.bus.handle(c.SubmitNomination(nomination_id, village_actor(VILLAGE)))
    with store.uow() as uow:
        old_copy.take(Action.WITHDRAW, village_actor(VILLAGE), uow.now)
        with pytest.raises(StaleVersion):
            uow.nominations.save(old_copy)


def test_the_same_event_twice_has_one_effect(store: Store, tmp_path: Path) -> None:
    queue = RecordingQueue()
    system = system_on(store, tmp_path, queue)
    nomination_id = draft(system, launch(system))
    system.bus.handle(c.SubmitNomination(nomination_id, village_actor(VILLAGE)))
    event_ids = list(queue.event_ids)
    assert system.bus.handle_events(event_ids + event_ids) == 1
    assert system.bus.handle_events(event_ids) == 0
    with store.uow() as uow:
        nomination = uow.nominations.get(nomination_id)
        chain = uow.audit_log.chain(nomination_id)
    assert nomination.stage is Stage.PRELIMINARY_REVIEW
    assert count(store, t.NotificationRow, t.NotificationRow.kind == "received") == 2
    assert [e.action for e in chain] == ["create", "record_assembly", "submit", "start_review"]
    assert verify(chain, nomination.audit_head) == []


def test_a_tampered_audit_entry_is_detected(store: Store, tmp_path: Path) -> None:
    queue = RecordingQueue()
    system = system_on(store, tmp_path, queue)
    nomination_id = draft(system, launch(system))
    system.bus.handle(c.SubmitNomination(nomination_id, village_actor(VILLAGE)))
    queue.drain(system)
    system.bus.handle(c.ReturnForRevision(nomination_id, SECRETARIAT, "缺少会议记录"))
    with store.sessions() as session, session.begin():
        row = session.scalars(select(t.AuditRow).where(t.AuditRow.subject_id == nomination_id,
                                                       t.AuditRow.seq == 3)).one()
        row.reason = "改过的理由"
    with store.uow() as uow:
        problems = verify(uow.audit_log.chain(nomination_id),
                          uow.nominations.get(nomination_id).audit_head)
    assert problems == [f"{nomination_id}: 第 3 条被改动"]
