"""A batch of events that fails for a reason that is not transient is applied one event at a
time, so one bad event cannot hold up the others; a transient failure is retried whole."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest
from psycopg import errors as pg
from store_errors import deadlock, wrapped

from workers.tasks import handle_in_batches, transient
from workflows.retry import RetriesExhausted


@dataclass
class BatchBus:
    """Fails any batch holding ``bad`` with ``error``; records the batches it applied."""

    bad: int
    error: Exception
    applied: list[list[int]] = field(default_factory=list)
    tried: list[list[int]] = field(default_factory=list)

    def handle_events(self, event_ids: Sequence[int]) -> int:
        self.tried.append(list(event_ids))
        if self.bad in event_ids:
            raise self.error
        self.applied.append(list(event_ids))
        return len(event_ids)


@dataclass
class System:
    bus: Any


def test_a_batch_failing_on_an_integrity_error_is_applied_one_by_one() -> None:
    bus = BatchBus(2, wrapped(pg.UniqueViolation("duplicate key value")))
    handle_in_batches(System(bus), [1, 2, 3])  # type: ignore[arg-type]
    assert bus.applied == [[1], [3]]
    assert bus.tried == [[1, 2, 3], [1], [2], [3]]


def test_a_batch_that_deadlocked_is_retried_whole_not_split() -> None:
    bus = BatchBus(2, deadlock())
    with pytest.raises(type(bus.error)):
        handle_in_batches(System(bus), [1, 2, 3])  # type: ignore[arg-type]
    assert bus.tried == [[1, 2, 3]]


@pytest.mark.parametrize("error", [
    deadlock(), RetriesExhausted("handle_events", 5, deadlock()), ConnectionError("reset"),
], ids=lambda e: type(e).__name__)
def test_the_tasks_retry_named_transient_failures(error: Exception) -> None:
    assert transient(error)


@pytest.mark.parametrize("error", [
    wrapped(pg.UniqueViolation("duplicate key value")),
    wrapped(pg.UndefinedColumn('column "x" does not exist')),
    wrapped(pg.NumericValueOutOfRange("integer out of range")),
    KeyError("x"),
], ids=lambda e: type(e).__name__)
def test_the_tasks_do_not_retry_bugs(error: Exception) -> None:
    assert not transient(error)
