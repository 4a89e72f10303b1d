"""Store errors worth retrying: the database went away or a lock timed out."""

from sqlalchemy.exc import DBAPIError, OperationalError

TRANSIENT_STORE_ERRORS: tuple[type[Exception], ...] = (OperationalError, DBAPIError)
