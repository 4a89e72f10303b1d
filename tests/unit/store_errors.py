"""Real exception instances as the store raises them: the driver's error, wrapped by
SQLAlchemy the way it wraps every error coming out of a cursor."""

from __future__ import annotations

import sqlite3

import psycopg
from sqlalchemy.exc import DBAPIError


def wrapped(orig: Exception, invalidated: bool = False) -> DBAPIError:
    """As SQLAlchemy raises it: OperationalError, IntegrityError … picked by the driver's
    exception class."""
    base = sqlite3.Error if isinstance(orig, sqlite3.Error) else psycopg.Error
    error = DBAPIError.instance("SELECT 1", {}, orig, base, connection_invalidated=invalidated)
    assert isinstance(error, DBAPIError)
    return error


def deadlock() -> DBAPIError:
    return wrapped(psycopg.errors.DeadlockDetected("deadlock detected"))
