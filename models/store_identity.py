"""Which store this is: the random id written when the store was first migrated."""

from __future__ import annotations

from sqlalchemy import inspect, select

from models.store import Store
from models.tables import StoreIdentityRow

IDENTITY = StoreIdentityRow.__table__


def store_id(store: Store) -> str:
    """The store's id; raises LookupError on a store not migrated (run ``sanchuang init``)."""
    with store.engine.connect() as conn:
        if not inspect(conn).has_table(IDENTITY.name):
            raise LookupError("the store has no identity table")
        value = conn.scalar(select(IDENTITY.c.store_id).where(IDENTITY.c.id == 1))
    if value is None:
        raise LookupError("the store has no identity row")
    return str(value)
