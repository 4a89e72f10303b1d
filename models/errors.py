"""Store errors worth retrying: the database went away or a lock timed out."""

from sqlalchemy.exc import DBAPIError, OperationalError

TRANSIENT_STORE_ERRORS: tuple[type[Exception], ...] = (OperationalError, DBAPIError)

#: The database cannot be used at all: wrong URL, server down, tables missing.
STORE_UNREACHABLE: tuple[type[Exception], ...] = (OperationalError,)
