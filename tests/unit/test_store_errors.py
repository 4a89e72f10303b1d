"""Only named transient store errors are retried; bugs and bad data fail at once."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest
from psycopg import errors as pg
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError, DisconnectionError, IntegrityError, OperationalError
from store_errors import wrapped

from models.errors import is_contention, is_transient, is_uninitialised, is_unreachable

UNREACHABLE = [
    psycopg.OperationalError('connection failed: connection to server at "127.0.0.1", '
                             "port 1 failed: Connection refused"),
    psycopg.OperationalError("consuming input failed: server closed the connection "
                             "unexpectedly"),
    pg.AdminShutdown("terminating connection due to administrator command"),
    pg.CrashShutdown("terminating connection because of crash of another server process"),
    pg.CannotConnectNow("the database system is starting up"),
    pg.ConnectionFailure("connection failure"),
]
CONTENTION = [
    pg.DeadlockDetected("deadlock detected"),
    pg.SerializationFailure("could not serialize access due to concurrent update"),
    pg.LockNotAvailable("canceling statement due to lock timeout"),
    pg.QueryCanceled("canceling statement due to lock timeout"),
    sqlite3.OperationalError("database is locked"),
]
BUGS = [
    pg.UniqueViolation('duplicate key value violates unique constraint "review_pkey"'),
    pg.ForeignKeyViolation("insert or update on table \"review\" violates foreign key"),
    pg.UndefinedColumn('column "nope" does not exist'),
    pg.UndefinedTable('relation "nomination" does not exist'),
    pg.NumericValueOutOfRange("integer out of range"),
    pg.InvalidTextRepresentation("invalid input syntax for type integer"),
    pg.QueryCanceled("canceling statement due to statement timeout"),
    sqlite3.OperationalError("no such table: nomination"),
]


@pytest.mark.parametrize("orig", UNREACHABLE, ids=lambda e: type(e).__name__)
def test_a_lost_or_refused_connection_is_transient(orig: Exception) -> None:
    assert is_unreachable(wrapped(orig))
    assert is_transient(wrapped(orig))
    assert not is_contention(wrapped(orig))


@pytest.mark.parametrize("orig", CONTENTION, ids=lambda e: type(e).__name__)
def test_writers_colliding_is_transient(orig: Exception) -> None:
    assert is_contention(wrapped(orig))
    assert is_transient(wrapped(orig))
    assert not is_unreachable(wrapped(orig))


@pytest.mark.parametrize("orig", BUGS, ids=lambda e: f"{type(e).__name__}:{e}")
def test_integrity_programming_and_data_errors_are_not_transient(orig: Exception) -> None:
    assert not is_transient(wrapped(orig))


def test_sqlalchemy_wraps_each_kind_in_its_own_class() -> None:
    assert isinstance(wrapped(pg.DeadlockDetected("deadlock detected")), OperationalError)
    assert isinstance(wrapped(pg.UniqueViolation("duplicate key")), IntegrityError)


def test_a_connection_sqlalchemy_invalidated_is_transient() -> None:
    closed = psycopg.InterfaceError("the connection is closed")
    assert not is_transient(wrapped(closed))
    assert is_transient(wrapped(closed, invalidated=True))
    assert is_transient(DisconnectionError("pool pre-ping failed"))


def test_errors_raised_by_a_real_sqlite_database_are_told_apart() -> None:
    engine = create_engine("sqlite://")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY)"))
        conn.execute(text("INSERT INTO t VALUES (1)"))
    raised = []
    for statement in ("INSERT INTO t VALUES (1)", "SELECT * FROM nomination", "SELEC 1"):
        with engine.begin() as conn, pytest.raises(DBAPIError) as caught:
            conn.execute(text(statement))
        raised.append(caught.value)
    duplicate, missing_table, syntax = raised
    assert isinstance(duplicate, IntegrityError)
    assert [is_transient(e) for e in raised] == [False, False, False]
    assert [is_uninitialised(e) for e in raised] == [False, True, False]


def test_only_a_missing_table_means_not_initialised() -> None:
    assert is_uninitialised(wrapped(pg.UndefinedTable('relation "nomination" does not exist')))
    assert not is_uninitialised(wrapped(pg.UndefinedColumn('column "x" does not exist')))
    assert not is_uninitialised(RuntimeError("no such table"))
