"""Accounts: the township's standing accounts, village accounts, and the logins of the web
pages (staff roles, Argon2 password hashes, API tokens).

The CLI acts as the secretariat (镇文明办) or the approver (镇党委); a village committee's
account is ``village-<village code>``. A login (``sanchuang user create``) is a username and
password for one account, with one staff role; a village clerk's login is scoped to one
village and a department officer's to one department."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from models.credentials import Credential, Credentials
from models.store import Store
from workflows.errors import Forbidden, InvalidInput
from workflows.nomination import Actor
from workflows.stages import Role
from workflows.text import clean_line, valid_phone

SECRETARIAT = Actor("secretariat", Role.SECRETARIAT, "镇文明办")
APPROVER = Actor("approver", Role.APPROVER, "镇党委")

USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{2,63}")
PASSWORD_MIN = 10
PASSWORD_MAX = 256
TOKEN_PREFIX = "sct"  # noqa: S105 - the marker of a token, not a secret


class StaffRole(StrEnum):
    VILLAGE = "village_committee"
    SECRETARIAT = "secretariat"
    REVIEWER = "reviewer"
    DEPARTMENT = "department"
    APPROVER = "approver"
    ADMIN = "administrator"


ROLE_NAMES_ZH = {
    StaffRole.VILLAGE: "村（居）委会",
    StaffRole.SECRETARIAT: "镇文明办",
    StaffRole.REVIEWER: "评审委员",
    StaffRole.DEPARTMENT: "联审部门",
    StaffRole.APPROVER: "镇党委",
    StaffRole.ADMIN: "系统管理员",
}

_DOMAIN_ROLE = {StaffRole.VILLAGE: Role.VILLAGE, StaffRole.SECRETARIAT: Role.SECRETARIAT,
                StaffRole.REVIEWER: Role.REVIEWER, StaffRole.DEPARTMENT: Role.DEPARTMENT,
                StaffRole.APPROVER: Role.APPROVER}


def village_account_id(village_code: str) -> str:
    return f"village-{village_code}"


def village_actor(village_code: str, name: str = "") -> Actor:
    return Actor(village_account_id(village_code), Role.VILLAGE, name, village_code)


@dataclass(frozen=True)
class User:
    """Who is signed in: what a page may show and what the domain is told."""

    username: str
    account_id: str
    name: str
    role: StaffRole
    village_id: str | None = None
    department: str | None = None
    epoch: int = 0

    @property
    def role_name(self) -> str:
        return ROLE_NAMES_ZH[self.role]

    def actor(self) -> Actor:
        """The domain's view of this user; an administrator manages logins only."""
        role = _DOMAIN_ROLE.get(self.role)
        if role is None:
            raise Forbidden("系统管理员账号只管理登录账号，不能办理评选事项")
        return Actor(self.account_id, role, self.name, self.village_id, self.department)


def _user(credential: Credential) -> User:
    return User(credential.username, credential.account_id, credential.name,
                StaffRole(credential.role), credential.village_id, credential.department,
                credential.epoch)


@dataclass(frozen=True)
class NewUser:
    username: str
    role: StaffRole
    name: str
    password: str
    village_id: str | None = None
    department: str | None = None
    email: str | None = None
    account_id: str | None = None
    phone: str | None = None  # for SMS, when the account has no e-mail


