"""Read-only look-ups of the township roster: villages, households, persons, accounts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from models import tables as t
from workflows.eligibility import Member
from workflows.errors import NotFound
from workflows.ports import Account, Subject
from workflows.vetoes import describe_vetoes

VILLAGE = t.VillageRow.__table__
PERSON = t.PersonRow.__table__
ACCOUNT = t.AccountRow.__table__
HOUSEHOLD = t.HouseholdRow.__table__


class Directory:
    def __init__(self, session: Session):
        self.session = session
        self._village_names: dict[str, str] = {}
        self._accounts_of: dict[str, list[Account]] = {}
        self._township: str | None = None

    def township_name(self) -> str:
        if self._township is None:
            row = self.session.scalars(select(t.TownshipRow).limit(1)).first()
            self._township = row.name if row else ""
        return self._township

    def village_names(self, ids: Iterable[str]) -> dict[str, str]:
        wanted = set(ids) - set(self._village_names)
        if wanted:
            query = select(VILLAGE.c.id, VILLAGE.c.name).where(VILLAGE.c.id.in_(wanted))
            self._village_names.update(dict(self.session.execute(query).all()))
        return {i: self._village_names.get(i, "") for i in ids}

    def subject(self, kind: str, subject_id: str) -> Subject:
        return self.subjects([(kind, subject_id)])[subject_id]

    def subjects(self, wanted: Iterable[tuple[str, str]]) -> dict[str, Subject]:
        """(kind, id) pairs -> subjects by id, a query or two per kind; NotFound if any is
        missing."""
        by_kind: dict[str, list[str]] = defaultdict(list)
        for kind, subject_id in wanted:
            by_kind[kind].append(subject_id)
        found: dict[str, Subject] = {}
        for kind, ids in by_kind.items():
            found.update(LOADERS[kind](self.session, ids))
            missing = [i for i in ids if i not in found]
            if missing:
                raise NotFound(f"找不到{KIND_NAMES[kind]} {', '.join(missing[:5])}")
        return found

    def village_accounts(self, village_id: str) -> list[Account]:
        if village_id not in self._accounts_of:
            self._accounts_of[village_id] = self._accounts(ACCOUNT.c.village_id == village_id)
        return self._accounts_of[village_id]

    def accounts_with_role(self, role: str) -> list[Account]:
        return self._accounts(ACCOUNT.c.role == role)

    def account(self, account_id: str) -> Account:
        rows = self._accounts(ACCOUNT.c.id == account_id)
        if not rows:
            raise NotFound(f"找不到账号 {account_id}")
        return rows[0]

    def _accounts(self, condition: ColumnElement[bool]) -> list[Account]:
        rows = self.session.scalars(select(t.AccountRow).where(condition).order_by(
            ACCOUNT.c.id))
        return [Account(r.id, r.name, r.role, r.village_id, r.email, r.phone) for r in rows]


KIND_NAMES = {"village": "村（居）", "household": "户", "person": "人员"}


def _villages(session: Session, ids: list[str]) -> dict[str, Subject]:
    rows = session.scalars(select(t.VillageRow).where(VILLAGE.c.id.in_(ids)))
    return {r.id: Subject(r.id, r.name, r.id) for r in rows}


def _households(session: Session, ids: list[str]) -> dict[str, Subject]:
    households = session.scalars(select(t.HouseholdRow).where(HOUSEHOLD.c.id.in_(ids))).all()
    members: dict[str, list[t.PersonRow]] = defaultdict(list)
    for person in session.scalars(select(t.PersonRow).where(PERSON.c.household_id.in_(ids))):
        members[person.household_id or ""].append(person)
    return {h.id: Subject(h.id, f"{h.head_name}家庭", h.village_id,
                          describe_vetoes((p.name, p.vetoes) for p in members[h.id]),
                          tuple(member(p) for p in members[h.id]))
            for h in households}


def _persons(session: Session, ids: list[str]) -> dict[str, Subject]:
    rows = session.scalars(select(t.PersonRow).where(PERSON.c.id.in_(ids)))
    return {p.id: Subject(p.id, p.name, p.village_id, describe_vetoes([(p.name, p.vetoes)]),
                          (member(p),))
            for p in rows}


def member(person: t.PersonRow) -> Member:
    return Member(person.id, person.name, person.birth_date, person.serving_until,
                  person.deceased_on, person.gender)


LOADERS = {"village": _villages, "household": _households, "person": _persons}
