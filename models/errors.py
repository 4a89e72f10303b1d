"""What a store error means. Only the named transient ones are worth running a command again
for: the connection was lost or refused, the server is shutting down or starting up, a
deadlock or serialization failure, a lock wait timed out, SQLite's file is locked.
Integrity, programming and data errors are bugs or bad data: retrying cannot help."""

from __future__ import annotations

import sqlite3

import psycopg
from psycopg import errors as pg
from sqlalchemy.exc import DBAPIError, DisconnectionError

#: The server is going away or is not up yet (57P01-03); class 08 is the lost connection.
SERVER_GONE: tuple[type[Exception], ...] = (pg.AdminShutdown, pg.CrashShutdown,
                                            pg.CannotConnectNow)
#: Two writers collided; the loser is rolled back and may simply run again.
CONTENTION: tuple[type[Exception], ...] = (
    pg.DeadlockDetected, pg.SerializationFailure, pg.LockNotAvailable)


def driver_error(error: BaseException) -> BaseException:
    """The database driver's own exception inside SQLAlchemy's wrapper."""
    return error.orig if isinstance(error, DBAPIError) and error.orig is not None else error


def is_unreachable(error: BaseException) -> bool:
    """The connection was refused or lost, or the server is shutting down or starting up."""
    if isinstance(error, DisconnectionError):
        return True
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    orig = driver_error(error)
    if isinstance(orig, SERVER_GONE):
        return True
    if isinstance(orig, psycopg.Error) and (orig.sqlstate or "").startswith("08"):
        return True  # connection_exception and its kin (psycopg's classes are flat)
    # Connection refused, reset or closed: libpq reports these with no SQLSTATE.
    return type(orig) is psycopg.OperationalError and orig.sqlstate is None


def is_contention(error: BaseException) -> bool:
    """A deadlock, a serialization failure or a lock wait that timed out."""
    orig = driver_error(error)
    if isinstance(orig, CONTENTION):
        return True
    if isinstance(orig, pg.QueryCanceled):  # lock_timeout on older servers, not a slow query
        return "lock timeout" in str(orig)
    return isinstance(orig, sqlite3.OperationalError) and "locked" in str(orig)


def is_transient(error: BaseException) -> bool:
    """Worth running the whole command again from scratch."""
    return is_unreachable(error) or is_contention(error)


def is_uninitialised(error: BaseException) -> bool:
    """The database is there but its tables are not: ``sanchuang init`` was never run."""
    orig = driver_error(error)
    if isinstance(orig, pg.UndefinedTable):
        return True
    return isinstance(orig, sqlite3.OperationalError) and "no such table" in str(orig)


def is_unusable(error: BaseException) -> bool:
    """Any other refusal to connect or to run at all: wrong URL, password, database name."""
    return isinstance(error, DBAPIError) and isinstance(
        driver_error(error), psycopg.OperationalError | sqlite3.OperationalError)
