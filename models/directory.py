"""Read-only look-ups of the township roster: villages, households, persons, accounts."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from models import tables as t
from workflows.errors import NotFound
from workflows.ports import Account, Subject
from workflows.vetoes import describe_vetoes

VILLAGE = t.VillageRow.__table__
PERSON = t.PersonRow.__table__
ACCOUNT = t.AccountRow.__table__


class Directory:
    def __init__(self, session: Session):
        self.session = session
        self._village_names: dict[str, str] = {}

    def township_name(self) -> str:
        row = self.session.scalars(select(t.TownshipRow).limit(1)).first()
        return row.name if row else ""

    def village_names(self, ids: Iterable[str]) -> dict[str, str]:
        wanted = set(ids) - set(self._village_names)
        if wanted:
            query = select(VILLAGE.c.id, VILLAGE.c.name).where(VILLAGE.c.id.in_(wanted))
            self._village_names.update(dict(self.session.execute(query).all()))
        return {i: self._village_names.get(i, "") for i in ids}

    def subject(self, kind: str, subject_id: str) -> Subject:
        if kind == "village":
            village = self.session.get(t.VillageRow, subject_id)
            if village is None:
                raise NotFound(f"找不到村（居）{subject_id}")
            return Subject(village.id, village.name, village.id)
        if kind == "household":
            household = self.session.get(t.HouseholdRow, subject_id)
            if household is None:
                raise NotFound(f"找不到户 {subject_id}")
            members = self.session.scalars(
                select(t.PersonRow).where(PERSON.c.household_id == subject_id)).all()
            return Subject(household.id, f"{household.head_name}家庭", household.village_id,
                           describe_vetoes((p.name, p.vetoes) for p in members))
        person = self.session.get(t.PersonRow, subject_id)
        if person is None:
            raise NotFound(f"找不到人员 {subject_id}")
        return Subject(person.id, person.name, person.village_id,
                       describe_vetoes([(person.name, person.vetoes)]))

    def village_accounts(self, village_id: str) -> list[Account]:
        return self._accounts(ACCOUNT.c.village_id == village_id)

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
        return [Account(r.id, r.name, r.role, r.village_id, r.email) for r in rows]
