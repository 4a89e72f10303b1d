"""Vetting and the panel on SQLite and PostgreSQL: the repositories behind the handlers."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from scenario import HOUSEHOLD, MEETING, VILLAGE, RecordingQueue, draft, launch, system_on
from sqlalchemy import select

from models import tables as t
from models.store import Store
from sanchuang.accounts import SECRETARIAT, village_actor
from sanchuang.bootstrap import System
from sanchuang.sample.roster import reviewer_actors
from workflows import commands as c
from workflows.assembly import AssemblyVote
from workflows.audit import verify
from workflows.errors import InvalidInput, NotFound
from workflows.handlers.vetting import overdue_vetting
from workflows.samples import TEN_STAR_CRITERIA
from workflows.stages import Stage
from workflows.vetting import DEFAULT_DEPARTMENTS

ALL_MET = {key: 1.0 for key, _ in TEN_STAR_CRITERIA}
REVIEWERS = reviewer_actors()


def accepted(system: System, nomination_id: str) -> str:
    queue = system.bus.queue
    assert isinstance(queue, RecordingQueue)
    system.bus.handle(c.SubmitNomination(nomination_id, village_actor(VILLAGE)))
    queue.drain(system)
    system.bus.handle(c.AcceptNomination(nomination_id, SECRETARIAT))
    queue.drain(system)
    return nomination_id


def stage(store: Store, nomination_id: str) -> Stage:
    with store.uow() as uow:
        return uow.nominations.get(nomination_id).stage  # type: ignore[no-any-return]


def test_vetting_requests_are_opened_chased_and_a_veto_disqualifies(store: Store,
                                                                    tmp_path: Path) -> None:
    system = system_on(store, tmp_path)
    nid = accepted(system, draft(system, launch(system)))
    later = store.clock.now() + timedelta(days=14)
    with store.uow() as uow:
        asked = {r.department: r for r in uow.vetting.for_nominations([nid])[nid]}
        assert sorted(r.department for r in overdue_vetting(uow, later)) == sorted(asked)
    assert sorted(asked) == sorted(DEFAULT_DEPARTMENTS)
    system.bus.handle(c.AnswerVetting(asked["信访办"].id, SECRETARIAT, "veto", "多次越级上访"))
    with store.uow() as uow:
        nomination = uow.nominations.get(nid)
        assert overdue_vetting(uow, later) == []
        assert verify(uow.audit_log.chain(nid), nomination.audit_head) == []
    assert (nomination.stage, nomination.stage_reason) == (
        Stage.DISQUALIFIED, "联合审查（信访办）：多次越级上访")
    with pytest.raises(InvalidInput, match="不能重复录入"):
        system.bus.handle(c.AnswerVetting(asked["信访办"].id, SECRETARIAT, "clear"))


def person_in(store: Store, household: str) -> str:
    with store.sessions() as session:
        return session.scalars(select(t.PersonRow.__table__.c.id).where(
            t.PersonRow.__table__.c.household_id == household)).first() or ""


def test_the_panel_flags_scores_concludes_and_ranks(store: Store, tmp_path: Path) -> None:
    system = system_on(store, tmp_path)
    campaign_id = launch(system)
    nid = accepted(system, draft(system, campaign_id))
    kin = person_in(store, HOUSEHOLD)
    system.bus.handle(c.SetReviewerProfile("reviewer-1", SECRETARIAT, person_id=None,
                                           kin_person_ids=(kin,)))
    ids = tuple(r.id for r in REVIEWERS[:4])
    with pytest.raises(NotFound, match="找不到评审委员账号：reviewer-9"):
        system.bus.handle(c.AssignReviewers(campaign_id, "model_household",
                                            (*ids, "reviewer-9"), SECRETARIAT))
    assert system.bus.handle(c.AssignReviewers(campaign_id, "model_household", ids,
                                               SECRETARIAT)) == 4
    with store.uow() as uow:
        recused = uow.panel.recusals([nid])[nid]
    assert [(r, v.kind) for r, v in recused.items()] == [("reviewer-1", "automatic")]
    for department in DEFAULT_DEPARTMENTS:
        system.bus.handle(c.ClearVettingList(department, (nid,), SECRETARIAT))
    for reviewer in REVIEWERS[1:4]:
        system.bus.handle(c.RecordReview(nid, reviewer, ALL_MET))
        system.bus.queue.drain(system)  # type: ignore[attr-defined]
    assert stage(store, nid) is Stage.FINAL_APPROVAL
    [placed] = system.bus.handle(c.RankPanel(campaign_id, "model_household", SECRETARIAT))
    with store.uow() as uow:
        result = uow.panel.result(nid)
    assert (result.sheets, result.verdict.level, result.rank, result.quota_status) == (
        3, "金星", placed.rank, "within")


def test_a_category_move_is_one_more_link_in_the_nominations_chain(store: Store,
                                                                   tmp_path: Path) -> None:
    system = system_on(store, tmp_path)
    campaign_id = launch(system)
    adult = adult_in(store, VILLAGE)
    actor = village_actor(VILLAGE)
    nid = system.bus.handle(c.CreateNomination(campaign_id, "moral_exemplar", adult, actor,
                                               category="助人为乐", deeds="冰河救人"))
    system.bus.handle(c.RecordAssemblyVotes(actor, MEETING, {nid: AssemblyVote(33)}))
    accepted(system, nid)
    system.bus.handle(c.MoveCategory(nid, "见义勇为", "冰河救人属见义勇为", SECRETARIAT))
    with store.uow() as uow:
        nomination = uow.nominations.get(nid)
        chain = uow.audit_log.chain(nid)
    assert (nomination.category, nomination.stage) == ("见义勇为", Stage.PANEL_REVIEW)
    assert chain[-1].action == "move_category"
    assert verify(chain, nomination.audit_head) == []


def adult_in(store: Store, village: str) -> str:
    person = t.PersonRow.__table__
    with store.sessions() as session:
        return session.scalars(select(person.c.id).where(
            person.c.village_id == village, person.c.birth_date < date(1990, 1, 1),
        ).order_by(person.c.id)).first() or ""
