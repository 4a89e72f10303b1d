"""Logins and API tokens as stored: the rows behind ``sanchuang.accounts``. Hashing and
checking passwords happen there; this module only reads and writes rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from models import tables as t
from models.store import Store

CREDENTIAL, TOKEN = t.CredentialRow.__table__, t.ApiTokenRow.__table__


@dataclass(frozen=True)
class Credential:
    username: str
    account_id: str
    name: str
    role: str
    village_id: str | None
    department: str | None
    email: str | None
    password_hash: str
    disabled: bool
    epoch: int


def _credential(row: t.CredentialRow, account: t.AccountRow) -> Credential:
    return Credential(row.username, row.account_id, account.name, row.role, account.village_id,
                      row.department, account.email, row.password_hash, row.disabled, row.epoch)


class Credentials:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, username: str) -> Credential | None:
        with self.store.sessions() as session:
            row = session.get(t.CredentialRow, username)
            account = session.get(t.AccountRow, row.account_id) if row else None
            return _credential(row, account) if row and account else None

    def all(self) -> list[Credential]:
        with self.store.sessions() as session:
            pairs = session.execute(select(t.CredentialRow, t.AccountRow).join(
                t.AccountRow, t.AccountRow.__table__.c.id == CREDENTIAL.c.account_id).order_by(
                CREDENTIAL.c.username)).all()
            return [_credential(row, account) for row, account in pairs]

    def add(self, credential: Credential, now: datetime, phone: str | None = None) -> None:
        """A new login, and its account when the account does not exist yet (``phone``, when
        given, is set on the account either way)."""
        with self.store.sessions.begin() as session:
            account = session.get(t.AccountRow, credential.account_id)
            if account is not None and phone:
                account.phone = phone
            if account is None:
                session.add(t.AccountRow(id=credential.account_id, name=credential.name,
                                         role=credential.role,
                                         village_id=credential.village_id,
                                         email=credential.email, phone=phone))
                session.flush()
            session.add(t.CredentialRow(
                username=credential.username, account_id=credential.account_id,
                role=credential.role, department=credential.department,
                password_hash=credential.password_hash, disabled=credential.disabled,
                epoch=0, created_at=now))

    def account(self, account_id: str) -> tuple[str, str | None] | None:
        """(role, village) of an existing account."""
        with self.store.sessions() as session:
            row = session.get(t.AccountRow, account_id)
            return (row.role, row.village_id) if row else None

    def village_exists(self, village_id: str) -> bool:
        with self.store.sessions() as session:
            return session.get(t.VillageRow, village_id) is not None

    def login_of(self, account_id: str) -> str | None:
        with self.store.sessions() as session:
            return session.scalar(select(CREDENTIAL.c.username).where(
                CREDENTIAL.c.account_id == account_id))

    def change(self, username: str, *, disabled: bool | None = None,
               password_hash: str | None = None) -> bool:
        """Disable / enable or set a new hash; every change ends the login's sessions.
        False when there is no such login."""
        values: dict[str, object] = {"epoch": CREDENTIAL.c.epoch + 1}
        if disabled is not None:
            values["disabled"] = disabled
        if password_hash is not None:
            values["password_hash"] = password_hash
        with self.store.sessions.begin() as session:
            result = session.execute(update(CREDENTIAL).where(
                CREDENTIAL.c.username == username).values(values))
            return bool(result.rowcount)  # type: ignore[attr-defined]

    def rehash(self, username: str, password_hash: str) -> None:
        """A stronger hash of the same password (sessions stay valid)."""
        with self.store.sessions.begin() as session:
            session.execute(update(CREDENTIAL).where(CREDENTIAL.c.username == username)
                            .values(password_hash=password_hash))

    def add_token(self, token_id: str, username: str, digest: str, name: str,
                  now: datetime) -> None:
        with self.store.sessions.begin() as session:
            session.add(t.ApiTokenRow(id=token_id, username=username, digest=digest,
                                      name=name, created_at=now))

    def token(self, token_id: str) -> tuple[str, str] | None:
        """(username, digest) of a token that is not revoked."""
        with self.store.sessions() as session:
            row = session.get(t.ApiTokenRow, token_id)
            return (row.username, row.digest) if row and not row.revoked else None

    def revoke_tokens(self, username: str) -> int:
        with self.store.sessions.begin() as session:
            result = session.execute(update(TOKEN).where(TOKEN.c.username == username)
                                     .values(revoked=True))
            return int(result.rowcount)  # type: ignore[attr-defined]
