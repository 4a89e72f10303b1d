"""The three stores the repository contract runs on: the in-memory fakes of tests/unit,
SQLite in a temporary file, and a fresh PostgreSQL database. Each one is seeded with the
same small roster and opened as a unit of work the same way."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial
from typing import Any

from fakes import FakeClock, FakeIntegrityError, FakeUnitOfWork
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from models import tables as t
from models.audit_log import AuditRepository
from models.store import Store
from workflows.audit import AuditEntry
from workflows.handlers import waited_for
from workflows.ports import Account

NOW = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
TOWNSHIP = ("t-xinping", "新坪镇")
VILLAGES = {"v-wanli": "湾里村", "v-shimen": "石门村"}
#: household id -> (village id, members as (person id, name, vetoes)); the first is the head.
HOUSEHOLDS = {
    "h-wang": ("v-wanli", [("p-wang", "王建国", ())]),
    "h-li": ("v-wanli", [("p-li", "李春生", ()), ("p-li-2", "李小龙", ("crime",))]),
    "h-chen": ("v-shimen", [("p-chen", "陈志强", ())]),
}
ACCOUNTS = (
    Account("acc-wanli", "湾里村村两委", "village_committee", "v-wanli", "wanli@example.cn"),
    Account("acc-wanli-2", "湾里村文书", "village_committee", "v-wanli"),
    Account("acc-shimen", "石门村村两委", "village_committee", "v-shimen"),
    Account("sec-2", "镇文明办李芳", "secretariat"),
    Account("sec-1", "镇文明办张敏", "secretariat"),
    Account("rev-1", "评委1", "reviewer"),
    Account("rev-2", "评委2", "reviewer"),
)


@dataclass
class Backend:
    """What a contract test needs of a store."""

    name: str
    uow: Callable[[], Any]
    #: What the store raises when a unique key is violated.
    integrity_error: type[Exception]
    #: The committed audit chain of one subject, in order.
    audit_chain: Callable[[str], list[AuditEntry]]


def fake_backend() -> Backend:
    uow = FakeUnitOfWork(FakeClock(NOW))
    tables = uow.committed
    tables.township = TOWNSHIP[1]
    for village_id, name in VILLAGES.items():
        tables.add_village(village_id, name)
    for household_id, (village_id, members) in HOUSEHOLDS.items():
        (_, head, _), *rest = members
        tables.add_household(household_id, village_id, head,
                             [(name, vetoes) for _, name, vetoes in rest])
        for person_id, _, _ in members:
            tables.panel.add_person(person_id, household_id, village_id)
    tables.accounts.update({a.id: a for a in ACCOUNTS})

    def chain(subject_id: str) -> list[AuditEntry]:
        return sorted((e for e in uow.committed.audit if e.subject_id == subject_id),
                      key=lambda e: e.seq)

    return Backend("fake", lambda: uow, FakeIntegrityError, chain)


def sql_backend(name: str, store: Store) -> Backend:
    """A store already migrated and seeded by ``seed_roster``."""

    def chain(subject_id: str) -> list[AuditEntry]:
        with store.sessions() as session:
            return AuditRepository(session, store.signer).chain(subject_id)

    return Backend(name, partial(store.uow, waited_for), IntegrityError, chain)


def seed_roster(store: Store) -> None:
    township_id, township = TOWNSHIP
    people = [{"id": person_id, "village_id": village_id, "household_id": household_id,
               "name": name, "gender": "男", "id_number": f"4305221960010{i:05d}",
               "birth_date": date(1960, 1, 1), "vetoes": list(vetoes)}
              for i, (person_id, household_id, village_id, name, vetoes) in enumerate(_people())]
    with store.sessions() as session, session.begin():
        session.execute(insert(t.TownshipRow), [{"id": township_id, "name": township}])
        session.execute(insert(t.VillageRow), [
            {"id": i, "township_id": township_id, "name": n} for i, n in VILLAGES.items()])
        session.execute(insert(t.HouseholdRow), [
            {"id": h, "village_id": v, "head_name": members[0][1]}
            for h, (v, members) in HOUSEHOLDS.items()])
        session.execute(insert(t.PersonRow), people)
        session.execute(insert(t.AccountRow), [vars(a) for a in ACCOUNTS])


def _people() -> list[tuple[str, str, str, str, tuple[str, ...]]]:
    return [(person_id, household_id, village_id, name, vetoes)
            for household_id, (village_id, members) in HOUSEHOLDS.items()
            for person_id, name, vetoes in members]