class Logins:
    """Creates, checks and disables logins; hashes with Argon2 (argon2-cffi defaults)."""

    def __init__(self, store: Store, hasher: PasswordHasher | None = None) -> None:
        self.rows = Credentials(store)
        self.hasher = hasher or PasswordHasher()
        self._dummy = self.hasher.hash(secrets.token_hex(16))

    def create(self, new: NewUser, now: datetime) -> User:
        """A new login; InvalidInput names what is wrong, and nothing is written then."""
        new = self._checked(new)
        account_id = new.account_id or self._account_for(new)
        existing = self.rows.account(account_id)
        if existing and existing != (new.role.value, new.village_id):
            raise InvalidInput(f"账号 {account_id} 的角色或所属村与新登录不一致")
        if self.rows.login_of(account_id):
            raise InvalidInput(f"账号 {account_id} 已有登录名 {self.rows.login_of(account_id)}")
        self.rows.add(Credential(new.username, account_id, new.name, new.role.value,
                                 new.village_id, new.department, new.email,
                                 self.hasher.hash(new.password), False, 0), now,
                      phone=valid_phone(new.phone, "手机号") if new.phone else None)
        found = self.find(new.username)
        assert found is not None
        return found

    def _checked(self, new: NewUser) -> NewUser:
        username = new.username.strip().lower()
        if not USERNAME.fullmatch(username):
            raise InvalidInput("登录名须为 3–64 个小写字母、数字或 . _ -，以字母或数字开头")
        if self.rows.get(username):
            raise InvalidInput(f"登录名 {username} 已被使用")
        check_password(new.password)
        name = clean_line(new.name, "姓名或单位名称", 100)  # invisible characters dropped
        department = clean_line(new.department, "联审部门", 50, required=False) \
            if new.department else None
        if new.role is StaffRole.VILLAGE and not (
                new.village_id and self.rows.village_exists(new.village_id)):
            raise InvalidInput(f"村（居）代码 {new.village_id or '（未填）'} 不存在："
                               "村级账号须指定本镇的村")
        if new.role is not StaffRole.VILLAGE and new.village_id:
            raise InvalidInput("只有村级账号才指定村（居）")
        if (new.role is StaffRole.DEPARTMENT) != bool(department):
            raise InvalidInput("联审部门账号须指定部门，其他账号不指定部门")
        return replace(new, username=username, name=name, department=department)

    def _account_for(self, new: NewUser) -> str:
        if new.role is StaffRole.VILLAGE and new.village_id:
            village_account = village_account_id(new.village_id)
            if not self.rows.login_of(village_account):
                return village_account
        return new.username

    def find(self, username: str) -> User | None:
        credential = self.rows.get(username)
        return _user(credential) if credential and not credential.disabled else None

    def session_user(self, username: str, epoch: int) -> User | None:
        """The user of a session cookie, if the login is enabled and unchanged since."""
        user = self.find(username)
        return user if user and user.epoch == epoch else None

    def authenticate(self, username: str, password: str) -> User | None:
        """The user when the password is right; the same work is done for a wrong name."""
        credential = self.rows.get(username.strip().lower()[:64])
        stored = credential.password_hash if credential else self._dummy
        try:
            self.hasher.verify(stored, password[:PASSWORD_MAX])
        except (VerificationError, InvalidHashError):
            return None
        if credential is None or credential.disabled:
            return None
        if self.hasher.check_needs_rehash(stored):
            self.rows.rehash(credential.username, self.hasher.hash(password))
        return _user(credential)

    def disable(self, username: str) -> None:
        if not self.rows.change(username, disabled=True):
            raise InvalidInput(f"没有登录名 {username}")
        self.rows.revoke_tokens(username)

    def enable(self, username: str) -> None:
        if not self.rows.change(username, disabled=False):
            raise InvalidInput(f"没有登录名 {username}")

    def set_password(self, username: str, password: str) -> None:
        check_password(password)
        if not self.rows.change(username, password_hash=self.hasher.hash(password)):
            raise InvalidInput(f"没有登录名 {username}")

    def all(self) -> list[tuple[User, bool]]:
        """Every login with whether it is disabled."""
        return [(_user(c), c.disabled) for c in self.rows.all()]

    def new_token(self, username: str, name: str, now: datetime) -> str:
        """A new API token for an enabled login; only its digest is kept."""
        if self.find(username) is None:
            raise InvalidInput(f"没有启用中的登录名 {username}")
        token_id, secret = secrets.token_hex(8), secrets.token_urlsafe(32)
        self.rows.add_token(token_id, username, _digest(secret), name.strip()[:100], now)
        return f"{TOKEN_PREFIX}_{token_id}_{secret}"

    def token_user(self, token: str) -> User | None:
        prefix, _, rest = token.partition("_")
        token_id, _, secret = rest.partition("_")
        if prefix != TOKEN_PREFIX or len(token_id) != 16 or not secret or len(token) > 200:
            return None
        found = self.rows.token(token_id)
        if found is None or not hmac.compare_digest(found[1], _digest(secret)):
            return None
        return self.find(found[0])


def check_password(password: str) -> None:
    if not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        raise InvalidInput(f"密码须为 {PASSWORD_MIN}–{PASSWORD_MAX} 个字符")
    if password.strip() != password or not password.isprintable():
        raise InvalidInput("密码不能以空格开头或结尾，也不能含控制字符")


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()
