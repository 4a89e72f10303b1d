"""One-vote vetoes through SQL: any member's record blocks the household, not only the head's."""

from __future__ import annotations

from pathlib import Path

import pytest
from scenario import RecordingQueue, draft, launch, system_on
from sqlalchemy import select, update

from models import tables as t
from models.store import Store
from sanchuang.accounts import village_actor
from sanchuang.bootstrap import System
from workflows import commands as c
from workflows.stages import Stage

PERSON = t.PersonRow.__table__
HEAD = "户主"


def household_with_relatives(store: Store) -> str:
    with store.sessions() as session:
        return session.scalars(select(PERSON.c.household_id).where(
            PERSON.c.relation != HEAD, PERSON.c.household_id.is_not(None))
            .order_by(PERSON.c.household_id).limit(1)).one()


def veto_one(store: Store, household: str, whose: str, code: str) -> str:
    """Record ``code`` against the head or against a relative; returns that person's name."""
    is_head = PERSON.c.relation == HEAD
    with store.sessions() as session, session.begin():
        person_id, name = session.execute(select(PERSON.c.id, PERSON.c.name).where(
            PERSON.c.household_id == household, is_head if whose == "head" else ~is_head)
            .order_by(PERSON.c.id).limit(1)).one()
        session.execute(update(PERSON).where(PERSON.c.id == person_id).values(vetoes=[code]))
    return str(name)


def submitted(system: System, household: str) -> tuple[Stage, str]:
    nomination_id = draft(system, launch(system), household)
    system.bus.handle(c.SubmitNomination(nomination_id, village_actor(household[:12])))
    queue = system.bus.queue
    assert isinstance(queue, RecordingQueue)
    queue.drain(system)
    with system.store.uow() as uow:
        nomination = uow.nominations.get(nomination_id)
    return nomination.stage, nomination.stage_reason


@pytest.mark.parametrize("whose", ["head", "relative"])
def test_a_veto_on_any_member_blocks_the_household_and_disqualifies_its_nomination(
        store: Store, tmp_path: Path, whose: str) -> None:
    system = system_on(store, tmp_path)
    household = household_with_relatives(store)
    name = veto_one(store, household, whose, "illegal_petition")
    with store.uow() as uow:
        subject = uow.directory.subject("household", household)
    assert subject.member_vetoes == (f"{name}：违规上访",)
    assert submitted(system, household) == (Stage.DISQUALIFIED, f"一票否决：{name}：违规上访")


def test_a_household_without_records_goes_on_to_preliminary_review(store: Store,
                                                                   tmp_path: Path) -> None:
    system = system_on(store, tmp_path)
    household = household_with_relatives(store)
    with store.uow() as uow:
        assert uow.directory.subject("household", household).member_vetoes == ()
    assert submitted(system, household) == (Stage.PRELIMINARY_REVIEW, "")
