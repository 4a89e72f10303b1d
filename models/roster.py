"""Bulk loading of the township roster (villages, households, persons, accounts)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import func, insert, select

from models import tables as t
from models.store import Store

ORDER = (t.TownshipRow, t.VillageRow, t.HouseholdRow, t.PersonRow, t.AccountRow)


def roster_loaded(store: Store) -> bool:
    with store.sessions() as session:
        return bool(session.scalar(select(func.count()).select_from(t.TownshipRow)))


def insert_roster(store: Store, rows: Mapping[str, Sequence[dict[str, Any]]],
                  progress: Any = None, chunk: int = 5000) -> dict[str, int]:
    """Insert all rows in one transaction; ``rows`` is keyed by table name."""
    counts = {}
    with store.sessions() as session, session.begin():
        for table in ORDER:
            name = table.__tablename__
            batch = list(rows.get(name, ()))
            for start in range(0, len(batch), chunk):
                session.execute(insert(table.__table__), batch[start:start + chunk])
                if progress:
                    progress(name, min(start + chunk, len(batch)), len(batch))
            counts[name] = len(batch)
    return counts
