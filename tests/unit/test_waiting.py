"""Waiting by polling the store outlives a database restart: a transient store error is
"not yet", anything else is raised."""

from __future__ import annotations

import pytest
from psycopg import errors as pg
from store_errors import wrapped

from sanchuang.runtime.processes import wait_for


def failing_first(times: int, error: Exception) -> object:
    calls = iter(range(times + 1))

    def predicate() -> bool:
        if next(calls) < times:
            raise error
        return True

    return predicate


def test_a_store_restarting_while_we_wait_is_not_yet_and_the_wait_goes_on() -> None:
    restarting = wrapped(pg.AdminShutdown("terminating connection due to administrator command"))
    assert wait_for(failing_first(3, restarting), timeout=5, interval=0.001)


def test_a_store_that_stays_down_until_the_deadline_means_the_condition_never_held() -> None:
    def down() -> bool:
        raise wrapped(pg.CannotConnectNow("the database system is starting up"))

    assert wait_for(down, timeout=0.05, interval=0.001) is False


def test_a_bug_in_the_condition_is_raised_at_once() -> None:
    bug = wrapped(pg.UndefinedColumn("column does not exist"))
    with pytest.raises(type(bug)):
        wait_for(failing_first(1, bug), timeout=5, interval=0.001)
