"""A command that fails transiently is run again from scratch, a bounded number of times;
what a failed attempt raised never leaks; a bug fails at once."""

from __future__ import annotations

import pytest
from fakes import FakeClock, FakeQueue, FakeRenderer, FakeUnitOfWork
from flows import NOW, Flow, seed
from psycopg import errors as pg
from store_errors import deadlock, wrapped

from models.errors import is_transient
from workflows import commands as c
from workflows.bus import MessageBus
from workflows.handlers import Deps
from workflows.retry import RetriesExhausted, RetryPolicy
from workflows.stages import Stage


class FlakyUnitOfWork(FakeUnitOfWork):
    """Fails to commit with the next of ``failures``, after the handler has run in full."""

    def __init__(self, clock: FakeClock):
        super().__init__(clock)
        self.failures: list[Exception] = []
        self.attempts = 0

    def commit(self) -> None:
        self.attempts += 1
        if self.failures:
            raise self.failures.pop(0)
        super().commit()


def flaky_flow(pauses: list[float], retries: int = 3) -> tuple[Flow, FlakyUnitOfWork]:
    clock, queue = FakeClock(NOW), FakeQueue()
    uow = FlakyUnitOfWork(clock)
    seed(uow.committed)
    policy = RetryPolicy(is_transient, retries, sleep=pauses.append)
    bus = MessageBus(lambda: uow, Deps(clock, FakeRenderer(), email_enabled=True), queue,
                     retry=policy)
    return Flow(bus, uow, queue, clock, FakeRenderer()).with_campaign(), uow


def submit_with_failures(failures: list[Exception], pauses: list[float]
                         ) -> tuple[Flow, FlakyUnitOfWork, str, Exception | None]:
    """Submit a draft while the commit fails with ``failures``, one per attempt."""
    flow, uow = flaky_flow(pauses)
    nomination_id = flow.create()
    uow.failures[:], uow.attempts, flow.queue.published[:] = failures, 0, []
    try:
        flow.bus.handle(c.SubmitNomination(nomination_id, flow.village_actor("h-wang")))
    except Exception as error:
        return flow, uow, nomination_id, error
    return flow, uow, nomination_id, None


def submitted(flow: Flow, nomination_id: str) -> tuple[int, int]:
    """The submit's audit entries and its NominationSubmitted events, as committed."""
    audit = [e for e in flow.rows.audit if e.subject_id == nomination_id and e.action == "submit"]
    raised = [r for r in flow.rows.outbox.values() if r.event.name == "NominationSubmitted"]
    return len(audit), len(raised)


def test_a_command_that_deadlocks_twice_runs_a_third_time_with_one_set_of_effects() -> None:
    pauses: list[float] = []
    flow, uow, nomination_id, error = submit_with_failures([deadlock(), deadlock()], pauses)
    assert error is None
    assert (uow.attempts, len(pauses)) == (3, 2)
    assert flow.nomination(nomination_id).stage is Stage.SUBMITTED
    assert submitted(flow, nomination_id) == (1, 1)
    assert flow.queue.published == [r.id for r in flow.rows.outbox.values()
                                    if r.event.name == "NominationSubmitted"]


def test_a_command_still_deadlocking_after_the_bound_gives_up_and_changes_nothing() -> None:
    pauses: list[float] = []
    last = deadlock()
    flow, uow, nomination_id, error = submit_with_failures(
        [deadlock(), deadlock(), deadlock(), last], pauses)
    assert isinstance(error, RetriesExhausted)
    assert (error.retries, error.__cause__) == (3, last)
    assert (uow.attempts, len(pauses)) == (4, 3)
    assert [0.05 <= p <= 0.4 for p in pauses] == [True, True, True]
    assert flow.nomination(nomination_id).stage is Stage.DRAFT
    assert submitted(flow, nomination_id) == (0, 0)
    assert flow.queue.published == []


def test_a_bug_fails_at_once_without_a_second_attempt() -> None:
    pauses: list[float] = []
    duplicate = wrapped(pg.UniqueViolation("duplicate key value"))
    flow, uow, nomination_id, error = submit_with_failures([duplicate], pauses)
    assert error is duplicate
    assert (uow.attempts, pauses) == (1, [])
    assert flow.nomination(nomination_id).stage is Stage.DRAFT
    assert submitted(flow, nomination_id) == (0, 0)


def test_the_pause_doubles_up_to_its_ceiling_and_is_jittered() -> None:
    policy = RetryPolicy(retries=9, first_delay=0.1, max_delay=1.0, jitter=lambda ceiling: ceiling)
    assert [policy.delay(n) for n in range(1, 6)] == [0.1, 0.2, 0.4, 0.8, 1.0]
    jittered = RetryPolicy(first_delay=1.0, max_delay=1.0)
    assert all(0.5 <= jittered.delay(1) <= 1.0 for _ in range(50))


class Restarting:
    """A store that is unreachable until ``up_at`` seconds on a fake clock that the policy's
    pauses move forward."""

    def __init__(self, up_at: float):
        self.now, self.up_at, self.attempts = 0.0, up_at, 0

    def sleep(self, seconds: float) -> None:
        self.now += seconds

    def attempt(self) -> str:
        self.attempts += 1
        if self.now < self.up_at:
            raise wrapped(pg.AdminShutdown("terminating connection due to administrator command"))
        return "done"


def test_a_command_with_a_time_budget_outlasts_a_restart_longer_than_its_retry_count() -> None:
    store = Restarting(up_at=8.0)
    policy = RetryPolicy(is_transient, 2, max_delay=2.0, sleep=store.sleep,
                         jitter=lambda ceiling: ceiling, budget=30.0, clock=lambda: store.now)
    assert policy.run("restart", store.attempt) == "done"
    assert store.now >= 8.0
    assert store.attempts > 3


def test_a_command_gives_up_once_its_time_budget_is_spent() -> None:
    store = Restarting(up_at=1000.0)
    policy = RetryPolicy(is_transient, 2, max_delay=2.0, sleep=store.sleep,
                         jitter=lambda ceiling: ceiling, budget=30.0, clock=lambda: store.now)
    with pytest.raises(RetriesExhausted) as raised:
        policy.run("restart", store.attempt)
    assert raised.value.retries == store.attempts - 1
    assert 28.0 <= store.now <= 30.0
