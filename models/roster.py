"""Bulk loading of the township roster (villages, households, persons, accounts)."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from models import tables as t
from models.store import Store
from workflows.errors import StaleVersion
from workflows.roster_import import Stored

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


def village_codes(store: Store) -> frozenset[str]:
    with store.sessions() as session:
        return frozenset(session.scalars(select(t.VillageRow.__table__.c.id)))


def stored_facts(store: Store, id_numbers: Collection[str],
                 household_ids: Collection[str]) -> Stored:
    """Which of these ID numbers and households the roster already holds."""
    person, household = t.PersonRow.__table__, t.HouseholdRow.__table__
    found: set[str] = set()
    heads: dict[str, str] = {}
    taken: set[str] = set()
    with store.sessions() as session:
        for part in chunks(sorted(id_numbers)):
            found.update(session.scalars(
                select(person.c.id_number).where(person.c.id_number.in_(part))))
        for part in chunks(sorted(household_ids)):
            query = select(household.c.id, household.c.head_name).where(household.c.id.in_(part))
            heads.update((r.id, r.head_name) for r in session.execute(query))
            taken.update(session.scalars(
                select(person.c.id).where(person.c.household_id.in_(part))))
    return Stored(frozenset(found), heads, frozenset(taken))


def chunks(values: Sequence[str], size: int = 500) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def import_rows(store: Store, rows: Mapping[str, Sequence[dict[str, Any]]],
                progress: Any = None) -> dict[str, int]:
    """insert_roster, with a clash against rows written meanwhile (the same ID number or
    household) refused as StaleVersion: the transaction is rolled back, nothing is added."""
    try:
        return insert_roster(store, rows, progress)
    except IntegrityError:
        raise StaleVersion("花名册在检查之后被修改（有人同时导入了相同的人或户），"
                       "本次未导入任何数据：请重新导入") from None
